import Foundation

/// The JSON API's URLs (`Location` of what it creates, links in its documents) and the paths served
/// to machines rather than people.
extension Paths {
    static let apiPrefix = "/api/"
    static let health = "/healthz"
    static let metrics = "/metrics"
    static let staticPrefix = "/static/"

    static func apiInventory(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "/api/v1/cities/\(slug)/inventories/\(year)\(kind.pathSuffix)"
    }
    static func apiActions(_ slug: String) -> String { "/api/v1/cities/\(slug)/actions" }
    static func apiApplicationStatus(_ token: String) -> String { "/api/v1/membership-applications/status/\(token)" }
    /// The `type` of a problem body (RFC 9457 §3.1.1): a URI reference naming the kind of error.
    static func problemType(_ kind: String) -> String { "/problems/\(kind)" }
}
