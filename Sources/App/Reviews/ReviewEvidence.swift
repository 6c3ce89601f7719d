import FluentKit
import Foundation
import SQLKit

/// Evidence for a mark: a page of the uploaded plan, a link, or a platform record frozen at the
/// version it had when cited (its id, version and a snapshot of what it said), so the evidence
/// cannot drift when the record changes later.
struct ReviewEvidence: Codable, Sendable, Hashable {
    enum Kind: String, Codable, Sendable {
        case page, link, record
    }

    let kind: Kind
    /// The text as the reviewer wrote it ("page:14", a URL, "target:<id>").
    let reference: String
    var documentID: UUID? = nil
    var page: Int? = nil
    var recordType: String? = nil
    var recordID: UUID? = nil
    /// The record's version when cited: an inventory's or assessment's number, or the time of the
    /// record's last change.
    var recordVersion: String? = nil
    var snapshot: String? = nil

    static let recordTypes = ["inventory", "inventory-line", "target", "action", "assessment"]
}

/// Reads a mark's evidence lines and freezes the platform records they cite. Every line must be
/// understood: an unknown form or a record of another city is an error naming the line.
struct EvidenceFreezer: Sendable {
    let db: any Database
    let request: ReviewRequest

    func freeze(_ lines: [String]) async throws -> [ReviewEvidence] {
        var result: [ReviewEvidence] = []
        for line in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            result.append(try await freeze(line))
        }
        return result
    }

    private func freeze(_ line: String) async throws -> ReviewEvidence {
        let lower = line.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            guard URL(string: line)?.host != nil else { throw AppError.validation(["evidence": "review.error.evidence_link"]) }
            return ReviewEvidence(kind: .link, reference: line)
        }
        guard let colon = line.firstIndex(of: ":") else { throw AppError.validation(["evidence": "review.error.evidence_form"]) }
        let type = String(line[..<colon]).lowercased()
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        if type == "page" {
            guard let page = Int(value), page >= 1 else { throw AppError.validation(["evidence": "review.error.evidence_page"]) }
            guard
                let document = try await ReviewDocument.query(on: db).filter(\.$request.$id == request.requireID())
                    .sort(\.$createdAt).first()
            else { throw AppError.validation(["evidence": "review.error.evidence_no_document"]) }
            return ReviewEvidence(kind: .page, reference: line, documentID: document.id, page: page)
        }
        guard ReviewEvidence.recordTypes.contains(type), let id = UUID(uuidString: value) else {
            throw AppError.validation(["evidence": "review.error.evidence_form"])
        }
        guard let (version, snapshot) = try await record(type, id) else {
            throw AppError.validation(["evidence": "review.error.evidence_record"])
        }
        return ReviewEvidence(
            kind: .record, reference: line, recordType: type, recordID: id, recordVersion: version, snapshot: snapshot)
    }

    /// The record's version and snapshot, when it is the reviewed city's.
    private func record(_ type: String, _ id: UUID) async throws -> (String, String)? {
        let city = request.$city.id
        switch type {
        case "target":
            guard let target = try await CityTarget.find(id, on: db), target.$city.id == city else { return nil }
            return (
                Self.stamp(target.updatedAt),
                "\(target.kind) target for \(target.targetYear), \(target.coverage): \(target.originalWording)"
            )
        case "action":
            guard let action = try await MitigationAction.find(id, on: db), action.$city.id == city else { return nil }
            return (Self.stamp(action.updatedAt), "\(action.titleEn) (\(action.sector), \(action.statusRaw))")
        case "inventory":
            guard let inventory = try await Inventory.find(id, on: db), inventory.$city.id == city else { return nil }
            return (String(inventory.version), "Inventory \(inventory.year), version \(inventory.version)")
        case "assessment":
            guard let assessment = try await AssessmentRecord.find(id, on: db), assessment.$city.id == city else { return nil }
            return (String(assessment.version), "Assessment \(assessment.year), \(assessment.stateRaw)")
        default:
            guard
                let row = try await db.sql().raw(
                    """
                    SELECT l.line_id, l.gpc_ref, l.description, l.activity_value, l.activity_unit, i.version, i.year \
                    FROM inventory_lines l JOIN inventories i ON i.id = l.inventory_id \
                    WHERE l.id = \(bind: id) AND i.city_id = \(bind: city)
                    """
                ).first()
            else { return nil }
            let value = try row.decode(column: "activity_value", as: Double?.self).map { String($0) } ?? "—"
            let unit = try row.decode(column: "activity_unit", as: String?.self) ?? ""
            return (
                String(try row.decode(column: "version", as: Int.self)),
                "Inventory \(try row.decode(column: "year", as: Int.self)) line \(try row.decode(column: "line_id", as: String.self)) "
                    + "(\(try row.decode(column: "gpc_ref", as: String.self))): "
                    + "\(try row.decode(column: "description", as: String.self)), \(value) \(unit)"
            )
        }
    }

    private static func stamp(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? "unversioned"
    }
}
