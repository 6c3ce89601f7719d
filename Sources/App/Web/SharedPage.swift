import Foundation
import Hummingbird

/// Pages rendered once and shown to many readers. A signed-in reader's page differs from another's
/// with the same role, organisation and rights only by the session's form token, so the page is
/// rendered with a marker where the token goes and the reader's own token is put in per request.
enum SharedPage {
    /// Set while rendering a shared page: `Chrome.make` then gives the marker instead of a token.
    @TaskLocal static var rendering = false

    /// Random per process, so that no stored text can know it in advance.
    static let marker = "csrf-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()

    /// The page cut at each marker, once, when it is rendered.
    static func split(_ html: String) -> SharedHTML {
        SharedHTML(parts: html.split(separator: marker, omittingEmptySubsequences: false).map(String.init))
    }

    /// What the frame around a page shows of the reader: the navigation depends on being signed
    /// in, the role and the organisation.
    static func audience(of user: CurrentUser?) -> String {
        guard let user else { return "visitor" }
        return "\(user.role.rawValue)|\(user.organisationSlug ?? "-")|\(user.isExpert)|\(user.organisationIsResourceCentre)"
    }
}

/// A shared page cut where the reader's form token goes: joining with the token is one pass.
struct SharedHTML: Sendable, CacheCosted {
    let parts: [String]

    func filled(with token: String?) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.joined(separator: token ?? "")
    }

    var cacheCost: Int { parts.reduce(0) { $0 + $1.utf8.count } }
}
