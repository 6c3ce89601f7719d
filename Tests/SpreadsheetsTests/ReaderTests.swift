import Foundation
import Testing

@testable import Spreadsheets

/// Workbooks as other programs write them (hand-made parts, zipped by ZIPFoundation), and files
/// that are not workbooks.
@Suite struct ReaderTests {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    static let relsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let types = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static func package(_ parts: [String: String]) throws -> Data {
        try ZipPackage.write(parts.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
    }

    /// A workbook at a non-default path, with the `x:` prefix the Open XML SDK writes, inline and
    /// rich text, phonetic guides, formulas with cached values, and cells without positions.
    static func foreign() throws -> Data {
        try package([
            "_rels/.rels": declaration
                + #"<Relationships xmlns="\#(relsNamespace)"><Relationship Id="r1" Type="\#(types)officeDocument" Target="/book/wb.xml"/></Relationships>"#,
            "book/_rels/wb.xml.rels": declaration
                + #"<Relationships xmlns="\#(relsNamespace)"><Relationship Id="a" Type="\#(types)worksheet" Target="sheets/one.xml"/>"#
                + #"<Relationship Id="b" Type="\#(types)sharedStrings" Target="/book/strings.xml"/>"#
                + #"<Relationship Id="c" Type="\#(types)worksheet" Target="../book/sheets/two.xml"/></Relationships>"#,
            "book/wb.xml": declaration
                + #"<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + #"<x:sheets><x:sheet name="Emissions" sheetId="7" r:id="a"/><x:sheet name="Empty" sheetId="2" r:id="c"/></x:sheets></x:workbook>"#,
            "book/strings.xml": declaration
                + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
                + "<si><t>plain</t></si>"
                + #"<si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r></si>"#
                + "<si><t>東京都</t><rPh sb=\"0\" eb=\"3\"><t>トウキョウト</t></rPh></si>"
                + "<si><t>two_x000D_\nlines</t></si></sst>",
            "book/sheets/one.xml": declaration
                + #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>"#
                + #"<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>"#
                + #"<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line &amp; rich</x:t></x:r></x:is></x:c>"#
                + #"<x:c r="B3"><x:f>1/3</x:f><x:v>0.33333333333333331</x:v></x:c>"#
                + #"<x:c r="C3" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c>"#
                + #"<x:c r="D3"><x:f>SUM(Z1:Z9)</x:f></x:c>"#
                + #"<x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#DIV/0!</x:v></x:c>"#
                + #"<x:c r="G3" t="s"><x:v>3</x:v></x:c><x:c r="H3" s="4"/></x:row>"#
                + #"<x:row><x:c><x:v>1E-3</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>"#
                + "</x:sheetData></x:worksheet>",
            "book/sheets/two.xml": declaration
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#,
        ])
    }

    @Test func foreignWorkbook_everyKindOfCell() throws {
        let reader = try WorkbookReader(data: try Self.foreign())
        #expect(reader.sheetNames == ["Emissions", "Empty"])
        let sheet = try reader.sheet(named: "emissions")
        #expect(sheet.name == "Emissions")
        #expect(sheet["A1"] == .text("plain"))
        #expect(sheet["B1"] == .text("rich text"))
        #expect(sheet["C1"] == .text("東京都"))
        #expect(sheet["A3"] == .text("inline & rich"))
        #expect(sheet["B3"] == .number(1.0 / 3.0))
        #expect(sheet["C3"] == .text("ab"))
        #expect(sheet["D3"] == .empty)
        #expect(sheet["E3"] == .bool(true))
        #expect(sheet["F3"] == .error("#DIV/0!"))
        #expect(sheet["G3"] == .text("two\r\nlines"))
        #expect(sheet["H3"] == .empty)
        #expect(sheet["A4"] == .number(0.001))
        #expect(sheet["B4"] == .bool(false))
        #expect(try reader.sheet(named: "Empty").maxRow == 0)
    }

    @Test func bytesThatAreNotAZip_areNotAZip() {
        for bytes in [Data(), Data("line_id,gpc_ref\n1,I.1.1\n".utf8), Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])] {
            #expect(throws: SpreadsheetError.notAZip) { try WorkbookReader(data: bytes) }
        }
    }

    @Test func zipsThatAreNotWorkbooks_sayWhatTheyAre() throws {
        let ods = try Self.package(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"])
        #expect(throws: SpreadsheetError.notAWorkbook("it is an OpenDocument file (.ods); save it as an Excel workbook (.xlsx)"))
        {
            try WorkbookReader(data: ods)
        }
        let other = try Self.package(["readme.txt": "hello"])
        #expect(throws: SpreadsheetError.notAWorkbook("the zip archive has no workbook part (xl/workbook.xml)")) {
            try WorkbookReader(data: other)
        }
    }

    @Test func missingSheet_listsTheSheetsThereAre() throws {
        let reader = try WorkbookReader(data: try Self.foreign())
        #expect(throws: SpreadsheetError.missingSheet("eCRF_3", available: ["Emissions", "Empty"])) {
            try reader.sheet(named: "eCRF_3")
        }
        #expect(
            SpreadsheetError.missingSheet("eCRF_3", available: ["A"]).description
                == "the workbook has no sheet “eCRF_3” (its sheets: “A”)")
    }

    @Test func damagedParts_areNamed() throws {
        var sheet = Sheet(name: "S")
        sheet["A1"] = .text("x")
        let good = try Workbook(sheets: [sheet]).xlsx()
        let zip = try ZipPackage.Reader(data: good, limit: 1 << 20)
        var parts: [String: String] = [:]
        for path in zip.paths() { parts[path] = String(decoding: try zip.read(path) ?? Data(), as: UTF8.self) }

        var broken = parts
        broken["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row>"
        let reader = try WorkbookReader(data: try Self.package(broken))
        #expect(
            throws: SpreadsheetError.malformedPart(
                "xl/worksheets/sheet1.xml", "line 1: the XML ends too early (the file is truncated)")
        ) { try reader.sheet(named: "S") }

        var lost = parts
        lost["xl/worksheets/sheet1.xml"] = nil
        #expect(
            throws: SpreadsheetError.malformedPart(
                "xl/worksheets/sheet1.xml", "the workbook lists sheet “S” but the part is missing")
        ) {
            try WorkbookReader(data: try Self.package(lost)).sheet(named: "S")
        }

        var badIndex = parts
        badIndex["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]?.replacingOccurrences(
            of: "<v>0</v>", with: "<v>9</v>")
        #expect(throws: SpreadsheetError.self) { try WorkbookReader(data: try Self.package(badIndex)).sheet(named: "S") }
    }

    @Test func partWithADTD_isRefusedBeforeParsing() throws {
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>"#
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>"#
        var sheet = Sheet(name: "S")
        sheet["A1"] = .text("x")
        let zip = try ZipPackage.Reader(data: try Workbook(sheets: [sheet]).xlsx(), limit: 1 << 20)
        var parts: [String: String] = [:]
        for path in zip.paths() { parts[path] = String(decoding: try zip.read(path) ?? Data(), as: UTF8.self) }
        parts["xl/sharedStrings.xml"] = laughs
        #expect(
            throws: SpreadsheetError.malformedPart("xl/sharedStrings.xml", "it declares a DTD, which Open XML parts never do")
        ) {
            try WorkbookReader(data: try Self.package(parts))
        }
    }

    @Test func partLargerThanTheLimit_isRefused() throws {
        var sheet = Sheet(name: "S")
        for row in 1...2000 { sheet.append([.text("row"), .number(Double(row))]) }
        let data = try Workbook(sheets: [sheet]).xlsx()
        #expect(throws: SpreadsheetError.partTooLarge("xl/worksheets/sheet1.xml", limit: 20_000)) {
            try WorkbookReader(data: data, partLimit: 20_000).sheet(named: "S")
        }
    }
}
