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

    /// The page with every marker replaced by the reader's token.
    static func fill(_ html: String, token: String) -> String {
        let text = Array(html.utf8)
        let needle = Array(marker.utf8)
        guard let first = needle.first, text.count >= needle.count else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 64)
        var index = 0
        var copiedUpTo = 0
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first && text[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: text[copiedUpTo..<index])
                output.append(contentsOf: token.utf8)
                index += needle.count
                copiedUpTo = index
            } else {
                index += 1
            }
        }
        guard copiedUpTo > 0 else { return html }
        output.append(contentsOf: text[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    /// What the frame around a page shows of the reader: the navigation depends on being signed
    /// in, the role and the organisation.
    static func audience(of user: CurrentUser?) -> String {
        guard let user else { return "visitor" }
        return "\(user.role.rawValue)|\(user.organisationSlug ?? "-")|\(user.isExpert)|\(user.organisationIsResourceCentre)"
    }
}
