import Crypto
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Row counts and checksums of every table, the same way for the source of a backup and for the
/// database a restore made, so the two can be compared table by table.
enum TableChecksums {
    static func tables(on sql: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Every table's count and checksum. On PostgreSQL run it inside the transaction whose snapshot
    /// the dump used, with the time zone fixed (timestamps are written as text in the session's zone).
    static func all(on sql: any SQLDatabase) async throws -> [TableChecksum] {
        var result: [TableChecksum] = []
        for table in try await tables(on: sql) { result.append(try await checksum(of: table, on: sql)) }
        return result
    }

    static func checksum(of table: String, on sql: any SQLDatabase) async throws -> TableChecksum {
        // Rows are hashed as they stream in, so a large table never sits in memory as rows.
        let collected = NIOLockedValueBox<[[UInt8]]>([])
        try await sql.raw(try rowText(of: table, on: sql)).run { row in
            let text = (try? row.decode(column: "r", as: String?.self)) ?? nil
            let digest = Array(SHA256.hash(data: Data((text ?? "\u{0}").utf8)))
            collected.withLockedValue { $0.append(digest) }
        }
        let digests = collected.withLockedValue { $0 }.sorted { $0.lexicographicallyPrecedes($1) }
        var total = SHA256()
        for digest in digests { total.update(data: digest) }
        return TableChecksum(
            name: table, rows: digests.count, checksum: total.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// Each row of `table` as one text column `r`.
    private static func rowText(of table: String, on sql: any SQLDatabase) async throws -> SQLQueryString {
        if sql.dialect.name == "postgresql" { return "SELECT CAST(t AS TEXT) AS r FROM \(ident: table) t" }
        let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
            .map { try $0.decode(column: "name", as: String.self) }
        // quote() writes every value as an SQL literal, so NULL, '' and 0 stay apart.
        let expression = columns.map { "quote(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\")" }
            .joined(separator: " || ',' || ")
        return "SELECT \(unsafeRaw: expression.isEmpty ? "''" : expression) AS r FROM \(ident: table)"
    }

    /// Names of the applied migrations, in the order they ran.
    static func migrations(on sql: any SQLDatabase) async throws -> [String] {
        guard try await tables(on: sql).contains("_fluent_migrations") else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, created_at, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
