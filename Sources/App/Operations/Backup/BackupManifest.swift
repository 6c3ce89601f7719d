import Foundation

/// What a backup archive says about itself: `manifest.json` beside the data file.
///
/// Restores check the format version (a newer format is refused, not guessed at), the engine (an
/// archive is loaded into the engine that made it), the migrations (an archive from a newer platform
/// is refused; an older one is migrated after loading), the data file's SHA-256 (a damaged archive is
/// reported, not loaded) and every table's row count and checksum once loaded.
struct BackupManifest: Codable, Sendable, Equatable {
    static let formatName = "lcc-backup"
    /// Bumped when the archive's layout or the meaning of a field changes.
    static let currentFormatVersion = 1
    static let fileName = "manifest.json"

    enum Engine: String, Codable, Sendable {
        case sqlite
        case postgresql
    }

    var format = BackupManifest.formatName
    var formatVersion = BackupManifest.currentFormatVersion
    var engine: Engine
    var createdAt: Date
    /// Migrations applied to the database, in the order they were applied.
    var migrations: [String]
    /// The PostgreSQL schema the dump holds (restored under the same name).
    var schema: String?
    /// The entry with the data: an SQLite database file, or a `pg_dump --format=custom` file.
    var dataFile: String
    var dataBytes: Int64
    var dataSHA256: String
    /// Every table of the database at the backup's moment.
    var tables: [TableChecksum]
    var durationSeconds: Double

    enum CodingKeys: String, CodingKey {
        case format, engine, migrations, schema, tables
        case formatVersion = "format_version"
        case createdAt = "created_at"
        case dataFile = "data_file"
        case dataBytes = "data_bytes"
        case dataSHA256 = "data_sha256"
        case durationSeconds = "duration_seconds"
    }

    var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }
}

/// A table's row count and a checksum of its rows.
struct TableChecksum: Codable, Sendable, Equatable {
    let name: String
    let rows: Int
    /// SHA-256 over the sorted SHA-256 digests of the rows, each row as the engine writes it as text:
    /// independent of row order, which neither engine keeps across a dump and a load.
    let checksum: String
}

/// Why a backup or a restore was refused or failed, in words for the operator.
struct BackupError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
