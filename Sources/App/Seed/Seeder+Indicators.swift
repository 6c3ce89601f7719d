import FluentKit
import Foundation
import Indicators

extension Seeder {
    /// The three shipped frameworks, published (the secretariat's choice for the demo), each only
    /// when the platform does not have it yet: a framework the secretariat has since changed is left
    /// as it is.
    func seedFrameworks() async throws -> Int {
        var added = 0
        let service = FrameworkService(db: db, clock: clock)
        for file in BundledFrameworks.File.allCases {
            let edition = try BundledFrameworks.load(file)
            guard try await FrameworkRecord.query(on: db).filter(\.$slug == edition.framework.slug).count() == 0 else { continue }
            _ = try await service.importCSV(FrameworkCSV.write(edition.with(state: .published)), by: nil)
            added += 1
        }
        return added
    }

    /// Named peer groups from the seed documents (`seed/peer_groups.json`), added once.
    func seedPeerGroups(_ rows: [DemoData.PeerGroupRow]) async throws -> Int {
        var added = 0
        for row in rows {
            guard try await PeerGroupRecord.query(on: db).filter(\.$slug == row.slug).count() == 0 else { continue }
            let names = String(decoding: try JSONEncoder().encode(row.names), as: UTF8.self)
            let cities = String(decoding: try JSONEncoder().encode(row.cities), as: UTF8.self)
            try await PeerGroupRecord(slug: row.slug, names: names, details: row.description, cities: cities, source: row.source)
                .create(on: db)
            added += 1
        }
        return added
    }
}
