import Foundation

/// The ids a page repeats: a repeated id sends a label, an `aria-describedby` or an error link to
/// the first element that has it, which is another form's field (WCAG 4.1.1).
enum HTMLIDs {
    static func repeated(in html: String) -> [String] {
        var seen: [Substring: Int] = [:]
        for match in html.matches(of: #/\sid="([^"]+)"/#) { seen[match.1, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.keys.map(String.init).sorted()
    }
}
