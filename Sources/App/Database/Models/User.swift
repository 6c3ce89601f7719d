import FluentKit
import Foundation

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// bcrypt hash; nil until the person sets a password through a one-time link.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "role") var role: String
    @Field(key: "is_expert") var isExpert: Bool
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, email: String, name: String, passwordHash: String?, role: Role, isExpert: Bool = false,
        organisationID: UUID?, isActive: Bool = true
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.isExpert = isExpert
        self.$organisation.id = organisationID
        self.isActive = isActive
    }
}

enum Role: String, Sendable, CaseIterable, Codable {
    case member
    case secretariat
}
