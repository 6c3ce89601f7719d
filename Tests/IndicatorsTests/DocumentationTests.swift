import Foundation
import Testing

@testable import Indicators

@Suite struct DocumentationTests {
    /// The example in CSV_FORMATS.md is a valid framework file, so the documentation cannot drift.
    @Test func csvFormatsExample_reads() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Indicators/CSV_FORMATS.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let example = try #require(
            text.components(separatedBy: "### Example").last?.components(separatedBy: "```").dropFirst().first)
        let edition = try FrameworkCSV.read(example)
        #expect(edition.items.map(\.id) == ["EM01", "PO05"])
    }
}
