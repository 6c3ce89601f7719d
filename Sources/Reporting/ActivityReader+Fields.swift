import CarbonAccounting
import Spreadsheets

extension ActivityReader {
    /// The row as the inventory template's columns (what `LineParser` reads), and for each
    /// template column the sheet column it came from, so that a problem names the right cell.
    mutating func fields(_ values: ActivityRow) -> (fields: [String: String], columnOf: [String: ActivityColumn]) {
        let numbers = values.numbers
        let row = values.row
        var fields: [String: String] = [:]
        var columnOf: [String: ActivityColumn] = [:]
        func put(_ name: String, _ column: ActivityColumn, _ value: String) {
            columnOf[name] = column
            if !value.isEmpty { fields[name] = value }
        }
        func putNumber(_ name: String, _ column: ActivityColumn, _ value: Double?) {
            put(name, column, value.map(LineColumns.format) ?? "")
        }
        put("gpc_ref", .gpcRef, values.ref)
        put("notation_key", .notationKey, values.key)
        put("explanation", .explanation, values.explanation)
        put("description", .activityDescription, text(.activityDescription, row))
        let fuel = text(.fuel, row)
        put("fuel", .fuel, fuel)
        // The original activity (AD, AE) when the exporter converted it into the factor's unit (H, I).
        let originalUnit = text(.originalUnit, row)
        if numbers[.originalAmount] != nil || !originalUnit.isEmpty {
            putNumber("activity_value", .originalAmount, numbers[.originalAmount])
            put("activity_unit", .originalUnit, originalUnit)
        } else {
            putNumber("activity_value", .amount, numbers[.amount])
            put("activity_unit", .unit, text(.unit, row))
        }
        if numbers[.factorCO2] != nil || numbers[.factorBiogenic] == nil {
            putNumber("ef_co2", .factorCO2, numbers[.factorCO2])
        } else {
            // A biomass fuel's CO2 factor is in R (biogenic); the calculator keeps it out of the totals.
            if !Fuel.isBiomass(fuel) {
                cells.problem(
                    values.cell(.factorBiogenic), "a biogenic CO2 factor needs a biomass fuel in column F (e.g. Wood/Wood Waste)")
            }
            putNumber("ef_co2", .factorBiogenic, numbers[.factorBiogenic])
        }
        putNumber("ef_ch4", .factorCH4, numbers[.factorCH4])
        putNumber("ef_n2o", .factorN2O, numbers[.factorN2O])
        put("ef_unit", .factorUnit, text(.factorUnit, row))
        let hasFactors = [ActivityColumn.factorCO2, .factorCH4, .factorN2O, .factorBiogenic].contains { numbers[$0] != nil }
        let measuredColumns: [ActivityColumn] = [.measuredCO2, .measuredCH4, .measuredN2O, .otherGasAmount, .measuredBiogenic]
        if measuredColumns.contains(where: { numbers[$0] != nil }) || !text(.otherGas, row).isEmpty {
            putNumber("co2_t", .measuredCO2, numbers[.measuredCO2])
            putNumber("ch4_t", .measuredCH4, numbers[.measuredCH4])
            putNumber("n2o_t", .measuredN2O, numbers[.measuredN2O])
            put("gas", .otherGas, text(.otherGas, row))
            putNumber("gas_t", .otherGasAmount, numbers[.otherGasAmount])
            putNumber("biogenic_co2_t", .measuredBiogenic, numbers[.measuredBiogenic])
        } else if !hasFactors && !values.hasMethod && values.key.isEmpty {
            measuredFromResults(values, fuel: fuel, put: putNumber)
        }
        put("method", .method, text(.method, row))
        put("parameters", .parameters, text(.parameters, row))
        put("scope2_method", .scope2Method, text(.scope2Method, row))
        put("data_quality", .activityQuality, text(.activityQuality, row))
        let source = text(.activitySource, row)
        let factorSource = text(.factorSource, row)
        put(
            "source", source.isEmpty ? .factorSource : .activitySource,
            [source, factorSource].filter { !$0.isEmpty }.joined(separator: "; "))
        put("comment", .comment, text(.comment, row))
        put("line_id", .lineID, text(.lineID, row))
        put("ef_id", .factorID, text(.factorID, row))
        put("vehicle", .vehicle, text(.vehicle, row))
        for pollutant in AirPollutant.allCases {
            putNumber("\(pollutant.key)_t", ActivityColumn.measured(pollutant), numbers[ActivityColumn.measured(pollutant)])
            putNumber("ef_\(pollutant.key)", ActivityColumn.cityFactor(pollutant), numbers[ActivityColumn.cityFactor(pollutant)])
        }
        put("ef_air_unit", .airUnit, text(.airUnit, row))
        put("ef_air_source", .airSource, text(.airSource, row))
        put("ef_air_reason", .airReason, text(.airReason, row))
        return (fields, columnOf)
    }

    /// A row with only tonnes CO2e per gas (Y, Z, AA) and biogenic CO2 (AC): measured emissions.
    /// CH4 and N2O are turned back into tonnes of gas with the workbook's own GWPs.
    private mutating func measuredFromResults(
        _ values: ActivityRow, fuel: String, put: (String, ActivityColumn, Double?) -> Void
    ) {
        let numbers = values.numbers
        guard [ActivityColumn.co2, .ch4, .n2o, .biogenic].contains(where: { numbers[$0] != nil }) else {
            if numbers[.co2e] != nil {
                cells.problem(
                    values.cell(.co2e),
                    "a total without its gases cannot be imported: give the CO2, CH4 and N2O columns (Y, Z, AA) or activity data and emission factors"
                )
            }
            return
        }
        // The origin of the row's methane decides its AR6 GWP (fossil or not), as in the calculator.
        let probe = Line(gpcRef: values.ref, fuel: fuel, measured: Measured(ch4: 1))
        let origin = calculator.calculate(probe).methaneOrigin
        put("co2_t", .co2, numbers[.co2])
        if let ch4 = numbers[.ch4], let gwp = calculator.gwp.gwp("CH4", in: calculator.set, methaneOrigin: origin) {
            put("ch4_t", .ch4, ch4 / gwp)
        }
        if let n2o = numbers[.n2o], let gwp = calculator.gwp.gwp("N2O", in: calculator.set) { put("n2o_t", .n2o, n2o / gwp) }
        put("biogenic_co2_t", .biogenic, numbers[.biogenic])
    }
}
