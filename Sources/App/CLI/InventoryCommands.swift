import ArgumentParser
import CarbonAccounting
import FluentKit
import Foundation
import Reporting

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data files.",
        subcommands: [ImportInventory.self, ImportTargets.self, ImportFrameworks.self, ImportAssessment.self])
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data files.", subcommands: [ExportInventory.self])
}

/// `lcc import inventory --city SLUG --year YEAR [--kind community|government] [--level basic|basic+]
/// [--gwp AR4|AR5|AR6] FILE`: the same path as the upload in the browser and the API; a `.xlsx` file
/// is read as an eCRF workbook, anything else as the CSV template; nothing is imported unless every
/// row is valid.
struct ImportInventory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract:
            "Import an inventory's lines from a CSV file in the published template or an eCRF workbook (.xlsx); replaces a draft's lines."
    )

    @Option(help: "City slug.") var city: String
    @Option(help: "Inventory year.") var year: Int
    @Option(help: "community (the default) or government (operations).") var kind = "community"
    @Option(help: "basic or basic+ (for a new inventory; must match an existing one).") var level: String?
    @Option(help: "AR4, AR5 or AR6 (for a new inventory; must match an existing one).") var gwp: String?
    @Argument(help: "The CSV file.") var file: String

    func validate() throws {
        if let level, ReportingLevel.parse(level) == nil { throw ValidationError("--level must be basic or basic+") }
        if let gwp, GWPSet.parse(gwp) == nil { throw ValidationError("--gwp must be AR4, AR5 or AR6") }
        guard (1990...9999).contains(year) else { throw ValidationError("--year must be a year such as 2021") }
        if InventoryKind.parse(kind) == nil { throw ValidationError("--kind must be community or government") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        guard data.count <= UploadLimits.importBytes else {
            throw ValidationError("\(file) is larger than \(UploadLimits.importBytes / 1024 / 1024) MB")
        }
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        let started = Date()
        try await CLIErrors.run(closing: database) {
            let service = InventoryService(
                db: database.db, reference: try ReferenceData.shared.get(), cache: ReadCache(maxEntries: 8), clock: AppClock())
            guard let city = try await CityQueries.bySlug(city, on: database.db) else {
                throw ValidationError("no city with slug '\(city)'")
            }
            let kind = InventoryKind.parse(kind) ?? .community
            let result = try await service.importLines(
                city: city, year: year, kind: kind, level: level.flatMap(ReportingLevel.parse),
                gwpSet: gwp.flatMap(GWPSet.parse), bytes: Array(data), filename: (file as NSString).lastPathComponent,
                contentType: nil, by: nil)
            let computed = try await service.computed(result.inventory, city: city)
            let totals = computed.report
            say(
                "\(result.created ? "Created" : "Replaced") \(city.slug) \(year)\(kind.pathSuffix): \(result.lineCount) lines in \(String(format: "%.2f", Date().timeIntervalSince(started))) s."
            )
            say(
                "Totals (t CO2e, \(result.inventory.gwpSet.rawValue)): territorial \(totals.territorial.co2e.map(LineColumns.format) ?? "missing"), BASIC \(totals.basic.co2e.map(LineColumns.format) ?? "missing"), BASIC+ \(totals.basicPlus.co2e.map(LineColumns.format) ?? "missing")."
            )
        }
    }
}

/// `lcc export inventory --city SLUG --year YEAR [--kind community|government]
/// --format csv|json|reporting-table|ecrf|cdp|cdp-xlsx [--output FILE]`.
struct ExportInventory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract:
            "Export an inventory as CSV (the template), JSON (with totals and air pollutants), the GCoM eCRF workbook or the CDP-ICLEI Track summary."
    )

    @Option(help: "City slug.") var city: String
    @Option(help: "Inventory year.") var year: Int
    @Option(help: "community (the default) or government (operations).") var kind = "community"
    @Option(help: "csv, json, reporting-table, ecrf (.xlsx), cdp (.csv) or cdp-xlsx.") var format = "csv"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    static let formats = ["csv", "json", "reporting-table", "ecrf", "cdp", "cdp-xlsx"]

    func validate() throws {
        guard Self.formats.contains(format) else {
            throw ValidationError("--format must be one of \(Self.formats.joined(separator: ", "))")
        }
        if InventoryKind.parse(kind) == nil { throw ValidationError("--kind must be community or government") }
    }

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        do {
            let reference = try ReferenceData.shared.get()
            let query = QueryContext(db: database.db, reference: reference, clock: AppClock(), cache: ReadCache(maxEntries: 8))
            let kind = InventoryKind.parse(kind) ?? .community
            guard try await CityQueries.bySlug(city, on: database.db) != nil else {
                throw ValidationError("no city with slug '\(city)'")
            }
            guard let data = try await InventoryPageQuery.load(InventoryPageKey(slug: city, year: year, kind: kind), query)
            else { throw ValidationError("\(city) has no \(kind.rawValue) inventory for \(year)") }
            let computed = data.computed
            let bytes: Data
            switch format {
            case "json": bytes = Data((try APIJSON.encode(InventoryDocument(computed)) + "\n").utf8)
            case "reporting-table": bytes = Data(ReportingTable.csv(computed).utf8)
            case "ecrf": bytes = try InventoryReports.ecrf(data, reference: reference)
            case "cdp": bytes = Data(try InventoryReports.cdp(data, reference: reference).csv.utf8)
            case "cdp-xlsx": bytes = try InventoryReports.cdp(data, reference: reference).xlsx()
            default: bytes = Data(InventoryCSV.write(computed.lines.map(\.line)).utf8)
            }
            if let output {
                try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
                say("Wrote \(computed.lines.count) lines to \(output) (\(format)).")
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

enum CLIErrors {
    /// Runs a command's work on an open database and closes it whatever happens; an application
    /// error is printed as `report` prints it and ends the command with exit code 1.
    static func run(closing database: DatabaseHandle, _ work: () async throws -> Void) async throws {
        do {
            try await work()
        } catch let error as AppError {
            await database.shutdown()
            report(error)
            throw ExitCode(1)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

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
