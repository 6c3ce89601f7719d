import ArgumentParser
import CarbonAccounting
import FluentKit
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data files.",
        subcommands: [ImportInventory.self, ImportTargets.self, ImportFrameworks.self, ImportAssessment.self])
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data files.", subcommands: [ExportInventory.self])
}

/// `lcc import inventory --city SLUG --year YEAR [--level basic|basic+] [--gwp AR4|AR5|AR6] FILE`:
/// the same path as the upload in the browser and the API; nothing is imported unless every row is valid.
struct ImportInventory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Import an inventory's lines from a CSV file in the published template (replaces a draft's lines).")

    @Option(help: "City slug.") var city: String
    @Option(help: "Inventory year.") var year: Int
    @Option(help: "basic or basic+ (for a new inventory; must match an existing one).") var level: String?
    @Option(help: "AR4, AR5 or AR6 (for a new inventory; must match an existing one).") var gwp: String?
    @Argument(help: "The CSV file.") var file: String

    func validate() throws {
        if let level, ReportingLevel.parse(level) == nil { throw ValidationError("--level must be basic or basic+") }
        if let gwp, GWPSet.parse(gwp) == nil { throw ValidationError("--gwp must be AR4, AR5 or AR6") }
        guard (1990...9999).contains(year) else { throw ValidationError("--year must be a year such as 2021") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        guard data.count <= UploadLimits.importBytes else {
            throw ValidationError("\(file) is larger than \(UploadLimits.importBytes / 1024 / 1024) MB")
        }
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        let started = Date()
        do {
            let service = InventoryService(
                db: database.db, reference: try ReferenceData.shared.get(), cache: ReadCache(maxEntries: 8), clock: AppClock())
            guard let city = try await CityQueries.bySlug(city, on: database.db) else {
                throw ValidationError("no city with slug '\(city)'")
            }
            let result = try await service.importLines(
                city: city, year: year, level: level.flatMap(ReportingLevel.parse), gwpSet: gwp.flatMap(GWPSet.parse),
                bytes: Array(data), filename: (file as NSString).lastPathComponent, contentType: nil, by: nil)
            let computed = try await service.computed(result.inventory, city: city)
            let totals = computed.report
            say(
                "\(result.created ? "Created" : "Replaced") \(city.slug) \(year): \(result.lineCount) lines in \(String(format: "%.2f", Date().timeIntervalSince(started))) s."
            )
            say(
                "Totals (t CO2e, \(result.inventory.gwpSet.rawValue)): territorial \(totals.territorial.co2e.map(LineColumns.format) ?? "missing"), BASIC \(totals.basic.co2e.map(LineColumns.format) ?? "missing"), BASIC+ \(totals.basicPlus.co2e.map(LineColumns.format) ?? "missing")."
            )
        } catch let error as AppError {
            await database.shutdown()
            CLIErrors.report(error)
            throw ExitCode(1)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

/// `lcc export inventory --city SLUG --year YEAR --format csv|json [--output FILE]`.
struct ExportInventory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "Export an inventory as CSV (the template) or JSON (with totals).")

    @Option(help: "City slug.") var city: String
    @Option(help: "Inventory year.") var year: Int
    @Option(help: "csv, json or reporting-table.") var format = "csv"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        guard ["csv", "json", "reporting-table"].contains(format) else {
            throw ValidationError("--format must be csv, json or reporting-table")
        }
    }

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        do {
            let service = InventoryService(
                db: database.db, reference: try ReferenceData.shared.get(), cache: ReadCache(maxEntries: 8), clock: AppClock())
            guard let cityRecord = try await CityQueries.bySlug(city, on: database.db) else {
                throw ValidationError("no city with slug '\(city)'")
            }
            guard let inventory = try await service.find(city: cityRecord, year: year) else {
                throw ValidationError("\(city) has no inventory for \(year)")
            }
            let computed = try await service.computed(inventory, city: cityRecord)
            let text: String
            switch format {
            case "json": text = try APIJSON.encode(InventoryDocument(computed)) + "\n"
            case "reporting-table": text = ReportingTable.csv(computed)
            default: text = InventoryCSV.write(computed.lines.map(\.line))
            }
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                say("Wrote \(computed.lines.count) lines to \(output).")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

enum CLIErrors {
    /// Prints an application error as a person would want to read it: the message, then each
    /// field or row problem on its own line.
    static func report(_ error: AppError) {
        var lines = ["error: \(Catalogue.englishText(error.messageKey))"]
        for (field, key) in error.fieldErrors.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(field): \(Catalogue.englishText(key))")
        }
        for problem in error.rowErrors { lines.append("  \(problem.description)") }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
