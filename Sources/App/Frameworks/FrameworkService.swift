import CarbonAccounting
import FluentKit
import Foundation
import Indicators

/// Frameworks and editions are the secretariat's: import (a new framework, a new edition, or a
/// changed draft) and publish. A published edition, or one an assessment uses, never changes; its
/// changes come as a new edition that names it as `previous_id`, so year-on-year comparison holds.
struct FrameworkService: Sendable {
    let db: any Database
    let clock: AppClock

    struct Outcome: Sendable, Equatable {
        let framework: String
        let version: String
        let created: Bool
    }

    /// Reads, validates and stores one framework file: all of it or nothing, every problem with
    /// its row and column.
    func importCSV(_ text: String, by user: CurrentUser?) async throws -> Outcome {
        let unchecked = try Self.read(text, previous: nil)
        let record = try await FrameworkRecord.query(on: db).filter(\.$slug == unchecked.framework.slug).first()
        var previousRecord: EditionRecord?
        var edition = unchecked
        if let version = unchecked.previousVersion {
            guard let record,
                let found = try await EditionRecord.query(on: db).filter(\.$framework.$id == record.requireID())
                    .filter(\.$version == version).first()
            else {
                throw AppError.invalidFile([
                    ImportProblem(
                        row: nil, column: "previous_id",
                        message: "the previous edition \(version) of \(unchecked.framework.slug) is not on the platform")
                ])
            }
            previousRecord = found
            // Read again against the previous edition: every item's previous id must exist there.
            edition = try Self.read(text, previous: try Self.read(found.csv, previous: nil))
        }
        var existing: EditionRecord?
        if let record {
            existing = try await EditionRecord.query(on: db).filter(\.$framework.$id == record.requireID())
                .filter(\.$version == edition.version).first()
        }
        if let existing {
            let used = try await AssessmentRecord.query(on: db).filter(\.$edition.$id == existing.requireID()).count()
            if existing.state == .published || used > 0 { throw AppError.conflict("framework.edition_frozen") }
        }
        let now = clock.now()
        let (checked, previous, current) = (edition, previousRecord?.version, existing)
        let meta = String(decoding: try JSONEncoder().encode(edition.framework), as: UTF8.self)
        let state: EditionStatus = edition.state == .published ? .published : .draft
        let stored = FrameworkCSV.write(edition)
        try await db.transaction { db in
            let framework = record ?? FrameworkRecord(slug: checked.framework.slug, nameEn: "", meta: "")
            framework.nameEn = checked.framework.name.resolved("en")
            framework.meta = meta
            try await framework.save(on: db)
            let row =
                try current
                ?? EditionRecord(
                    frameworkID: try framework.requireID(), version: checked.version, state: state,
                    previousVersion: previous, csv: stored, createdBy: user?.id)
            row.csv = stored
            row.state = state
            row.previousVersion = previous
            if state == .published && row.publishedAt == nil { row.publishedAt = now }
            try await row.save(on: db)
            try await Audit.record(
                current == nil ? "framework.edition.create" : "framework.edition.replace", entity: "framework",
                id: "\(checked.framework.slug)/\(checked.version)", actor: user, before: nil,
                after: ["state": state.rawValue, "items": String(checked.items.count)], at: now, on: db)
        }
        return Outcome(framework: edition.framework.slug, version: edition.version, created: existing == nil)
    }

    /// Publishes a draft edition: from now on it never changes.
    func publish(_ slug: String, version: String, by user: CurrentUser) async throws {
        guard let framework = try await FrameworkRecord.query(on: db).filter(\.$slug == slug).first(),
            let edition = try await EditionRecord.query(on: db).filter(\.$framework.$id == framework.requireID())
                .filter(\.$version == version).first()
        else { throw AppError.notFound }
        guard edition.state == .draft else { throw AppError.conflict("framework.edition_frozen") }
        let now = clock.now()
        try await db.transaction { db in
            edition.state = .published
            edition.publishedAt = now
            try await edition.save(on: db)
            try await Audit.record(
                "framework.edition.publish", entity: "framework", id: "\(slug)/\(version)", actor: user,
                before: ["state": EditionStatus.draft.rawValue], after: ["state": EditionStatus.published.rawValue], at: now,
                on: db)
        }
    }

    /// A framework file read into an edition, or every problem as an import error.
    static func read(_ text: String, previous: Edition?) throws -> Edition {
        do {
            return try FrameworkCSV.read(text, previous: previous)
        } catch {
            throw AppError.invalidFile(
                error.problems.map { ImportProblem(row: $0.row, column: $0.column, message: $0.message) })
        }
    }
}
