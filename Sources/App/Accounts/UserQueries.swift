import FluentKit
import Foundation

enum UserQueries {
    /// The signed-in user with their organisation, or nil when the account is gone or inactive.
    static func current(id: UUID, on db: any Database) async throws -> CurrentUser? {
        guard
            let user = try await User.query(on: db).filter(\.$id == id).filter(\.$isActive == true)
                .with(\.$organisation).first()
        else { return nil }
        return snapshot(user)
    }

    static func snapshot(_ user: User) -> CurrentUser? {
        guard let id = user.id else { return nil }
        let organisation = user.$organisation.value ?? nil
        return CurrentUser(
            id: id, email: user.email, name: user.name, role: Role(rawValue: user.role) ?? .member,
            isExpert: user.isExpert, organisationID: user.$organisation.id, organisationSlug: organisation?.slug,
            organisationIsResourceCentre: organisation?.isResourceCentre ?? false,
            // A suspended organisation's people keep their account but edit nothing of it.
            organisationSuspended: organisation?.status == .suspended,
            cityID: organisation?.status == .suspended ? nil : organisation?.$city.id
        )
    }

    static func byEmail(_ email: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$email == normalise(email: email)).first()
    }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
