import FluentKit
import Foundation

/// The reads behind the secretariat's desk: each returns plain rows for its page.
enum SecretariatQueries {
    static func users(on db: any Database) async throws -> [UserRow] {
        try await User.query(on: db).with(\.$organisation).sort(\.$name).all().map {
            UserRow(
                id: try $0.requireID(), name: $0.name, email: $0.email, role: $0.role, isExpert: $0.isExpert,
                organisationName: ($0.$organisation.value ?? nil)?.nameEn, isActive: $0.isActive)
        }
    }

    /// Every organisation a user may belong to, by English name.
    static func organisationChoices(on db: any Database) async throws -> [(slug: String, name: String)] {
        try await Organisation.query(on: db).sort(\.$nameEn).all().map { (slug: $0.slug, name: $0.nameEn) }
    }

    /// The audit log newest first, filtered by entity type and record id (empty: all).
    static func audit(entity: String, record: String, page: Int, perPage: Int, on db: any Database) async throws
        -> AuditLogModel
    {
        let query = AuditEntry.query(on: db)
        if !entity.isEmpty { query.filter(\.$entityType == entity) }
        if !record.isEmpty { query.filter(\.$entityID == record) }
        let total = try await query.copy().count()
        let entries = try await query.sort(\.$createdAt, .descending).range(Paging.rows(page: page, perPage: perPage)).all()
        let rows = entries.map {
            AuditRow(
                createdAt: $0.createdAt, actorLabel: $0.actorLabel, action: $0.action, entityType: $0.entityType,
                entityID: $0.entityID, before: $0.before, after: $0.after)
        }
        return AuditLogModel(
            page: PageOf(items: rows, page: page, perPage: perPage, total: total), entity: entity, record: record)
    }
}
