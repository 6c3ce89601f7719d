import CarbonAccounting
import FluentKit
import Foundation
import Indicators
import SQLKit

/// Writing assessments: the city's editors enter values (form, CSV, API) and submit; the
/// secretariat publishes or returns with a reason. Every change is a version and an audit entry,
/// in one transaction; a file with any problem changes nothing.
struct AssessmentService: Sendable {
    let db: any Database
    let clock: AppClock

    enum Transition: String, Sendable, CaseIterable {
        case submit, publish, `return`
    }

    /// Stores the entered values of a city's assessment (a new draft, or a change of a draft).
    @discardableResult
    func save(
        city: City, edition: EditionEntry, framework: String, year: Int, valuesCSV: String, illustrative: Bool = false,
        summary: String, by user: CurrentUser?
    ) async throws -> UUID {
        guard edition.state == .published else { throw AppError.conflict("assessment.edition_draft") }
        guard (1990...2100).contains(year) else { throw AppError.validation(["year": "validation.year"]) }
        let responses: [ItemID: ItemResponse]
        do {
            responses = try AssessmentCSV.read(valuesCSV, edition: edition.edition)
        } catch {
            throw AppError.invalidFile(error.problems.map { ImportProblem(row: $0.row, column: $0.column, message: $0.message) })
        }
        // Stored in the canonical layout, so versions compare line by line.
        let stored = AssessmentCSV.write(responses, edition: edition.edition)
        let cityID = try city.requireID()
        let existing = try await AssessmentRecord.query(on: db).filter(\.$city.$id == cityID)
            .filter(\.$edition.$id == edition.id).filter(\.$year == year).first()
        if let existing, existing.state != .draft { throw AppError.conflict("assessment.not_draft") }
        let now = clock.now()
        let record =
            existing
            ?? AssessmentRecord(
                cityID: cityID, editionID: edition.id, year: year, valuesCSV: stored, illustrative: illustrative,
                createdBy: user?.id)
        try await db.transaction { db in
            record.valuesCSV = stored
            record.version += 1
            try await record.save(on: db)
            try await Self.recordVersion(record, summary: summary, user: user, at: now, on: db)
            try await Audit.record(
                existing == nil ? "assessment.create" : "assessment.update", entity: "assessment",
                id: "\(city.slug)/\(framework)/\(edition.version)/\(year)", actor: user, before: nil,
                after: ["values": String(responses.count), "summary": summary], at: now, on: db)
        }
        return try record.requireID()
    }

    /// Moves an assessment along draft → submitted → published (or back to draft with a reason).
    /// `mayEdit`: the user edits the city's records; only the secretariat publishes and returns.
    func transition(
        _ transition: Transition, city: City, edition: EditionEntry, framework: String, year: Int, comment: String,
        by user: CurrentUser
    ) async throws {
        guard
            let record = try await AssessmentRecord.query(on: db).filter(\.$city.$id == city.requireID())
                .filter(\.$edition.$id == edition.id).filter(\.$year == year).first()
        else { throw AppError.notFound }
        let mayEdit = EditorRule.mayEdit(city: try city.requireID(), user: user)
        let from = record.state
        let to: AssessmentState
        switch transition {
        case .submit:
            guard mayEdit else { throw AppError.forbidden }
            guard from == .draft else { throw AppError.conflict("assessment.transition_not_allowed") }
            to = .submitted
            record.submittedBy = user.id
        case .publish:
            guard user.isSecretariat else { throw AppError.forbidden }
            guard from == .submitted else { throw AppError.conflict("assessment.transition_not_allowed") }
            to = .published
            record.publishedBy = user.id
        case .return:
            guard user.isSecretariat else { throw AppError.forbidden }
            guard from != .draft else { throw AppError.conflict("assessment.transition_not_allowed") }
            guard !comment.isEmpty else { throw AppError.validation(["comment": "assessment.comment_required"]) }
            to = .draft
        }
        let now = clock.now()
        try await db.transaction { db in
            record.state = to
            record.version += 1
            try await record.save(on: db)
            try await Self.recordVersion(
                record, summary: "State: \(to.rawValue)\(comment.isEmpty ? "" : " — \(comment)")", user: user, at: now, on: db)
            try await Audit.record(
                "assessment.\(transition.rawValue)", entity: "assessment",
                id: "\(city.slug)/\(framework)/\(edition.version)/\(year)", actor: user, before: ["state": from.rawValue],
                after: ["state": to.rawValue, "comment": comment], at: now, on: db)
        }
    }

    private static func recordVersion(
        _ record: AssessmentRecord, summary: String, user: CurrentUser?, at date: Date, on db: any Database
    ) async throws {
        try await db.sql().insert(into: "assessment_versions")
            .columns("id", "assessment_id", "number", "state", "values_csv", "summary", "author_label", "created_at")
            .values(
                UUID(), try record.requireID(), record.version, record.stateRaw, record.valuesCSV, String(summary.prefix(500)),
                user.map { "\($0.name) <\($0.email)>" } ?? "system", date
            ).run()
    }
}
