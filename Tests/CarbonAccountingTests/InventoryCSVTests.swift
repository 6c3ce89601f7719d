import Foundation
import Testing

@testable import CarbonAccounting

@Suite struct InventoryCSVTests {
    let calc = reference.calculator(set: .ar5, year: 2021)

    func read(_ text: String) -> Result<[Line], ImportProblems> {
        InventoryCSV.read(text, parser: reference.parser, calculator: calc)
    }

    @Test func export_thenImport_givesTheSameLines() throws {
        let text = #"""
            line_id,gpc_ref,description,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source,data_quality
            a1,I.1.1,"Homes, gas",1234.5678,TJ,Natural Gas,56100,5,0.1,kg/TJ,"IPCC ""2006""",H
            a2,I.2.1,,,,,,,,,,
            """#
        // Row 3 is empty of numbers: refused with its row and column.
        guard case .failure(let problems) = read(text) else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items == [ImportProblem(row: 3, column: "notation_key", message: problems.items[0].message)])

        let valid = #"""
            line_id,gpc_ref,notation_key,explanation,description,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source,data_quality
            a1,I.1.1,,,"Homes, gas",1234.5678,TJ,Natural Gas,56100,5,0.1,kg/TJ,"IPCC ""2006""",H
            a2,I.2.1,IE,Included in I.1.1,,,,,,,,,,
            """#
        let lines = try read(valid).get()
        #expect(lines.count == 2)
        let again = try read(InventoryCSV.write(lines)).get()
        #expect(again == lines)
        #expect(again[0].source == "IPCC \"2006\"")
        #expect(again[0].description == "Homes, gas")
    }

    @Test func badFiles_getClearErrors() {
        #expect(describe(read("")) == ["the file is empty"])
        #expect(describe(read("gpc_ref,co2_t\n")) == ["the file has a header but no rows"])
        #expect(describe(read("gpc_ref,colour\nI.1.1,red\n")).first?.hasPrefix("row 1, column colour: unknown column") == true)
        #expect(describe(read("co2_t\n5\n")) == ["row 1, column gpc_ref: the required column gpc_ref is missing"])
        #expect(describe(read("gpc_ref,co2_t\nI.1.1,\"5\n")).first?.contains("never ends") == true)
        #expect(describe(read("gpc_ref,co2_t\nI.1.1,5,6\n")).first?.hasPrefix("row 2:") == true)
        #expect(
            describe(read("line_id,gpc_ref,co2_t\nx,I.1.1,5\nx,I.1.2,6\n")) == [
                "row 3, column line_id: “x” is already used on row 2"
            ])
    }

    @Test func everyBadRow_isReported_withRowAndColumn() {
        let text = "gpc_ref,co2_t,activity_value,activity_unit\nI.1.1,abc,,\nI.9.9,1,,\nI.1.1,1,,\nI.1.1,,5,parsecs\n"
        let found = describe(read(text))
        #expect(found.count == 4)
        #expect(found[0].hasPrefix("row 2, column co2_t"))
        #expect(found[1].hasPrefix("row 3, column gpc_ref"))
        #expect(found[2].hasPrefix("row 5, column activity_unit"))
        #expect(found[3].hasPrefix("row 5, column ef_co2"))
    }

    func describe(_ result: Result<[Line], ImportProblems>) -> [String] {
        if case .failure(let problems) = result { return problems.items.map(\.description) }
        return []
    }
}
