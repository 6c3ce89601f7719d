import Foundation
import Testing

@testable import App

/// Every catalogue key written as a literal in the sources (`t("cities.title")`,
/// `"validation.required"`, `messageKey: "error.csrf"`…) exists in the catalogue — and so, by
/// `CatalogueTests`, in every language. A key is a dotted lower-case literal whose first part is
/// one of the catalogue's sections — except the dotted names that are not text: audit actions,
/// cached reads' names and documents' names.
@Suite struct CatalogueKeysTests {
    @Test func everyLiteralKeyInTheSources_isInTheCatalogue() throws {
        let english = try #require(try Catalogue.load().strings[.en])
        let sections = Set(english.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/App")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "sources not found at \(sources.path)")
        let literal = try NSRegularExpression(pattern: #""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        // Names that look like keys but are not shown: `Audit.record("city.update", …)`,
        // `commit(…, action: "knowledge.create")`, `CachedRead<…>("inventory.page", …)`, `name: "x.json"`.
        let names = try NSRegularExpression(
            pattern:
                #"(?:Audit\.record\(\s*(?:[^"\n]*\?\s*)?|action: (?:[^"\n]*\? )?|CachedRead<[^>]*>\(|name: )\s*"([^"]+)"(?: : "([^"]+)")?"#
        )
        var checked = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var notText: Set<String> = []
            for match in names.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { notText.insert(String(text[range])) }
                }
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for match in literal.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    guard let range = Range(match.range(at: 1), in: line) else { continue }
                    let key = String(line[range])
                    // A key ends a literal; "country.\(code)" and the like are built, not written.
                    let after = line[range.upperBound...].dropFirst(0)
                    guard after.hasPrefix("\""), !notText.contains(key), let section = key.split(separator: ".").first,
                        sections.contains(String(section))
                    else { continue }
                    checked += 1
                    #expect(english[key] != nil, "\(file.lastPathComponent):\(number + 1): \(key) is not in the catalogue")
                }
            }
        }
        #expect(checked > 300, "only \(checked) keys found: is the pattern still right?")
    }
}
