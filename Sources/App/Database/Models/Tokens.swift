import FluentKit
import Foundation

/// A one-time link to set a password (after approval, or a reset by the secretariat).
final class SetupToken: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.expiresAt = expiresAt
    }
}

/// A bearer token for the JSON API. Only its SHA-256 is stored.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "label") var label: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, label: String) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.label = label
    }
}
