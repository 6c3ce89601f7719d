import Foundation

extension LineColumns {
    /// Columns added for air pollutants and default factors, written after `all` and only when a
    /// line uses them: files without them import and export exactly as before.
    public static let optional: [String] =
        ["ef_id", "vehicle"] + measuredPollutantColumns + pollutantFactorColumns + [
            "ef_air_unit", "ef_air_source", "ef_air_reason",
        ]

    /// `nox_t` … `bc_t` and `ef_nox` … `ef_bc`, in `AirPollutant.allCases` order.
    static let measuredPollutantColumns = AirPollutant.allCases.map { "\($0.key)_t" }
    static let pollutantFactorColumns = AirPollutant.allCases.map { "ef_\($0.key)" }

    /// The text of the optional columns of a line; empty for a line that uses none of them.
    static func optionalFields(of line: Line) -> [String: String] {
        guard line.usesOptionalColumns else { return [:] }
        func number(_ value: Double?) -> String { value.map(format) ?? "" }
        var fields = ["ef_id": line.factorID, "vehicle": line.vehicle?.rawValue ?? ""]
        let city = line.pollutantFactors
        for pollutant in AirPollutant.ordered {
            fields[measuredPollutantColumns[pollutant.index]] = number(line.measuredPollutants[pollutant])
            fields[pollutantFactorColumns[pollutant.index]] = number(city?.values[pollutant])
        }
        fields["ef_air_unit"] = city.map { $0.unit.description } ?? ""
        fields["ef_air_source"] = city?.source ?? ""
        fields["ef_air_reason"] = city?.reason ?? ""
        return fields
    }
}
