import Foundation
import Testing

@testable import Spreadsheets

/// Workbooks written here and read back by our reader and by openpyxl.
@Suite struct WorkbookRoundTripTests {
    /// Doubles that shortest-text formatting must keep exact, including the extremes.
    static let numbers: [Double] = [
        0, 1, -1, 0.1, 1.0 / 3.0, 2.0 / 3.0, 56_266.5, 0.0387, 1e-5, 1e-300, Double.leastNonzeroMagnitude, 1e15, 1e20,
        123_456_789.123_456_78,
        Double.pi, -2.5e-7, 9_007_199_254_740_992, Double.greatestFiniteMagnitude,
    ]

    static func sample() -> Workbook {
        var first = Sheet(name: "Data", columnWidths: [1: 30, 2: 18.5], frozenRows: 1)
        first.append([.bold("Label"), Cell.text("Value", style: .header), .bold("Flag")])
        for (index, number) in numbers.enumerated() {
            first.append([.text("n\(index)"), .number(number), .bool(index.isMultiple(of: 2))])
        }
        first.append([.text("missing"), .number(nil), .empty])
        var second = Sheet(name: "Notes 2", merges: [CellRange("A1:C1")!])
        second["A1"] = .bold("Merged title")
        second["C3"] = .text("far cell")
        second["AG68"] = .number(42)
        return Workbook(sheets: [first, second])
    }

    @Test func writeThenRead_givesBackEveryValueExactly() throws {
        let data = try Self.sample().xlsx()
        let reader = try WorkbookReader(data: data)
        #expect(reader.sheetNames == ["Data", "Notes 2"])
        let values = try reader.sheet(named: "Data")
        #expect(values["A1"] == .text("Label"))
        #expect(values["B1"] == .text("Value"))
        for (index, number) in Self.numbers.enumerated() {
            let row = index + 2
            #expect(values[row: row, column: 1] == .text("n\(index)"))
            #expect(values[row: row, column: 2] == .number(number), "row \(row): \(number)")
            #expect(values[row: row, column: 3] == .bool(index.isMultiple(of: 2)))
        }
        let missingRow = Self.numbers.count + 2
        #expect(values[row: missingRow, column: 2] == .empty)
        let notes = try reader.sheet(named: "Notes 2")
        #expect(notes["A1"] == .text("Merged title"))
        #expect(notes["C3"] == .text("far cell"))
        #expect(notes["AG68"] == .number(42))
        #expect(notes.maxRow == 68 && notes.maxColumn == 33)
    }

    @Test func openpyxl_readsEveryCell_frozenHeader_andMerge() throws {
        let data = try Self.sample().xlsx()
        var expected = OpenpyxlCheck.Expectations(sheets: ["Data", "Notes 2"])
        var cells: [String: CellValue] = ["A1": .text("Label"), "B1": .text("Value"), "C1": .text("Flag")]
        for (index, number) in Self.numbers.enumerated() {
            cells["A\(index + 2)"] = .text("n\(index)")
            cells["B\(index + 2)"] = .number(number)
            cells["C\(index + 2)"] = .bool(index.isMultiple(of: 2))
        }
        cells["B\(Self.numbers.count + 2)"] = .empty
        expected.cells["Data"] = cells
        expected.cells["Notes 2"] = ["A1": .text("Merged title"), "C3": .text("far cell"), "AG68": .number(42), "B2": .empty]
        expected.frozen["Data"] = "A2"
        expected.merged["Notes 2"] = ["A1:C1"]
        OpenpyxlCheck.check(data, expected)
    }

    @Test func sameWorkbook_sameBytes() throws {
        #expect(try Self.sample().xlsx() == Self.sample().xlsx())
    }

    @Test func nonFiniteNumbers_areWrittenAsNumErrors() throws {
        var sheet = Sheet(name: "S")
        sheet.append([.number(.nan), .number(.infinity)])
        let values = try WorkbookReader(data: try Workbook(sheets: [sheet]).xlsx()).sheet(named: "S")
        #expect(values["A1"] == .error("#NUM!"))
        #expect(values["B1"] == .error("#NUM!"))
    }

    @Test func packageParts_areTheOnesExcelExpects() throws {
        let parts = try ZipPackage.Reader(data: try Self.sample().xlsx(), limit: 1 << 20).paths()
        #expect(
            parts == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
    }
}
