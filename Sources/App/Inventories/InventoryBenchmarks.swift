import CarbonAccounting
import FluentKit
import Foundation
import Logging

/// The inventory benchmarks behind `lcc-bench` (see Sources/lcc-bench/main.swift). They live in
/// the App module so that they use the real import path and database, not a copy of them.
public enum InventoryBenchmarks {
    public static func main(_ arguments: [String]) async {
        do {
            switch arguments.first {
            case "engine": try engine(lines: Int(arguments.dropFirst().first ?? "") ?? 10_000)
            case "import": try await importCSV(lines: Int(arguments.dropFirst().first ?? "") ?? 100_000)
            case "csv" where arguments.count == 3:
                try generatedCSV(lines: Int(arguments[1]) ?? 2000).write(toFile: arguments[2], atomically: true, encoding: .utf8)
            case "progress":
                TargetBenchmarks.progress(
                    cities: Int(arguments.dropFirst().first ?? "") ?? 1_000, years: Int(arguments.dropFirst(2).first ?? "") ?? 30)
            case "registry-data" where arguments.count == 3:
                try await TargetBenchmarks.registryData(cities: Int(arguments[1]) ?? 1_000, years: Int(arguments[2]) ?? 30)
            case "reporting":
                let numbers = arguments.dropFirst().compactMap { Int($0) }
                try ReportingBenchmarks.run(lines: numbers.first ?? 10_000, ecrfLines: numbers.dropFirst().first ?? 2_000)
            case "indicators":
                let numbers = arguments.dropFirst().compactMap { Int($0) }
                IndicatorBenchmarks.run(
                    cities: numbers.first ?? 1_000, indicators: numbers.dropFirst().first ?? 30,
                    years: numbers.dropFirst(2).first ?? 10)
            case "search-data" where arguments.count == 2:
                try await SearchBenchmarks.generate(count: Int(arguments[1]) ?? 100_000)
            case "review-in-marking" where arguments.count == 2:
                try await ReviewBenchmarks.inMarking(reviewer: arguments[1])
            case "publish" where arguments.count == 4:
                try await publish(city: arguments[1], year: Int(arguments[2]) ?? 2020, lines: Int(arguments[3]) ?? 2000)
            default:
                print(
                    "usage: lcc-bench engine [LINES] | import [LINES] | csv LINES FILE | publish CITY YEAR LINES | progress [CITIES] [YEARS] | registry-data CITIES YEARS | search-data RECORDS | indicators [CITIES] [INDICATORS] [YEARS] | reporting [LINES] [ECRF_LINES] | review-in-marking EMAIL"
                )
                exit(2)
            }
        } catch {
            print("error: \(error)")
            exit(1)
        }
    }

    /// A realistic mix: fuel in energy and in mass units (NCV conversions), grid electricity,
    /// measured lines, a biomass fuel, waste methods, notation keys; spread over every sub-category.
    static func generatedCSV(lines count: Int) -> String {
        let reference = try? ReferenceData.shared.get()
        let refs = reference?.tree.subCategories.map(\.ref) ?? ["I.1.1"]
        var text = CSV.row(LineColumns.all)
        text.reserveCapacity(count * 120)
        for index in 0..<count {
            var row: [String: String] = ["line_id": "l\(index)"]
            let ref = refs[index % refs.count]
            row["gpc_ref"] = ref
            row["description"] = "Generated line \(index)"
            row["source"] = "benchmark"
            let kind = index % 10
            let amount = String(100 + index % 997)
            switch (kind, ref.hasPrefix("III")) {
            case (_, true) where kind < 3:
                row["activity_value"] = amount + "0"
                row["activity_unit"] = "t"
                row["method"] = "methane_commitment"
                row["parameters"] = "mcf=1;food=0.4;paper=0.2;ox=0.1"
            case (0, _), (1, _), (2, _):
                row["activity_value"] = amount
                row["activity_unit"] = "TJ"
                row["fuel"] = "Natural Gas"
                (row["ef_co2"], row["ef_ch4"], row["ef_n2o"], row["ef_unit"]) = ("56100", "5", "0.1", "kg/TJ")
            case (3, _), (4, _):
                row["activity_value"] = amount
                row["activity_unit"] = "t"
                row["fuel"] = "Other Bituminous Coal"
                (row["ef_co2"], row["ef_ch4"], row["ef_n2o"], row["ef_unit"]) = ("94600", "10", "1.5", "kg/TJ")
            case (5, _):
                row["activity_value"] = amount + "000"
                row["activity_unit"] = "kWh"
                (row["ef_co2"], row["ef_unit"]) = ("0.5992", "t/MWh")
            case (6, _):
                row["activity_value"] = amount
                row["activity_unit"] = "t"
                row["fuel"] = "Wood/Wood Waste"
                (row["ef_co2"], row["ef_ch4"], row["ef_n2o"], row["ef_unit"]) = ("112000", "300", "4", "kg/TJ")
            case (7, _), (8, _):
                (row["co2_t"], row["ch4_t"], row["n2o_t"]) = (amount, "0.5", "0.01")
            default:
                (row["notation_key"], row["explanation"]) = ("NE", "Not estimated in the benchmark")
            }
            text += CSV.row(LineColumns.all.map { row[$0] ?? "" })
        }
        return text
    }

    static func engine(lines count: Int) throws {
        let reference = try ReferenceData.shared.get()
        let calculator = reference.calculator(set: .ar6, year: 2021)
        let lines = try InventoryCSV.read(generatedCSV(lines: count), parser: reference.parser, calculator: calculator).get()
        var times: [Double] = []
        var total = 0.0
        for _ in 0..<200 {
            let start = DispatchTime.now().uptimeNanoseconds
            let report = calculator.report(lines: lines, level: .basicPlus)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            total += report.basicPlus.co2e ?? 0
        }
        times.sort()
        print(
            "engine: \(count) lines, 200 runs: median \(format(times[100])) ms, p99 \(format(times[198])) ms, min \(format(times[0])) ms (checksum \(total))"
        )
    }

    static func importCSV(lines count: Int) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcc-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
        let kind: AppConfig.DatabaseKind =
            url.map { .postgres(url: $0) } ?? .sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
        let schema = url == nil ? nil : "bench_\(UUID().uuidString.prefix(8).lowercased())"
        let database = try await DatabaseHandle.open(kind, postgresSchema: schema, logger: logger)
        do {
            try await database.migrate()
            let city = City(slug: "bench-city", names: ["en": "Bench City"], country: "CN")
            try await city.create(on: database.db)
            let service = InventoryService(
                db: database.db, reference: try ReferenceData.shared.get(), cache: ReadCache(maxEntries: 8), clock: AppClock())
            let csv = Array(generatedCSV(lines: count).utf8)
            let start = Date()
            let result = try await service.importLines(
                city: city, year: 2021, level: .basicPlus, gwpSet: .ar6, bytes: csv, filename: "bench.csv", contentType: nil,
                by: nil)
            let seconds = Date().timeIntervalSince(start)
            let again = Date()
            _ = try await service.importLines(
                city: city, year: 2021, level: nil, gwpSet: nil, bytes: csv, filename: "bench.csv", contentType: nil, by: nil)
            print(
                "import (\(url == nil ? "SQLite" : "PostgreSQL")): \(result.lineCount) lines, \(csv.count / 1024) KiB: new inventory \(format(seconds * 1000)) ms, replacing it \(format(Date().timeIntervalSince(again) * 1000)) ms"
            )
        } catch {
            if let schema { try? await database.dropSchema(schema) }
            await database.shutdown()
            throw error
        }
        if let schema { try? await database.dropSchema(schema) }
        await database.shutdown()
    }

    static func publish(city slug: String, year: Int, lines count: Int) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let database = try await DatabaseHandle.open(AppConfig.fromEnvironment().database, logger: logger)
        do {
            try await database.migrate()
            guard let city = try await CityQueries.bySlug(slug, on: database.db) else { throw AppError.notFound }
            let reference = try ReferenceData.shared.get()
            let lines = try InventoryCSV.read(
                generatedCSV(lines: count), parser: reference.parser, calculator: reference.calculator(set: .ar5, year: year)
            ).get()
            let service = InventoryService(
                db: database.db, reference: reference, cache: ReadCache(maxEntries: 8), clock: AppClock())
            _ = try await service.create(
                city: city, year: year, level: .basicPlus, gwpSet: .ar5, boundary: "benchmark", lines: lines, state: .published,
                by: nil)
            print("published \(slug) \(year) with \(lines.count) lines")
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
