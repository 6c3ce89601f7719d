import CarbonAccounting
import FluentKit
import Foundation
import Logging
import SQLKit

/// The registry benchmarks behind `lcc-bench` (issue 4): progress of many cities' targets over many
/// years of inventories, in memory and from the database, and the data for the page benchmark.
enum TargetBenchmarks {
    /// Cities with `years` published, complete inventories each (AR5, BASIC), a population series,
    /// and two targets per city: −40 % absolute and −30 % per person from the first year.
    static func data(cities: Int, years: Int) -> (PerformanceData, [TargetSummary]) {
        var data = PerformanceData()
        var targets: [TargetSummary] = []
        let city = City(slug: "bench", names: ["en": "Bench"], country: "CN")
        for index in 0..<cities {
            let id = UUID()
            city.id = id
            var points: [InventoryPoint] = []
            var population: [Int: Double] = [:]
            for offset in 0..<years {
                let year = 1995 + offset
                let total = 1_000_000 * (1 + Double(index % 7) / 10) * (1 - 0.01 * Double(offset))
                points.append(
                    InventoryPoint(
                        id: UUID(), cityID: id, year: year, level: .basic, gwpSet: .ar5, illustrative: false,
                        totals: [.basic: total, .basicPlus: total * 1.1, .territorial: total * 0.9], missingCells: []))
                if offset % 5 == 0 || offset == years - 1 { population[year] = 500_000 + Double(1_000 * offset) }
            }
            data.inventories[id] = points
            data.population[id] = Series(population)
            for (kind, percent) in [(TargetKind.baseYearAbsolute, 40.0), (.baseYearIntensityCapita, 30.0)] {
                let record = CityTarget(
                    cityID: id,
                    row: TargetRow(
                        city: "bench-\(index)",
                        target: Target(kind: kind, baseYear: 1995, targetYear: 2030, reductionPercent: percent),
                        source: "benchmark"), createdBy: nil)
                record.id = UUID()
                if let summary = try? TargetSummary(record, city: city) { targets.append(summary) }
            }
        }
        return (data, targets)
    }

    /// `lcc-bench progress [CITIES] [YEARS]`: issue 4 asks under 100 ms for 1,000 cities × 30 years.
    static func progress(cities: Int, years: Int, runs: Int = 30) {
        let (data, targets) = data(cities: cities, years: years)
        var times: [Double] = []
        var computed = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = targets.map { TargetEvaluator.evaluate($0, data: data, bau: nil, measure: { _, _, _ in nil }) }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            computed = results.filter { $0.progress.percentAchieved != nil }.count
        }
        times.sort()
        print(
            "progress: \(targets.count) targets of \(cities) cities × \(years) years: median \(InventoryBenchmarks.format(times[times.count / 2])) ms, p99 \(InventoryBenchmarks.format(times[min(times.count - 1, times.count * 99 / 100)])) ms (\(computed) with a percentage)"
        )
    }

    /// `lcc-bench registry-data CITIES YEARS`: the same shape in the configured database (SQL bulk
    /// inserts), then the time to load and evaluate it as the registry page does.
    static func registryData(cities: Int, years: Int) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let database = try await DatabaseHandle.open(AppConfig.fromEnvironment().database, logger: logger)
        do {
            try await database.migrate()
            let db = database.db
            let sql = try db.sql()
            let now = Date()
            var cities_: [City] = []
            var inventoryRows: [[any Encodable & Sendable]] = []
            var versionRows: [[any Encodable & Sendable]] = []
            var targetRows: [[any Encodable & Sendable]] = []
            for index in 0..<cities {
                let cityID = UUID()
                cities_.append(City(id: cityID, slug: "bench-city-\(index)", names: ["en": "Bench City \(index)"], country: "CN"))
                for offset in 0..<years {
                    let inventoryID = UUID()
                    let total = 1_000_000 * (1 + Double(index % 7) / 10) * (1 - 0.01 * Double(offset))
                    inventoryRows.append([
                        inventoryID, cityID, 1995 + offset, "BASIC", "AR5", "", "published", false, 1, now, now,
                    ])
                    versionRows.append([
                        UUID(), inventoryID, 1, "benchmark", "system", "BASIC", "AR5", "published", 0, total * 0.9, total, total,
                        "", now, "",
                    ])
                }
                targetRows.append([
                    UUID(), cityID, "base_year_absolute", 1995, 2030, 40.0, "basic", false, "", false, "", "", "benchmark", "",
                    "",
                    now, now,
                ])
            }
            let started = Date()
            for city in cities_ { try await city.create(on: db) }
            try await Self.insert(
                "inventories",
                [
                    "id", "city_id", "year", "level", "gwp_set", "boundary", "state", "illustrative", "version", "created_at",
                    "updated_at",
                ],
                inventoryRows, on: sql)
            try await Self.insert(
                VersionStore.table,
                [
                    "id", "inventory_id", "number", "summary", "author_label", "level", "gwp_set", "state", "line_count",
                    "total_territorial", "total_basic", "total_basic_plus", "lines_csv", "created_at", "missing_cells",
                ], versionRows, on: sql)
            try await Self.insert(
                "city_targets",
                [
                    "id", "city_id", "kind", "base_year", "target_year", "reduction_percent", "coverage", "co2_only", "sectors",
                    "conditional", "milestones", "set_by", "source", "original_wording", "note", "created_at", "updated_at",
                ], targetRows, on: sql)
            print(
                "inserted \(cities) cities, \(cities * years) published inventories and \(cities) targets in \(InventoryBenchmarks.format(Date().timeIntervalSince(started))) s"
            )
            var times: [Double] = []
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                let data = try await PerformanceData.load(city: nil, on: db)
                let records = try await CityTarget.query(on: db).with(\.$city).all()
                let summaries = try records.map { try TargetSummary($0, city: $0.city) }
                let evaluated = summaries.map {
                    TargetEvaluator.evaluate($0, data: data, bau: nil, measure: { _, _, _ in nil })
                }
                precondition(!evaluated.isEmpty)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            print("registry load + progress from the database: median \(InventoryBenchmarks.format(times[2])) ms (5 runs)")
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    private static func insert(
        _ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase
    ) async throws {
        for start in stride(from: 0, to: rows.count, by: 500) {
            let builder = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + 500, rows.count)] { builder.values(row) }
            try await builder.run()
        }
    }
}
