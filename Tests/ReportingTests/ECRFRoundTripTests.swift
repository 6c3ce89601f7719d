import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// Export → import gives back the same lines, metadata and totals.
@Suite struct ECRFRoundTripTests {
    static func roundTrip(_ export: InventoryExport, annexes: [any ReportAnnex] = []) throws -> ImportedInventory {
        try ECRF.read(try ECRF.xlsx(for: export, annexes: annexes), reference: reference)
    }

    @Test func workedExample_sameLinesMetadataAndTotals() throws {
        for set in GWPSet.allCases {
            let export = WorkedExample.export(set)
            let imported = try Self.roundTrip(export)
            #expect(imported.lines == export.lines)
            var expected = export.metadata
            expected.gasesIncluded = export.gasesIncluded
            #expect(imported.metadata == expected)
            let again = InventoryExport(metadata: imported.metadata, lines: imported.lines, reference: reference)
            for basis in TotalBasis.allCases { #expect(again.report.total(basis).co2e == export.report.total(basis).co2e) }
            #expect(again.report.biogenicCO2 == export.report.biogenicCO2)
            #expect(again.report.marketBasedScope2 == export.report.marketBasedScope2)
        }
    }

    @Test func annexesAreIgnoredOnImport() throws {
        let export = WorkedExample.export()
        #expect(try Self.roundTrip(export, annexes: [PollutantAnnexStub()]).lines == export.lines)
    }

    @Test func inventoryWithoutLines_importsAsNoLines() throws {
        let export = InventoryExport(metadata: WorkedExample.metadata, lines: [], reference: reference)
        #expect(try Self.roundTrip(export).lines.isEmpty)
    }

    /// Property: any valid inventory survives the round trip exactly — random lines of every kind,
    /// with full-precision numbers and texts in several scripts (seeded, so a failure repeats).
    @Test(arguments: [1, 2, 3, 4, 5])
    func randomInventories_surviveExactly(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let lines = (0..<150).map { RandomLine.make(index: $0, using: &generator) }
        let calculator = reference.calculator(set: .ar6, year: 2021)
        for line in lines { #expect(calculator.calculate(line).problems.isEmpty, "\(line)") }
        var metadata = WorkedExample.metadata
        metadata.gwp = .ar6
        let export = InventoryExport(metadata: metadata, lines: lines, reference: reference)
        let imported = try Self.roundTrip(export)
        #expect(imported.lines.count == lines.count)
        for (read, written) in zip(imported.lines, lines) where read != written { Issue.record("\(read) ≠ \(written)") }
    }

    @Test func controlCharacters_comeBackAsReplacementCharacters() throws {
        let bell = line(["gpc_ref": "I.1.1", "co2_t": "1", "description": "meter\u{07}reading"])
        let export = InventoryExport(metadata: WorkedExample.metadata, lines: [bell], reference: reference)
        #expect(try Self.roundTrip(export).lines.first?.description == "meter\u{FFFD}reading")
    }
}

/// A SplitMix64 generator: the same seed, the same inventory.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomLine {
    static let words = ["Heating", "贵阳 供暖", "東京ガス", "서울 전력", "a<b & \"c\"", "Émissions", "🚌 fleet", "_x0041_ literal"]

    static func make(index: Int, using generator: inout SeededGenerator) -> Line {
        func value() -> String { LineColumns.format(Double.random(in: 0.001...1e7, using: &generator)) }
        func word() -> String { words.randomElement(using: &generator) ?? "" }
        var fields: [String: String] = [
            "line_id": "L\(index)", "description": "\(word()) \(index)", "comment": Bool.random(using: &generator) ? word() : "",
            "source": Bool.random(using: &generator) ? "Statistics bureau \(index)" : "",
            "data_quality": ["", "H", "M", "L"].randomElement(using: &generator) ?? "",
        ]
        switch Int.random(in: 0..<7, using: &generator) {
        case 0:
            fields.merge(
                [
                    "gpc_ref": ["I.1.1", "I.2.1", "I.3.1", "I.5.1"].randomElement(using: &generator) ?? "I.1.1",
                    "activity_value": value(), "activity_unit": ["t", "TJ", "GJ", "kg"].randomElement(using: &generator) ?? "t",
                    "fuel": ["Natural Gas", "Other Bituminous Coal", "Wood/Wood Waste", "Gas/Diesel Oil"].randomElement(
                        using: &generator) ?? "",
                    "ef_co2": value(), "ef_ch4": value(), "ef_n2o": value(), "ef_unit": "kg/TJ",
                ], uniquingKeysWith: { $1 })
        case 1:
            fields.merge(
                [
                    "gpc_ref": ["I.1.2", "I.2.2", "II.2.2"].randomElement(using: &generator) ?? "I.1.2",
                    "activity_value": value(),
                    "activity_unit": "kWh", "ef_co2": value(), "ef_unit": "t/MWh",
                    "scope2_method": Bool.random(using: &generator) ? "market" : "",
                ], uniquingKeysWith: { $1 })
        case 2:
            fields.merge(
                [
                    "gpc_ref": ["II.1.1", "III.1.3", "V.1", "I.4.4", "VI.1", "IV.1"].randomElement(using: &generator) ?? "V.1",
                    "co2_t": value(), "ch4_t": value(), "n2o_t": Bool.random(using: &generator) ? value() : "",
                    "biogenic_co2_t": Bool.random(using: &generator) ? value() : "",
                ], uniquingKeysWith: { $1 })
        case 3:
            fields.merge([
                "gpc_ref": "IV.2", "gas": ["HFC134a", "SF6", "CF4"].randomElement(using: &generator) ?? "SF6", "gas_t": value(),
            ]) {
                $1
            }
        case 4:
            let key = ["NO", "NE", "C", "IE"].randomElement(using: &generator) ?? "NO"
            fields.merge(
                [
                    "gpc_ref": ["I.6.1", "II.3.1", "III.2.2", "V.3"].randomElement(using: &generator) ?? "V.3",
                    "notation_key": key,
                    "explanation": key == "IE" ? "Included in I.1.1 — \(word())" : "Reason \(word())",
                ], uniquingKeysWith: { $1 })
        case 5:
            fields.merge(
                [
                    "gpc_ref": "III.2.1", "activity_value": value(), "activity_unit": "t", "method": "biological_treatment",
                    "parameters": "treatment=composting;basis=dry",
                ], uniquingKeysWith: { $1 })
        default:
            fields.merge(
                [
                    "gpc_ref": "II.1.1", "activity_value": value(), "activity_unit": "L", "fuel": "Gas/Diesel Oil",
                    "ef_co2": value(), "ef_unit": "kg/TJ", "explanation": "note \(word())",
                ], uniquingKeysWith: { $1 })
        }
        return line(fields)
    }
}
