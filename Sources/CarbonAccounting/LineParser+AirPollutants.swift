import Foundation

extension LineParser {
    /// What a line says about air pollutants.
    struct AirColumns {
        var vehicle: VehicleClass?
        var measured = PollutantValues()
        var factors: PollutantFactors?
    }

    /// Measured pollutants (`nox_t` … `bc_t`) and city factors (`ef_nox` … `ef_bc`).
    static let airNumberColumns = LineColumns.measuredPollutantColumns + LineColumns.pollutantFactorColumns
    /// Every optional column read here: a row with none of them skips this step.
    static let airColumns = Set(LineColumns.optional.filter { $0 != "ef_id" })

    /// Reads the optional pollutant columns. Pollutants count inside the boundary only, so they are
    /// refused on scope 2 and 3 lines; a city factor needs its unit, source and reason, and an
    /// activity it can apply to (the same conversions as the greenhouse-gas factors).
    func parseAir(
        _ fields: [String: String], subCategory: SubCategory?, activity: Activity?, problems: inout [FieldProblem]
    ) -> AirColumns {
        var air = AirColumns()
        // A row's non-empty fields are few: looking them up beats looking up every optional column.
        guard fields.keys.contains(where: Self.airColumns.contains) else { return air }
        func text(_ column: String) -> String { fields[column] ?? "" }
        var factorValues = PollutantValues()
        for pollutant in AirPollutant.ordered {
            let columns = [
                (LineColumns.measuredPollutantColumns[pollutant.index], false),
                (LineColumns.pollutantFactorColumns[pollutant.index], true),
            ]
            for (column, isFactor) in columns {
                let written = text(column)
                guard !written.isEmpty else { continue }
                guard let value = Double(written), value.isFinite else {
                    problems.append(
                        FieldProblem(column, "“\(written)” is not a number (use . for decimals, no thousands separators)"))
                    continue
                }
                guard value >= 0 else {
                    problems.append(FieldProblem(column, "must not be negative"))
                    continue
                }
                if isFactor { factorValues[pollutant] = value } else { air.measured[pollutant] = value }
            }
            if air.measured[pollutant] != nil && factorValues[pollutant] != nil {
                problems.append(
                    FieldProblem(
                        "ef_\(pollutant.key)", "give either a city factor or a measured amount of \(pollutant.rawValue), not both"
                    ))
            }
        }

        let vehicleText = text("vehicle")
        if !vehicleText.isEmpty {
            air.vehicle = VehicleClass.parse(vehicleText)
            if air.vehicle == nil {
                problems.append(
                    FieldProblem("vehicle", "must be one of \(VehicleClass.allCases.map(\.rawValue).joined(separator: ", "))"))
            } else if let subCategory, subCategory.subsectorRef != "II.1" {
                problems.append(FieldProblem("vehicle", "applies to on-road transport (II.1) only"))
            }
        }

        let given = Self.airNumberColumns.first { !text($0).isEmpty }
        if let given, let subCategory, subCategory.scope != .one {
            problems.append(
                FieldProblem(
                    given,
                    "air pollutants count inside the city boundary only (scope 1); grid energy's are a memo computed from its fuel"
                ))
        }
        if let factors = cityFactors(factorValues, text, activity: activity, problems: &problems) { air.factors = factors }
        return air
    }

    private func cityFactors(
        _ values: PollutantValues, _ text: (String) -> String, activity: Activity?, problems: inout [FieldProblem]
    ) -> PollutantFactors? {
        let described = ["ef_air_unit", "ef_air_source", "ef_air_reason"].filter { !text($0).isEmpty }
        let hasValue = AirPollutant.allCases.contains { !text("ef_\($0.key)").isEmpty }
        guard hasValue else {
            if let first = described.first {
                problems.append(FieldProblem(first, "is given but no city pollutant factor (ef_nox … ef_bc)"))
            }
            return nil
        }
        var unit: FactorUnit?
        if text("ef_air_unit").isEmpty {
            problems.append(FieldProblem("ef_air_unit", "is required with city pollutant factors (e.g. g/GJ, kg/t, g/vkm)"))
        } else if let parsed = FactorUnit.parse(text("ef_air_unit")) {
            unit = parsed
        } else {
            problems.append(FieldProblem("ef_air_unit", "“\(text("ef_air_unit"))” is not a factor unit such as g/GJ or kg/t"))
        }
        if text("ef_air_source").isEmpty {
            problems.append(
                FieldProblem("ef_air_source", "is required with city pollutant factors (the publication and its table)"))
        }
        if text("ef_air_reason").isEmpty {
            problems.append(
                FieldProblem("ef_air_reason", "is required with city pollutant factors (why they replace the default)"))
        }
        if let activity, let unit, let fuels {
            let fuel = text("fuel")
            let properties = fuel.isEmpty ? nil : fuels[fuel]
            let converted = UnitConversion.convert(
                activity, to: unit.denominator, fuel: fuel, ncv: properties?.ncv, density: properties?.density)
            if case .failure(let problem) = converted {
                problems.append(FieldProblem("ef_air_unit", "the city factors cannot apply: \(problem.message)"))
            }
        } else if activity == nil && text("activity_value").isEmpty {
            problems.append(FieldProblem("activity_value", "is required with city pollutant factors"))
        }
        guard let unit, !text("ef_air_source").isEmpty, !text("ef_air_reason").isEmpty else { return nil }
        return PollutantFactors(values: values, unit: unit, source: text("ef_air_source"), reason: text("ef_air_reason"))
    }
}
