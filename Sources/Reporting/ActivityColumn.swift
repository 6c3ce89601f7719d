import CarbonAccounting
import Spreadsheets

/// The columns of the activity sheet `eCRF_3`: A–AG as the eCRF lays them out
/// (reporting_formats.md §1.3), then the platform's own columns from AH, which carry what the
/// eCRF has no place for (line id, notation-key explanation, waste method, measured tonnes of
/// each gas …) so that an exported workbook imports back to the same lines. Programs that read
/// A–AG by position are not disturbed by them.
enum ActivityColumn: Int, CaseIterable {
    case year = 1
    case gpcRef
    case crfSector
    case crfSubSector
    case scope
    case fuel
    case notationKey
    case amount
    case unit
    case activityDescription
    case activitySource
    case activityQuality
    case factorUnit
    case factorCO2
    case factorCH4
    case factorN2O
    case factorCO2e
    case factorBiogenic
    case oxidation
    case factorYear
    case factorScale
    case factorDescription
    case factorSource
    case factorQuality
    case co2
    case ch4
    case n2o
    case co2e
    case biogenic
    case originalAmount
    case originalUnit
    case conversion
    case override
    // The platform's columns (AH …).
    case lineNumber
    case lineID
    case explanation
    case method
    case parameters
    case scope2Method
    case measuredCO2
    case measuredCH4
    case measuredN2O
    case otherGas
    case otherGasAmount
    case measuredBiogenic
    case otherGasesCO2e
    case comment
    // The template's optional columns (air pollutants and default factors), so that they survive
    // a round trip too; in `LineColumns.optional` order.
    case factorID
    case vehicle
    case measuredNOx, measuredSOx, measuredCO, measuredNMVOC, measuredNH3, measuredTSP, measuredPM10, measuredPM25, measuredBC
    case cityNOx, citySOx, cityCO, cityNMVOC, cityNH3, cityTSP, cityPM10, cityPM25, cityBC
    case airUnit
    case airSource
    case airReason

    var letter: String { CellReference.columnName(rawValue) }

    /// The first of the platform's own columns.
    static let firstPlatformColumn = ActivityColumn.lineNumber

    var isPlatformColumn: Bool { rawValue >= Self.firstPlatformColumn.rawValue }

    /// Columns read as numbers on import: text there is a problem (unless it reads as a number).
    static let numeric: [ActivityColumn] =
        [
            .year, .amount, .factorCO2, .factorCH4, .factorN2O, .factorCO2e, .factorBiogenic, .oxidation, .co2, .ch4, .n2o,
            .co2e, .biogenic, .originalAmount, .conversion, .lineNumber, .measuredCO2, .measuredCH4, .measuredN2O,
            .otherGasAmount, .measuredBiogenic, .otherGasesCO2e,
        ] + AirPollutant.allCases.map(measured) + AirPollutant.allCases.map(cityFactor)

    /// The column of a pollutant measured on the line (tonnes).
    static func measured(_ pollutant: AirPollutant) -> ActivityColumn {
        offset(from: .measuredNOx, pollutant)
    }

    /// The column of a city factor of a pollutant (in the unit of `airUnit`).
    static func cityFactor(_ pollutant: AirPollutant) -> ActivityColumn {
        offset(from: .cityNOx, pollutant)
    }

    private static func offset(from first: ActivityColumn, _ pollutant: AirPollutant) -> ActivityColumn {
        let index = AirPollutant.allCases.firstIndex(of: pollutant) ?? 0
        return ActivityColumn(rawValue: first.rawValue + index) ?? first
    }

    /// The pollutant of a measured or city-factor column.
    var pollutant: AirPollutant? {
        for (index, pollutant) in AirPollutant.allCases.enumerated() {
            if rawValue == Self.measuredNOx.rawValue + index || rawValue == Self.cityNOx.rawValue + index { return pollutant }
        }
        return nil
    }

    var header: String {
        switch self {
        case .year: "Inventory year"
        case .gpcRef: "GPC ref. no."
        case .crfSector: "CRF - Sector"
        case .crfSubSector: "CRF - Sub-sector"
        case .scope: "Scope"
        case .fuel: "Fuel type or activity"
        case .notationKey: "Notation key"
        case .amount: "Activity data - Amount"
        case .unit: "Activity data - Unit"
        case .activityDescription: "Activity data - Description and Methodology"
        case .activitySource: "Activity data - Source"
        case .activityQuality: "Activity data - Data Quality"
        case .factorUnit: "Emission factor - Unit"
        case .factorCO2: "Emission factor - CO2"
        case .factorCH4: "Emission factor - CH4"
        case .factorN2O: "Emission factor - N2O"
        case .factorCO2e: "Emission factor - Total CO2e"
        case .factorBiogenic: "Emission factor - Biogenic CO2"
        case .oxidation: "Emission factor - Oxidation factor"
        case .factorYear: "Emission factor - Year"
        case .factorScale: "Emission factor - Scale"
        case .factorDescription: "Emission factor - Description"
        case .factorSource: "Emission factor - Source"
        case .factorQuality: "Emission factor - Data Quality"
        case .co2: "GHGs (metric tonnes CO2e) - CO2"
        case .ch4: "GHGs (metric tonnes CO2e) - CH4"
        case .n2o: "GHGs (metric tonnes CO2e) - N2O"
        case .co2e: "GHGs (metric tonnes CO2e) - Total CO2e"
        case .biogenic: "GHGs (metric tonnes CO2e) - Biogenic CO2"
        case .originalAmount: "Activity data conversion - original activity"
        case .originalUnit: "Activity data conversion - original unit"
        case .conversion: "Activity data conversion - conversion value"
        case .override: "Activity data conversion - override used?"
        case .lineNumber: "LCC - Line no."
        case .lineID: "LCC - Line ID"
        case .explanation: "LCC - Notation key explanation"
        case .method: "LCC - Calculation method"
        case .parameters: "LCC - Method parameters"
        case .scope2Method: "LCC - Scope 2 method"
        case .measuredCO2: "LCC - Measured CO2 (t)"
        case .measuredCH4: "LCC - Measured CH4 (t)"
        case .measuredN2O: "LCC - Measured N2O (t)"
        case .otherGas: "LCC - Measured other gas"
        case .otherGasAmount: "LCC - Measured other gas (t)"
        case .measuredBiogenic: "LCC - Measured biogenic CO2 (t)"
        case .otherGasesCO2e: "LCC - GHGs (metric tonnes CO2e) - HFCs, PFCs, SF6, NF3"
        case .comment: "LCC - Comment"
        case .factorID: "LCC - Library factor (ef_id)"
        case .vehicle: "LCC - Road vehicle class"
        case .airUnit: "LCC - City pollutant factor unit"
        case .airSource: "LCC - City pollutant factor source"
        case .airReason: "LCC - City pollutant factor reason"
        default: pollutantHeader
        }
    }

    private var pollutantHeader: String {
        guard let pollutant else { return "" }
        return rawValue < Self.cityNOx.rawValue
            ? "LCC - Measured \(pollutant.rawValue) (t)" : "LCC - City factor \(pollutant.rawValue)"
    }

    var width: Double {
        switch self {
        case .year, .gpcRef, .notationKey, .unit, .factorUnit, .lineNumber, .scope2Method, .override: 10
        case .crfSector, .crfSubSector, .scope, .fuel, .activitySource, .factorSource, .explanation, .parameters: 24
        case .activityDescription, .comment, .airSource, .airReason: 36
        case .factorID: 30
        default: 14
        }
    }
}
