import ArgumentParser
import Foundation
import SQLKit

/// `lcc search reindex`: rebuilds the search index from everything published.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Manage the search index.", subcommands: [Reindex.self])
}

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the search index from every published record, city, organisation, programme and action.")

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        do {
            let started = Date()
            try await SearchIndexer(db: database.db).reindexAll()
            let documents =
                try await database.db.sql().raw("SELECT COUNT(*) AS n FROM search_documents").first()?
                .decode(column: "n", as: Int.self) ?? 0
            say("Search index rebuilt: \(documents) documents in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
