/// The fixed parts of the package (ECMA-376 Part 2, Open Packaging Conventions; Part 1 §12.3 for
/// the workbook's relationships).
enum PackageParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var text = declaration
        text += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        text += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        text += #"<Default Extension="xml" ContentType="application/xml"/>"#
        text += override("/xl/workbook.xml", "spreadsheetml.sheet.main+xml")
        for index in stride(from: 1, through: sheetCount, by: 1) {
            text += override("/xl/worksheets/sheet\(index).xml", "spreadsheetml.worksheet+xml")
        }
        text += override("/xl/styles.xml", "spreadsheetml.styles+xml")
        text += override("/xl/sharedStrings.xml", "spreadsheetml.sharedStrings+xml")
        text += "</Types>"
        return Array(text.utf8)
    }

    private static func override(_ part: String, _ type: String) -> String {
        #"<Override PartName="\#(part)" ContentType="application/vnd.openxmlformats-officedocument.\#(type)"/>"#
    }

    static let rootRelationships: [UInt8] = Array(
        (declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + relationship("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>").utf8)

    /// Sheets are rId1…rIdN, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var text = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in stride(from: 1, through: sheetCount, by: 1) {
            text += relationship("rId\(index)", "worksheet", "worksheets/sheet\(index).xml")
        }
        text += relationship("rId\(sheetCount + 1)", "styles", "styles.xml")
        text += relationship("rId\(sheetCount + 2)", "sharedStrings", "sharedStrings.xml")
        text += "</Relationships>"
        return Array(text.utf8)
    }

    private static func relationship(_ id: String, _ type: String, _ target: String) -> String {
        #"<Relationship Id="\#(id)" Type="\#(relationshipTypes)\#(type)" Target="\#(target)"/>"#
    }

    static func workbook(sheetNames: [String]) -> [UInt8] {
        var bytes = Array(declaration.utf8)
        bytes += #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#.utf8
        bytes += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#.utf8
        for (offset, name) in sheetNames.enumerated() {
            bytes += #"<sheet name=""#.utf8
            XMLText.appendAttribute(name, to: &bytes)
            bytes += #"" sheetId="\#(offset + 1)" r:id="rId\#(offset + 1)"/>"#.utf8
        }
        bytes += "</sheets></workbook>".utf8
        return bytes
    }
}

/// `xl/styles.xml`: four cell formats, indexed as `CellStyle.index` computes (0 plain, 1 bold,
/// 2 wrapped, 3 bold and wrapped). Fills 0 and 1 (none, gray125) are the two every styles part
/// must start with (ECMA-376 Part 1 §18.8.21; Excel repairs a file without them).
enum StylesPart {
    static let xml: [UInt8] = Array(
        (PackageParts.declaration + #"<styleSheet xmlns="\#(PackageParts.mainNamespace)">"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
            + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
            + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="4">"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">"#
            + #"<alignment vertical="top" wrapText="1"/></xf>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#
            + #"<alignment vertical="top" wrapText="1"/></xf>"#
            + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>").utf8)
}

/// The shared string table: each distinct text once, cells refer to it by index.
struct SharedStrings {
    private var index: [String: Int] = [:]
    private var texts: [String] = []
    private(set) var references = 0

    mutating func position(of text: String) -> Int {
        references += 1
        if let found = index[text] { return found }
        index[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    func xml() -> [UInt8] {
        var bytes = Array(PackageParts.declaration.utf8)
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 24 } + 200)
        bytes += #"<sst xmlns="\#(PackageParts.mainNamespace)" count="\#(references)" uniqueCount="\#(texts.count)">"#.utf8
        for text in texts {
            // Leading or trailing blanks are kept only with xml:space="preserve" (ECMA-376 Part 1 §22.4.2.30).
            if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                first.properties.isWhitespace || last.properties.isWhitespace
            {
                bytes += #"<si><t xml:space="preserve">"#.utf8
            } else {
                bytes += "<si><t>".utf8
            }
            XMLText.appendContent(text, to: &bytes, cellText: true)
            bytes += "</t></si>".utf8
        }
        bytes += "</sst>".utf8
        return bytes
    }
}
