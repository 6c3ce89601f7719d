import ArgumentParser
import Foundation

/// `lcc backup FILE`, `lcc backup verify FILE…`, `lcc restore FILE [--force]`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a backup archive of the database, or verify archives.",
        subcommands: [CreateBackup.self, VerifyBackup.self], defaultSubcommand: CreateBackup.self)
}

struct CreateBackup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write one archive (manifest + database, stored files included) while the platform keeps serving.")

    @Argument(help: "The archive to write (replaced if it exists).") var file: String

    func run() async throws {
        let config = AppConfig.fromEnvironment()
        let destination = URL(filePath: file, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        let manifest = try await Backups.create(BackupTarget(kind: config.database), to: destination, logger: makeLogger())
        say(
            "Backup written: \(destination.path) (\(manifest.engine.rawValue), \(manifest.tables.count) tables, \(manifest.totalRows) rows, "
                + "\(ByteText.size(manifest.dataBytes)) of data, \(String(format: "%.1f", manifest.durationSeconds)) s)")
    }
}

struct VerifyBackup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check archives: complete, undamaged, of a format this platform reads.")

    @Argument(help: "Archives to check.") var files: [String]

    func run() async throws {
        var invalid = 0
        for file in files {
            do {
                let manifest = try await Backups.verify(URL(filePath: file), logger: makeLogger())
                say(
                    "valid \(file): \(manifest.engine.rawValue), \(manifest.tables.count) tables, \(manifest.totalRows) rows, made \(manifest.createdAt)"
                )
            } catch {
                invalid += 1
                say("INVALID \(file): \(error)")
            }
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Load a backup archive into an empty database (DATABASE_URL or LCC_SQLITE_PATH); stop the platform first.")

    @Argument(help: "The archive written by lcc backup.") var file: String
    @Flag(help: "Replace a database that is not empty.") var force = false

    func run() async throws {
        let config = AppConfig.fromEnvironment()
        let report = try await Backups.restore(
            URL(filePath: file), into: BackupTarget(kind: config.database), force: force, logger: makeLogger())
        say(
            "Restored \(file): \(report.manifest.tables.count) tables, \(report.manifest.totalRows) rows, each table checked against the manifest (\(String(format: "%.1f", report.seconds)) s)."
        )
        say("Table versions moved up by \(report.versionOffset), so no running server serves a page cached before the restore.")
        if !report.migrated.isEmpty { say("Migrations applied after the restore: \(report.migrated.joined(separator: ", ")).") }
    }
}

enum ByteText {
    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.0f kB", Double(bytes) / 1024)
    }
}
