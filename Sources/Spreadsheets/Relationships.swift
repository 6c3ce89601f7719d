import Foundation

/// The relationships of a package part (`…/_rels/NAME.rels`, ECMA-376 Part 2 §9.3), with
/// targets resolved to part paths inside the zip.
struct Relationships {
    struct Item {
        let id: String
        /// The relationship type's last path segment: "officeDocument", "worksheet", "sharedStrings" …
        /// (the same in transitional and Strict OOXML, whose type URIs differ before it).
        let kind: String
        /// The target as a path inside the zip, without a leading slash.
        let path: String
        let external: Bool
    }

    let items: [Item]

    func first(kind: String) -> Item? { items.first { $0.kind == kind } }
    subscript(id: String) -> Item? { items.first { $0.id == id } }

    /// The rels part of `source` ("" for the package itself): "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func partPath(for source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return source.isEmpty ? "_rels/.rels" : "_rels/\(source).rels" }
        return "\(source[..<slash])/_rels/\(source[source.index(after: slash)...]).rels"
    }

    static func parse(_ data: Data, part: String, source: String) throws(SpreadsheetError) -> Relationships {
        var items: [Item] = []
        let folder = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? ""
        try XMLEvents.parse(
            data, part: part,
            start: { name, attributes in
                guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"],
                    let target = attributes["Target"]
                else { return }
                let external = attributes["TargetMode"] == "External"
                let kind = type.split(separator: "/").last.map(String.init) ?? type
                items.append(
                    Item(id: id, kind: kind, path: external ? target : resolve(target, from: folder), external: external))
            })
        return Relationships(items: items)
    }

    /// "worksheets/sheet1.xml" from "xl" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" → "xl/x.xml"; "../a" goes up.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
