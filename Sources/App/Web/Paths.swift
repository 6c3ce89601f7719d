import Foundation

/// Every URL of the site, from one definition. Views never concatenate path strings.
enum Paths {
    static let home = "/"
    static let cities = "/cities"
    static func city(_ slug: String) -> String { "/cities/\(slug)" }
    static func editCity(_ slug: String) -> String { "/cities/\(slug)/edit" }
    static func cityFacts(_ slug: String) -> String { "/cities/\(slug)/facts" }
    static func deleteCityFact(_ slug: String, _ id: UUID) -> String { "/cities/\(slug)/facts/\(id.uuidString)/delete" }
    static let organisations = "/organisations"
    static func organisation(_ slug: String) -> String { "/organisations/\(slug)" }
    static func editOrganisation(_ slug: String) -> String { "/organisations/\(slug)/edit" }
    static let apply = "/membership/apply"
    static let terms = "/membership/terms"
    static func applicationStatus(_ token: String) -> String { "/membership/status/\(token)" }
    static let login = "/login"
    static let logout = "/logout"
    static let account = "/account"
    static let changePassword = "/account/password"
    static let apiTokens = "/account/tokens"
    static func setupPassword(_ token: String) -> String { "/account/setup/\(token)" }
    static let applications = "/secretariat/applications"
    static func application(_ id: UUID) -> String { "/secretariat/applications/\(id.uuidString)" }
    static func approveApplication(_ id: UUID) -> String { "/secretariat/applications/\(id.uuidString)/approve" }
    static func rejectApplication(_ id: UUID) -> String { "/secretariat/applications/\(id.uuidString)/reject" }
    static let users = "/secretariat/users"
    static let newUser = "/secretariat/users/new"
    static func user(_ id: UUID) -> String { "/secretariat/users/\(id.uuidString)" }
    static func userSetupLink(_ id: UUID) -> String { "/secretariat/users/\(id.uuidString)/setup-link" }
    static let audit = "/secretariat/audit"
    static let stylesheet = "/static/app.css"
    static let openAPI = "/openapi.json"

    /// A path with a query string, values percent-encoded.
    static func with(_ path: String, query: [(String, String)]) -> String {
        let pairs = query.filter { !$0.1.isEmpty }
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
    }

    static func percentEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
