import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Indicators
import Testing

@testable import App

/// Frameworks are data: the three shipped ones on the platform, editions imported and published
/// by the secretariat, a used or published edition never changed, bad files refused by row and
/// column with nothing changed.
@Suite struct FrameworkFlowTests {
    @Test func shippedFrameworks_showTheirItemsSourcesAndWhatIsNotKnown() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let visitor = Browser(client)
            let list = try await visitor.get("/frameworks")
            #expect(list.status == .ok)
            for slug in ["lcc-index", "undrr-scorecard", "ecomobility-shift-plus"] {
                #expect(list.contains(Paths.framework(slug)), "\(slug)")
            }
            let undrr = try await visitor.get("/frameworks/undrr-scorecard")
            #expect(undrr.status == .ok && undrr.contains("sample"))
            let api = try InventoryTestSupport.json(try await visitor.get("/api/v1/frameworks/ecomobility-shift-plus"))
            #expect((api["items"] as? [[String: Any]])?.count == 23)
            let csv = try await visitor.get("/frameworks/lcc-index/editions/2025.1.csv")
            #expect(csv.status == .ok && csv.body.hasPrefix("record,"))
        }
    }

    @Test func secretariat_importsAnEdition_publishes_andAPublishedEditionNeverChanges() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let service = FrameworkService(db: harness.db, clock: AppClock())
            let current = try #require(try await EditionRecord.query(on: harness.db).filter(\.$version == "2025.1").first())
            // The same file again: the published edition is frozen.
            await #expect(throws: AppError.self) { _ = try await service.importCSV(current.csv, by: nil) }
            // A new edition that names the published one as previous: a draft.
            let next = Self.newEdition(current.csv, version: "2026.1", previous: "2025.1")
            let outcome = try await service.importCSV(next, by: nil)
            #expect(outcome == FrameworkService.Outcome(framework: "lcc-index", version: "2026.1", created: true))
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let page = try await secretariat.get("/frameworks/lcc-index?edition=2026.1")
            #expect(page.contains(Paths.publishEdition("lcc-index", "2026.1")))
            #expect(try await secretariat.post(Paths.publishEdition("lcc-index", "2026.1"), []).status == .seeOther)
            #expect(try await EditionRecord.query(on: harness.db).filter(\.$version == "2026.1").first()?.state == .published)
            // A bad file: every problem with its row and column, nothing stored.
            let before = try await EditionRecord.query(on: harness.db).count()
            let bad = next.replacingOccurrences(of: "edition,2026.1", with: "edition,2027.1")
                .replacingOccurrences(of: "item,EM02,", with: "item,EM01,")
            do {
                _ = try await service.importCSV(bad, by: nil)
                Issue.record("a duplicate id was accepted")
            } catch let error as AppError {
                #expect(error.rowErrors.contains { $0.column == "id" && $0.row != nil && $0.message.contains("EM01") })
            }
            #expect(try await EditionRecord.query(on: harness.db).count() == before)
        }
    }

    /// The file of `csv` as another edition following `previous`, every item mapped to itself.
    static func newEdition(_ csv: String, version: String, previous: String) -> String {
        guard let records = try? CSV.parse(csv), let header = records.first?.fields,
            let idColumn = header.firstIndex(of: "id"), let previousColumn = header.firstIndex(of: "previous_id"),
            let recordColumn = header.firstIndex(of: "record"), let stateColumn = header.firstIndex(of: "state")
        else { return csv }
        var lines = [CSV.row(header)]
        for record in records.dropFirst() {
            var fields = record.fields
            while fields.count < header.count { fields.append("") }
            switch fields[recordColumn] {
            case "edition":
                fields[idColumn] = version
                fields[previousColumn] = previous
                fields[stateColumn] = "draft"
            case "item": fields[previousColumn] = fields[idColumn]
            default: break
            }
            lines.append(CSV.row(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
