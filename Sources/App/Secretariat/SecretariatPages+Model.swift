import Foundation

/// The application queue, filtered by status (empty: every status).
struct ApplicationListModel: Sendable {
    let page: PageOf<ApplicationSummary>
    let status: String
}

/// One application, with the decision forms while it is pending.
struct ApplicationPageModel: Sendable {
    /// Shown right after an approval: whom to give the one-time link to set a password.
    struct Approved: Sendable {
        let organisationName: String
        let email: String
        let setupLink: String
    }

    let application: ApplicationSummary
    let approved: Approved?
    let errors: [String: String]
    /// The rejection reason as typed, shown back when it was refused.
    let reason: String
    /// Whether the link also went out by mail (else the secretariat passes it on).
    var mailOn = false
}

/// A user as the secretariat's list shows it.
struct UserRow: Sendable {
    let id: UUID
    let name: String
    let email: String
    /// A `Role` raw value.
    let role: String
    let isExpert: Bool
    let organisationName: String?
    let isActive: Bool
}

/// The new-user and edit-user form.
struct UserFormModel: Sendable {
    struct Editing: Sendable {
        let id: UUID
        let name: String
    }

    /// The user being edited; nil on the new-user form.
    let editing: Editing?
    let form: UserForm
    let errors: [String: String]
    /// Choices for the organisation: slug and English name.
    let organisations: [(slug: String, name: String)]
    /// A one-time link to set a password, after creating the user or asking for a new one.
    let setupLink: String?
}

/// An entry of the audit log.
struct AuditRow: Sendable {
    let createdAt: Date
    let actorLabel: String
    let action: String
    let entityType: String
    let entityID: String
    /// The record before and after, as JSON.
    let before: String?
    let after: String?
}

struct AuditLogModel: Sendable {
    let page: PageOf<AuditRow>
    let entity: String
    let record: String
}
