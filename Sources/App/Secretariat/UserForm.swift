import FluentKit
import Foundation

/// The secretariat's user form.
struct UserForm: Sendable {
    var name = ""
    var email = ""
    var role = Role.member.rawValue
    var organisation = ""
    var isExpert = false
    var isActive = true

    static let fieldOrder = ["name", "email", "role", "organisation", "is_expert", "is_active"]

    init() {}

    init(user: User) {
        name = user.name
        email = user.email
        role = user.role
        organisation = (user.$organisation.value ?? nil)?.slug ?? ""
        isExpert = user.isExpert
        isActive = user.isActive
    }

    init(form: FormData) {
        name = form["name"]
        email = UserQueries.normalise(email: form["email"])
        role = form["role"]
        organisation = form["organisation"]
        isExpert = form.has("is_expert")
        isActive = form.has("is_active")
    }

    func validate(organisationExists: Bool) -> [String: String] {
        var errors: [String: String] = [:]
        if name.isEmpty {
            errors["name"] = "validation.required"
        } else if name.count > 200 {
            errors["name"] = "validation.too_long"
        }
        if !Validate.isEmail(email) { errors["email"] = email.isEmpty ? "validation.required" : "validation.email" }
        guard let role = Role(rawValue: role) else {
            errors["role"] = "validation.choice"
            return errors
        }
        if !organisation.isEmpty, !organisationExists { errors["organisation"] = "validation.choice" }
        if role == .member, organisation.isEmpty { errors["organisation"] = "validation.member_needs_organisation" }
        return errors
    }
}
