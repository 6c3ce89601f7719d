import Foundation
import Testing

@testable import Spreadsheets

/// Every text goes through XML escaping; characters XML 1.0 forbids become U+FFFD.
@Suite struct EscapingTests {
    static let texts: [(written: String, read: String)] = [
        ("a < b && c > d", "a < b && c > d"),
        (#"say "hi" & 'bye'"#, #"say "hi" & 'bye'"#),
        ("</t></si><si><t>injected", "</t></si><si><t>injected"),
        ("]]> <![CDATA[x]]>", "]]> <![CDATA[x]]>"),
        ("贵阳市 温室气体清单 東京都 서울특별시", "贵阳市 温室气体清单 東京都 서울특별시"),
        ("emoji 🌏🏭🚗 👩🏽‍🔬", "emoji 🌏🏭🚗 👩🏽‍🔬"),
        ("bell\u{07}null\u{00}escape\u{1B}end", "bell\u{FFFD}null\u{FFFD}escape\u{FFFD}end"),
        ("not characters \u{FFFE}\u{FFFF}", "not characters \u{FFFD}\u{FFFD}"),
        ("tab\tline\nwindows\r\nold mac\r.", "tab\tline\nwindows\r\nold mac\r."),
        ("  leading and trailing  ", "  leading and trailing  "),
        ("literal _x0041_ and _x005F_ stay", "literal _x0041_ and _x005F_ stay"),
        ("&amp; is not decoded twice", "&amp; is not decoded twice"),
        ("DEL \u{7F} is allowed", "DEL \u{7F} is allowed"),
    ]

    static func workbook() -> Workbook {
        var sheet = Sheet(name: "Text <&> \"q\" 表")
        for (written, _) in texts { sheet.append([.text(written)]) }
        return Workbook(sheets: [sheet])
    }

    @Test func ourReader_getsBackEveryText_controlsReplaced() throws {
        let reader = try WorkbookReader(data: try Self.workbook().xlsx())
        #expect(reader.sheetNames == ["Text <&> \"q\" 表"])
        let values = try reader.sheet(named: "Text <&> \"q\" 表")
        for (row, (_, read)) in Self.texts.enumerated() {
            #expect(values[row: row + 1, column: 1] == .text(read), "row \(row + 1)")
        }
    }

    @Test func openpyxl_readsTheSameTexts() throws {
        var expected = OpenpyxlCheck.Expectations(sheets: ["Text <&> \"q\" 表"])
        var cells: [String: CellValue] = [:]
        // openpyxl 3.1 undoes `_x005F_` by deleting every "x005F_" (reader/strings.py), so a text
        // that itself holds "_x005F_" reads back shorter there; Excel and our reader decode it.
        for (row, (_, read)) in Self.texts.enumerated() where !read.contains("_x005F_") { cells["A\(row + 1)"] = .text(read) }
        expected.cells["Text <&> \"q\" 表"] = cells
        OpenpyxlCheck.check(try Self.workbook().xlsx(), expected)
    }

    @Test func escapedBytes_areWellFormed() {
        var bytes: [UInt8] = []
        XMLText.appendAttribute("a\"b\nc\td\re<&>", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "a&quot;b&#10;c&#9;d&#13;e&lt;&amp;&gt;")
        bytes = []
        XMLText.appendContent("_x0041_ _x41_ _xZZZZ_", to: &bytes, cellText: true)
        #expect(String(decoding: bytes, as: UTF8.self) == "_x005F_x0041_ _x41_ _xZZZZ_")
        #expect(XMLText.decodeCellText("line_x000D_\nend_x005F_x0041_") == "line\r\nend_x0041_")
    }

    @Test func sheetNames_thatExcelRefuses_areErrors() {
        let bad = ["", "a/b", "a[1]", "what?", "'quoted'", "History", String(repeating: "x", count: 32), "tab\tname"]
        for name in bad {
            #expect(throws: SpreadsheetError.self, "\(name)") { try Workbook(sheets: [Sheet(name: name)]).xlsx() }
        }
        #expect(throws: SpreadsheetError.invalidSheetName("data", "two sheets have this name")) {
            try Workbook(sheets: [Sheet(name: "Data"), Sheet(name: "data")]).xlsx()
        }
    }

    @Test func textLongerThanACell_isAnError_namingTheCell() {
        var sheet = Sheet(name: "S")
        sheet["C2"] = .text(String(repeating: "é", count: 32_768))
        #expect(throws: SpreadsheetError.textTooLong(sheet: "S", cell: "C2", length: 32_768)) {
            try Workbook(sheets: [sheet]).xlsx()
        }
    }

    @Test func overlappingMerges_areErrors() {
        let sheet = Sheet(name: "S", merges: [CellRange("A1:B2")!, CellRange("B2:C3")!])
        #expect(throws: SpreadsheetError.overlappingMerge(sheet: "S", range: "B2:C3")) { try Workbook(sheets: [sheet]).xlsx() }
    }
}
