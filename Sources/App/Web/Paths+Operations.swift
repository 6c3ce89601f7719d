import Foundation

/// URLs of the operations pages: the forgotten password, mail preferences, the secretariat's mail desk.
extension Paths {
    static let forgotPassword = "/account/forgot"
    static let mailPreferences = "/account/mail"
    static let secretariatMail = "/secretariat/mail"
    static func retryMail(_ id: UUID) -> String { "/secretariat/mail/\(id.uuidString)/retry" }
}
