import ArgumentParser
import FluentKit
import Foundation
import Indicators

/// `lcc import frameworks FILE…`: framework files (a new framework, a new edition, a changed
/// draft), each all or nothing — the secretariat's import on the command line.
struct ImportFrameworks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks", abstract: "Import indicator frameworks or editions from framework files (CSV).")

    @Argument(help: "One or more framework files.") var files: [String]

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        try await CLIErrors.run(closing: database) {
            for file in files {
                let text = try CLIFile.text(file)
                let outcome = try await FrameworkService(db: database.db, clock: AppClock()).importCSV(text, by: nil)
                say(
                    "Imported \(file): \(outcome.framework) edition \(outcome.version) \(outcome.created ? "created" : "replaced (draft)")."
                )
            }
        }
    }
}

/// `lcc import assessment --city SLUG --framework SLUG --year YEAR [--edition V] FILE`: a city's
/// values file, as on its assessment page; all rows or nothing.
struct ImportAssessment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "Import a city's assessment values (CSV) for a framework edition and year.")

    @Option(help: "The city's slug.") var city: String
    @Option(help: "The framework's slug.") var framework: String
    @Option(help: "The year assessed.") var year: Int
    @Option(help: "The edition (default: the framework's current published edition).") var edition: String?
    @Argument(help: "The values file.") var file: String

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        try await CLIErrors.run(closing: database) {
            let text = try CLIFile.text(file)
            guard let record = try await CityQueries.bySlug(city, on: database.db) else {
                throw ValidationError("no city \(city)")
            }
            let catalog = try await FrameworkQueries.catalog(on: database.db)
            guard let entry = catalog.first(where: { $0.slug == framework }) else {
                throw ValidationError("no framework \(framework)")
            }
            guard let chosen = edition.map({ entry.edition($0) }) ?? entry.current else {
                throw ValidationError("\(framework) has no \(edition.map { "edition \($0)" } ?? "published edition")")
            }
            try await AssessmentService(db: database.db, clock: AppClock()).save(
                city: record, edition: chosen, framework: framework, year: year, valuesCSV: text,
                summary: "Imported \((file as NSString).lastPathComponent)", by: nil)
            say("Imported \(file): \(city) \(framework) \(chosen.version) \(year) (draft).")
        }
    }
}

/// A data file given on the command line, with the upload's limits and checks.
enum CLIFile {
    static func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        guard data.count <= UploadLimits.importBytes else {
            throw ValidationError("\(path) is larger than \(UploadLimits.importBytes / 1024 / 1024) MB")
        }
        return try UploadedCSV.text(Array(data), filename: (path as NSString).lastPathComponent, contentType: nil)
    }
}
