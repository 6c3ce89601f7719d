import FluentKit
import Foundation
import Indicators
import SQLKit

/// The secretariat's benchmarking settings: peer-matching weights and scales, comparison rules,
/// plausibility thresholds, and each country's per-person emissions (with their source) for the
/// country check — no national figure ships with the platform, so that check runs only for
/// countries the secretariat has set.
struct BenchmarkSettings: Codable, Sendable, Hashable {
    struct CountryFigure: Codable, Sendable, Hashable {
        var perPerson: Double
        var source: String
    }

    var peers = PeerWeights()
    var rules = ComparisonRules()
    var thresholds = PlausibilityThresholds()
    var countries: [String: CountryFigure] = [:]

    static let key = "benchmarks"
}

extension BenchmarkSettings: CacheCosted {
    var cacheCost: Int { 2048 }
}

enum BenchmarkSettingsReads {
    /// The stored settings, or the platform's defaults.
    static let settings = CachedRead<Whole, BenchmarkSettings>("benchmarks.settings", tables: [.benchmarkSettings]) { _, query in
        let row = try await query.db.sql().select().column("value").from("benchmark_settings")
            .where("key", .equal, BenchmarkSettings.key).first()
        guard let text = try row?.decode(column: "value", as: String.self),
            let settings = try? JSONDecoder().decode(BenchmarkSettings.self, from: Data(text.utf8))
        else { return BenchmarkSettings() }
        return settings
    }

    static func save(_ settings: BenchmarkSettings, by user: CurrentUser, at date: Date, on db: any Database) async throws {
        let value = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await db.transaction { db in
            let sql = try db.sql()
            try await sql.delete(from: "benchmark_settings").where("key", .equal, BenchmarkSettings.key).run()
            try await sql.insert(into: "benchmark_settings").columns("key", "value", "updated_at")
                .values(BenchmarkSettings.key, value, date).run()
            try await Audit.record(
                "benchmarks.settings", entity: "benchmark_settings", id: BenchmarkSettings.key, actor: user, before: nil,
                after: ["value": value], at: date, on: db)
        }
    }
}
