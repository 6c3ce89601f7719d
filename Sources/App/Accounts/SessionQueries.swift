import Foundation
import SQLKit

/// The session, its user and the user's organisation, read together (`WebSessions.loadSignedIn`).
enum SessionQueries {
    static func signedIn(key: String, postgres: Bool) -> SQLQueryString {
        """
        SELECT \(TableVersioning.allVersionsColumn(postgres: postgres)) AS versions, \
        p.value AS value, p.expires_at AS expires_at, u.id AS user_id, u.email AS email, u.name AS name, \
        u.role AS role, u.is_expert AS is_expert, o.id AS organisation_id, o.slug AS organisation_slug, \
        o.is_resource_centre AS resource_centre, o.status AS organisation_status, o.city_id AS city_id \
        FROM persist_entries p \
        LEFT JOIN users u ON u.id = p.user_id AND u.is_active = \(bind: true) \
        LEFT JOIN organisations o ON o.id = u.organisation_id \
        WHERE p.key = \(bind: key)
        """
    }

    /// The user of an API token (by its digest) with their organisation, in one query.
    static func tokenUser(hash: String, postgres: Bool) -> SQLQueryString {
        """
        SELECT \(TableVersioning.allVersionsColumn(postgres: postgres)) AS versions, u.id AS user_id, u.email AS email, u.name AS name, u.role AS role, u.is_expert AS is_expert, \
        o.id AS organisation_id, o.slug AS organisation_slug, o.is_resource_centre AS resource_centre, \
        o.status AS organisation_status, o.city_id AS city_id \
        FROM api_tokens t \
        JOIN users u ON u.id = t.user_id AND u.is_active = \(bind: true) \
        LEFT JOIN organisations o ON o.id = u.organisation_id \
        WHERE t.token_hash = \(bind: hash)
        """
    }

    /// The signed-in user of a row of `signedIn`, as `UserQueries.snapshot` makes it.
    static func user(from row: any SQLRow) throws -> CurrentUser? {
        guard let id = try row.decode(column: "user_id", as: UUID?.self) else { return nil }
        let status = try row.decode(column: "organisation_status", as: String?.self)
        let suspended = status == OrganisationStatus.suspended.rawValue
        return CurrentUser(
            id: id, email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .member,
            isExpert: try row.decode(column: "is_expert", as: Bool.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID?.self),
            organisationSlug: try row.decode(column: "organisation_slug", as: String?.self),
            organisationIsResourceCentre: try row.decode(column: "resource_centre", as: Bool?.self) ?? false,
            // A suspended organisation's people keep their account but edit nothing of it.
            organisationSuspended: suspended,
            cityID: suspended ? nil : try row.decode(column: "city_id", as: UUID?.self))
    }
}
