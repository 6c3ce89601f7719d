import ArgumentParser
import CarbonAccounting
import Foundation

/// `lcc import targets FILE`: the targets template (any cities); all rows valid or nothing, a row
/// that restates a stored commitment updates it.
struct ImportTargets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Import city targets from a CSV file in the targets template (see /targets/template.csv).")

    @Argument(help: "The CSV file.") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        guard data.count <= UploadLimits.importBytes else {
            throw ValidationError("\(file) is larger than \(UploadLimits.importBytes / 1024 / 1024) MB")
        }
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        try await CLIErrors.run(closing: database) {
            let text = try UploadedCSV.text(Array(data), filename: (file as NSString).lastPathComponent, contentType: nil)
            let result = try await TargetService(db: database.db, clock: AppClock()).importCSV(text, city: nil, by: nil)
            say("Imported targets from \(file): \(result.created) created, \(result.updated) updated.")
        }
    }
}
