import FluentKit
import Foundation

/// Who did what, when, with the record before and after (JSON), for the secretariat.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(
        actorID: UUID?, actorLabel: String, action: String, entityType: String, entityID: String, before: String?,
        after: String?, createdAt: Date
    ) {
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.before = before
        self.after = after
        self.createdAt = createdAt
    }
}
