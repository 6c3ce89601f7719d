import Foundation

/// A small Markdown renderer whose output is safe by construction: it builds `Node`s, so every
/// character of the source is escaped, raw HTML is shown as text, and links are kept only for
/// http, https and mailto addresses and site paths. Supported: paragraphs, headings (# to ###,
/// rendered h2 to h4 under the page's h1), bulleted and numbered lists, **bold**, *emphasis*,
/// `code` and [links](https://…).
enum Markdown {
    static func render(_ source: String) -> Node {
        var blocks: [Node] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            blocks.append(.element("p", [], inline(paragraph.joined(separator: " "))))
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            blocks.append(
                .element(current.ordered ? "ol" : "ul", [], current.items.map { .element("li", [], inline($0)) }))
            list = nil
        }

        for rawLine in source.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let level = headingLevel(line) {
                flushParagraph()
                flushList()
                let text = String(line.dropFirst(level)).trimmingCharacters(in: .whitespaces)
                blocks.append(.element("h\(level + 1)", [], inline(text)))
                continue
            }
            if let item = bullet(line) {
                flushParagraph()
                if list?.ordered == true { flushList() }
                list = (false, (list?.items ?? []) + [item])
                continue
            }
            if let item = numbered(line) {
                flushParagraph()
                if list?.ordered == false { flushList() }
                list = (true, (list?.items ?? []) + [item])
                continue
            }
            flushList()
            paragraph.append(line)
        }
        flushParagraph()
        flushList()
        return .element("div", [.class("markdown")], blocks)
    }

    /// The text without markup, for search and snippets.
    static func plainText(_ source: String) -> String {
        var text = ""
        for node in inlineText(source) { text += node }
        return text
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func bullet(_ line: String) -> String? {
        guard line.hasPrefix("- ") || line.hasPrefix("* ") else { return nil }
        return String(line.dropFirst(2))
    }

    private static func numbered(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 4, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(line.dropFirst(digits.count + 2))
    }

    /// Inline markup to nodes; anything not recognised stays text.
    static func inline(_ text: String) -> [Node] {
        var nodes: [Node] = []
        var buffer = ""
        var index = text.startIndex
        func flush() {
            if !buffer.isEmpty { nodes.append(.text(buffer)) }
            buffer = ""
        }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(index, offsetBy: 2)
            {
                flush()
                nodes.append(.element("strong", [], inline(String(text[text.index(index, offsetBy: 2)..<end.lowerBound]))))
                index = end.upperBound
                continue
            }
            if let marker = rest.first, marker == "*" || marker == "_",
                let end = rest.dropFirst().firstIndex(of: marker), end > text.index(after: index)
            {
                flush()
                nodes.append(.element("em", [], inline(String(text[text.index(after: index)..<end]))))
                index = text.index(after: end)
                continue
            }
            if rest.first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                flush()
                nodes.append(.element("code", [], [.text(String(text[text.index(after: index)..<end]))]))
                index = text.index(after: end)
                continue
            }
            if rest.first == "[", let close = rest.firstIndex(of: "]"), text.index(after: close) < text.endIndex,
                text[text.index(after: close)] == "(", let paren = text[close...].firstIndex(of: ")")
            {
                let label = String(text[text.index(after: index)..<close])
                let target = String(text[text.index(close, offsetBy: 2)..<paren]).trimmingCharacters(in: .whitespaces)
                flush()
                if isSafe(target) {
                    var attributes: [Attribute] = [.href(target)]
                    if !target.hasPrefix("/") { attributes.append(.rel("noopener nofollow")) }
                    nodes.append(.element("a", attributes, inline(label)))
                } else {
                    nodes.append(contentsOf: inline(label))
                }
                index = text.index(after: paren)
                continue
            }
            buffer.append(text[index])
            index = text.index(after: index)
        }
        flush()
        return nodes
    }

    /// http(s) and mailto addresses with a host or address, and site paths (not protocol-relative).
    static func isSafe(_ target: String) -> Bool {
        if target.hasPrefix("/") { return !target.hasPrefix("//") && !target.contains("\\") }
        guard let url = URL(string: target), let scheme = url.scheme?.lowercased() else { return false }
        switch scheme {
        case "http", "https": return url.host?.isEmpty == false
        case "mailto": return target.count > 7
        default: return false
        }
    }

    private static func inlineText(_ source: String) -> [String] {
        source.split(separator: "\n").map { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            while text.hasPrefix("#") { text.removeFirst() }
            if text.hasPrefix("- ") || text.hasPrefix("* ") { text.removeFirst(2) }
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            // [label](url) → label
            while let open = text.range(of: "]("), let start = text[..<open.lowerBound].lastIndex(of: "["),
                let close = text[open.upperBound...].firstIndex(of: ")")
            {
                let label = text[text.index(after: start)..<open.lowerBound]
                text.replaceSubrange(start...close, with: label)
            }
            return text.trimmingCharacters(in: .whitespaces) + "\n"
        }
    }
}
