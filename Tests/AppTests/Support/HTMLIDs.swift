import Foundation

/// The ids a page repeats: a repeated id sends a label, an `aria-describedby` or an error link to
/// the first element that has it, which is another form's field (WCAG 4.1.1).
enum HTMLIDs {
    static func repeated(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\sid="([^"]+)""#)
        let range = NSRange(html.startIndex..., in: html)
        var seen: [String: Int] = [:]
        for match in pattern.matches(in: html, range: range) {
            guard let idRange = Range(match.range(at: 1), in: html) else { continue }
            seen[String(html[idRange]), default: 0] += 1
        }
        return seen.filter { $0.value > 1 }.keys.sorted()
    }
}
