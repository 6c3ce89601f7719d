import FluentKit
import Foundation

/// Key/value rows behind the session store, so that sessions live in the database
/// and several app processes can share them.
final class PersistEntry: Model, @unchecked Sendable {
    static let schema = "persist_entries"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// The signed-in user of a browser session (nil for visitors' sessions and other entries).
    @OptionalField(key: "user_id") var userID: UUID?

    init() {}

    init(key: String, value: String, expiresAt: Date?, userID: UUID? = nil) {
        self.id = key
        self.value = value
        self.expiresAt = expiresAt
        self.userID = userID
    }
}

/// A failed sign-in, counted per account and per client address for the rate limit.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_key") var accountKey: String
    @Field(key: "client_key") var clientKey: String
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(accountKey: String, clientKey: String, attemptedAt: Date) {
        self.accountKey = accountKey
        self.clientKey = clientKey
        self.attemptedAt = attemptedAt
    }
}
