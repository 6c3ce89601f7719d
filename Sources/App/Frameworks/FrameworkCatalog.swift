import FluentKit
import Foundation
import Indicators
import SQLKit

/// A framework with its editions, as pages, assessments and the API use it.
struct FrameworkEntry: Sendable {
    let id: UUID
    let framework: Framework
    /// Oldest first (each edition follows the one before).
    let editions: [EditionEntry]

    var slug: String { framework.slug }

    /// The edition assessments are made against by default: the newest published one.
    var current: EditionEntry? { editions.last { $0.state == .published } }

    func edition(_ version: String) -> EditionEntry? { editions.first { $0.edition.version == version } }
}

/// One edition: the validated items, its state, and how many assessments use it.
struct EditionEntry: Sendable {
    let id: UUID
    let edition: Edition
    let state: EditionStatus
    let publishedAt: Date?
    let assessments: Int
    /// The stored framework file (downloads, re-import).
    let csv: String

    var version: String { edition.version }
}

enum FrameworkReads {
    /// Every framework with its editions parsed and validated, and the assessments using each.
    static let catalog = CachedRead<Whole, [FrameworkEntry]>(
        "frameworks.catalog", tables: [.frameworks, .frameworkEditions, .assessments]
    ) { _, query in
        try await FrameworkQueries.catalog(on: query.db)
    }
}

enum FrameworkQueries {
    static func catalog(on db: any Database) async throws -> [FrameworkEntry] {
        let frameworks = try await FrameworkRecord.query(on: db).sort(\.$nameEn).all()
        let editions = try await EditionRecord.query(on: db).sort(\.$createdAt).all()
        let sql = try db.sql()
        var used: [UUID: Int] = [:]
        for row in try await sql.raw("SELECT edition_id, COUNT(*) AS n FROM assessments GROUP BY edition_id").all() {
            used[try row.decode(column: "edition_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return try frameworks.map { record in
            let id = try record.requireID()
            var parsed: [EditionEntry] = []
            for edition in editions where edition.$framework.id == id {
                let previous = edition.previousVersion.flatMap { version in parsed.first { $0.version == version }?.edition }
                let items: Edition
                do {
                    items = try FrameworkCSV.read(edition.csv, previous: previous).with(state: edition.state.indicators)
                } catch {
                    // Stored files were validated when imported; one that no longer reads is a bug to see.
                    throw AppError.internal("edition \(record.slug) \(edition.version) does not read: \(error)")
                }
                let editionID = try edition.requireID()
                parsed.append(
                    EditionEntry(
                        id: editionID, edition: items, state: edition.state, publishedAt: edition.publishedAt,
                        assessments: used[editionID] ?? 0, csv: edition.csv))
            }
            let framework = parsed.last?.edition.framework ?? Framework(slug: record.slug, name: LocalizedText(en: record.nameEn))
            return FrameworkEntry(id: id, framework: framework, editions: parsed)
        }
    }
}

extension EditionStatus {
    var indicators: Indicators.EditionState { self == .published ? .published : .draft }
}

extension Services {
    var frameworks: FrameworkService { FrameworkService(db: db, clock: clock) }

    func frameworkCatalog() async throws -> [FrameworkEntry] {
        try await cache.value(FrameworkReads.catalog, Whole(), in: query)
    }

    func framework(_ slug: String) async throws -> FrameworkEntry {
        guard let entry = try await frameworkCatalog().first(where: { $0.slug == slug }) else { throw AppError.notFound }
        return entry
    }
}
