import Foundation
import Testing

@testable import CarbonAccounting

/// A row with a fuel and an activity but no factors takes the library's IPCC 2006 default for
/// that fuel and sub-category, and says so; an ambiguous fuel is an error, never a guess.
@Suite struct DefaultFactorsTests {
    let calc = reference.calculator(set: .ar5, year: 2021)

    func read(_ text: String) -> Result<[Line], ImportProblems> {
        InventoryCSV.read(text, parser: reference.parser, calculator: calc)
    }

    @Test func fuelWithoutFactors_takesTheDefault_andTheExportSaysWhich() throws {
        let text = """
            line_id,gpc_ref,activity_value,activity_unit,fuel
            home,I.1.1,2,TJ,Natural Gas
            office,I.2.1,100,t,diesel
            plant,I.4.4,1000,t,Other Bituminous Coal
            """
        let lines = try read(text).get()
        // Homes: Table 2.5 residential gas 56,100 / 5 / 0.1 kg/TJ × 2 TJ = 112.2 t CO2, 0.01 t CH4, 0.0002 t N2O.
        #expect(lines[0].factors == Factors(co2: 56_100, ch4: 5, n2o: 0.1, unit: .parse("kg/TJ")!))
        expectClose(calc.calculate(lines[0]).gases.co2, 112.2)
        // "diesel" is Diesel Oil (NCV 43.0): 100 t = 4.3 TJ × 74,100 kg/TJ = 318.63 t CO2 (Table 2.4 commercial).
        #expect(lines[1].factorID == "ipcc2006-stationary-commercial-institutional-diesel-oil")
        expectClose(calc.calculate(lines[1]).gases.co2, 318.63)
        #expect(lines[1].fuel == "diesel")
        // Energy industries, Table 2.2: 1,000 t × 25.8 GJ/t = 25.8 TJ × 94,600 kg/TJ = 2,440.68 t CO2.
        #expect(lines[2].factorID == "ipcc2006-stationary-energy-industries-other-bituminous-coal")
        expectClose(calc.calculate(lines[2]).gases.co2, 2_440.68)

        let exported = InventoryCSV.write(lines)
        #expect(exported.hasPrefix(LineColumns.all.joined(separator: ",") + ",ef_id\r\n"))
        #expect(exported.contains("56100,5,0.1,kg/TJ"))
        #expect(try read(exported).get() == lines)
    }

    @Test func ambiguousOrUnknownFuels_areErrorsWithRowAndColumn() {
        let text = """
            gpc_ref,activity_value,activity_unit,fuel
            I.1.1,10,t,coal
            I.1.1,10,t,unobtainium
            II.1.1,10,t,petrol
            II.2.1,10,t,Diesel Oil
            I.1.1,10,t,Natural Gas
            """
        guard case .failure(let problems) = read(text) else {
            Issue.record("should fail")
            return
        }
        let found = problems.items.map { "\($0.row ?? 0) \($0.column ?? "")" }
        #expect(found == ["2 fuel", "3 fuel", "4 ef_id", "5 ef_co2"])
        #expect(problems.items[0].message.contains("ambiguous") && problems.items[0].message.contains("Lignite"))
        // Petrol's road defaults differ by technology: the message names them.
        #expect(problems.items[2].message.contains("oxidation-catalyst"))
        #expect(problems.items[3].message.contains("no default factor for Diesel Oil in II.2.1"))
    }

    @Test func factorID_mustExistFitAndMatchTheTypedFactors() {
        let id = "ipcc2006-stationary-residential-and-agriculture-forestry-fishing-stationary-natural-gas"
        #expect(
            problems(["gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "TJ", "ef_id": "nope"]).map(\.column) == [
                "ef_id"
            ])
        // Naming the factor fills the fuel.
        let named = line(["gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "TJ", "ef_id": id])
        #expect(named.fuel == "Natural Gas" && named.factors?.co2 == 56_100)
        // Meant for homes, not for industry.
        #expect(
            problems(["gpc_ref": "I.3.1", "activity_value": "1", "activity_unit": "TJ", "ef_id": id]).map(\.column) == ["ef_id"])
        // Typed factors that are not the cited factor's: the export would cite a factor it does not use.
        let edited = [
            "gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "TJ", "fuel": "Natural Gas", "ef_co2": "50000",
            "ef_unit": "kg/TJ", "ef_id": id,
        ]
        #expect(problems(edited).map(\.column) == ["ef_id"])
        // The same factor in other units is the same factor: 56.1 t/TJ.
        var sameInTonnes = edited
        (sameInTonnes["ef_co2"], sameInTonnes["ef_ch4"], sameInTonnes["ef_n2o"], sameInTonnes["ef_unit"]) = (
            "56.1", "0.005", "0.0001", "t/TJ"
        )
        #expect(problems(sameInTonnes).isEmpty)
    }

    @Test func identicalDefaults_areOneFactor_andThePlainParserStillRefuses() {
        // Off-road diesel: agriculture, forestry, industry and household factors are equal.
        let digger = line(["gpc_ref": "II.5.1", "activity_value": "1", "activity_unit": "TJ", "fuel": "Diesel Oil"])
        #expect(digger.factors?.n2o == 28.6)
        let plain = LineParser(tree: reference.tree, gwp: reference.gwp)
        guard
            case .failure(let found) = plain.parse([
                "gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "TJ", "fuel": "Natural Gas",
            ])
        else {
            Issue.record("a parser without a library has no defaults")
            return
        }
        #expect(found.items.map(\.column) == ["ef_co2"])
    }
}
