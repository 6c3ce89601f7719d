import FluentKit
import Foundation

/// Writes the audit log: who did what, when, with the record before and after.
/// Callers pass the transaction's database so the entry commits with the change or not at all.
enum Audit {
    static func record(
        _ action: String, entity: String, id: String, actor: CurrentUser?, before: [String: String?]? = nil,
        after: [String: String?]? = nil, at date: Date, on db: any Database
    ) async throws {
        try await AuditEntry(
            actorID: actor?.id, actorLabel: actor.map { "\($0.name) <\($0.email)>" } ?? "system", action: action,
            entityType: entity, entityID: id, before: before.map(encode), after: after.map(encode), createdAt: date
        ).create(on: db)
    }

    static func encode(_ fields: [String: String?]) -> String {
        let compacted = fields.mapValues { $0 ?? NSNull() as Any }
        guard let data = try? JSONSerialization.data(withJSONObject: compacted, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension City {
    /// The fields the audit log records for a city.
    var auditFields: [String: String?] {
        [
            "names": Audit.encode(names.mapValues { Optional($0) }), "country": country, "region": region,
            "latitude": latitude.map { String($0) }, "longitude": longitude.map { String($0) }, "city_type": cityType,
            "pathways": pathways.joined(separator: ","), "description": details,
        ]
    }
}

extension Organisation {
    var auditFields: [String: String?] {
        [
            "slug": slug, "names": Audit.encode(names.mapValues { Optional($0) }), "type": type, "country": country,
            "website": website, "contact_name": contactName, "contact_email": contactEmail, "description": details,
            "is_resource_centre": String(isResourceCentre), "status": status.rawValue,
        ]
    }
}

extension User {
    var auditFields: [String: String?] {
        [
            "email": email, "name": name, "role": role, "is_expert": String(isExpert),
            "organisation_id": $organisation.id?.uuidString, "is_active": String(isActive),
        ]
    }
}
