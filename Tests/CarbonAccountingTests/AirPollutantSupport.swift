import Foundation
import Testing

@testable import CarbonAccounting

/// The pollutant calculation of an edition over the bundled reference data.
func air(_ edition: AirPollutantEdition = .current, region: String? = nil) -> AirPollutantCalculator {
    reference.airPollutantCalculator(edition: edition, region: region)
}

/// Compares a pollutant amount (tonnes) with the reference note's vector (kilograms).
func expectKg(_ tonnes: Double?, _ kilograms: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(tonnes.map { $0 * 1000 }, kilograms, sourceLocation: sourceLocation)
}

/// A 1,000 GJ fuel line without factors: it takes the library's default greenhouse-gas factors.
func fuelLine(_ ref: String, _ fuel: String, _ value: String = "1000", unit: String = "GJ") -> Line {
    line(["gpc_ref": ref, "activity_value": value, "activity_unit": unit, "fuel": fuel])
}
