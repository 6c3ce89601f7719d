import Foundation
import Testing

/// Every URL of the site comes from `Paths` (DESIGN.md, style 8): a path written by hand in a view
/// or a controller drifts from the route table and is missed when a route moves. This reads the
/// sources and fails on any string literal that starts like a site path ("/" then a letter, or "/"
/// then an interpolation) outside `Web/Paths*.swift`.
@Suite struct SitePathsTests {
    /// Literals that may stay where they are, by file, with the reason. Keep it short.
    static let allowed: [String: (literals: Set<String>, reason: String)] = [
        "Operations/Backup/ExternalTool.swift": (
            ["/usr/lib/postgresql", "/usr/bin:/bin"], "where pg_dump and pg_restore are installed: file paths, not site paths"
        )
    ]

    @Test func sources_writeNoSitePathOutsidePaths() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/App")
        var offenders: [String] = []
        var scanned = 0
        for file in try Self.swiftFiles(under: sources) {
            let relative = String(file.path.dropFirst(sources.path.count + 1))
            if relative.hasPrefix("Web/Paths") { continue }
            scanned += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            let allowed = Self.allowed[relative]?.literals ?? []
            for literal in SwiftLiterals.strings(in: text) where SwiftLiterals.looksLikeSitePath(literal.start) {
                if allowed.contains(literal.start) { continue }
                offenders.append("Sources/App/\(relative):\(literal.line): \"\(literal.start)\"")
            }
        }
        #expect(scanned > 100, "found only \(scanned) source files under \(sources.path)")
        #expect(
            offenders.isEmpty, "site paths written by hand; add them to Web/Paths*.swift:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func scanner_findsPathsInCodeAndInterpolations() {
        let source = #"""
            // "/commented" is not code
            let a = "/knowledge"
            let b = "text \("/nested/\(id)") more"
            let c = #"/raw"#
            let d = "/"
            let e = "a/b"
            let f = """
                /multi
                """
            /* "/block" */
            let g = "/\(kind)"
            """#
        let found = SwiftLiterals.strings(in: source).filter { SwiftLiterals.looksLikeSitePath($0.start) }
        #expect(found.map(\.start) == ["/knowledge", "/nested/\\(", "/raw", "/multi", "/\\("])
        #expect(found.map(\.line) == [2, 3, 4, 8, 11])
    }

    static func swiftFiles(under folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }
}

/// Just enough of Swift's lexical grammar to find string literals: line and block comments (nested),
/// plain, multi-line and raw (`#"…"#`) strings, and interpolations holding further strings.
enum SwiftLiterals {
    struct Literal: Equatable {
        /// The literal's text up to its first interpolation (kept as `\(`) or line end, at most 40 characters.
        let start: String
        let line: Int
    }

    static func looksLikeSitePath(_ start: String) -> Bool {
        let characters = Array(start)
        guard characters.count >= 2, characters[0] == "/" else { return false }
        return characters[1].isLetter || (characters[1] == "\\" && characters.count >= 3 && characters[2] == "(")
    }

    static func strings(in text: String) -> [Literal] {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.code(untilClosingParenthesis: false)
        return scanner.found
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var found: [Literal] = []

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

        mutating func advance() {
            if s[i] == "\n" { line += 1 }
            i += 1
        }

        /// Code until the end, or until the `)` that closes an interpolation.
        mutating func code(untilClosingParenthesis: Bool) {
            var depth = 0
            while let c = peek() {
                if c == "/" && peek(1) == "/" {
                    while let n = peek(), n != "\n" { advance() }
                } else if c == "/" && peek(1) == "*" {
                    blockComment()
                } else if c == "#" || c == "\"" {
                    var hashes = 0
                    while peek(hashes) == "#" { hashes += 1 }
                    if peek(hashes) == "\"" {
                        for _ in 0..<hashes { advance() }
                        string(hashes: hashes)
                    } else {
                        advance()
                    }
                } else if c == "(" {
                    depth += 1
                    advance()
                } else if c == ")" {
                    advance()
                    if depth == 0 && untilClosingParenthesis { return }
                    depth -= 1
                } else {
                    advance()
                }
            }
        }

        mutating func blockComment() {
            var depth = 0
            while peek() != nil {
                if peek() == "/" && peek(1) == "*" {
                    depth += 1
                    advance()
                    advance()
                } else if peek() == "*" && peek(1) == "/" {
                    depth -= 1
                    advance()
                    advance()
                    if depth == 0 { return }
                } else {
                    advance()
                }
            }
        }

        func closes(quotes: Int, hashes: Int) -> Bool {
            (0..<quotes).allSatisfy { peek($0) == "\"" } && (0..<hashes).allSatisfy { peek(quotes + $0) == "#" }
        }

        /// A string literal from its opening quote(s); the `#`s before them are consumed.
        mutating func string(hashes: Int) {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            for _ in 0..<(multiline ? 3 : 1) { advance() }
            if multiline {
                // The content starts on the next line, after its indentation.
                while let c = peek(), c != "\n" { advance() }
                if peek() != nil { advance() }
                while let c = peek(), c == " " || c == "\t" { advance() }
            }
            let startLine = line
            var start = ""
            var recording = true
            while let c = peek() {
                if closes(quotes: multiline ? 3 : 1, hashes: hashes) {
                    for _ in 0..<((multiline ? 3 : 1) + hashes) { advance() }
                    break
                }
                if c == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                    let next = peek(1 + hashes)
                    if next == "(" {
                        if recording { start += "\\(" }
                        recording = false
                        for _ in 0..<(2 + hashes) { advance() }
                        code(untilClosingParenthesis: true)
                        continue
                    }
                    if recording, let next { start.unicodeScalars.append(contentsOf: ["\\", next]) }
                    for _ in 0..<(1 + hashes) { advance() }
                    if peek() != nil { advance() }
                    continue
                }
                if recording {
                    if c == "\n" {
                        recording = false
                    } else {
                        start.unicodeScalars.append(c)
                        if start.count >= 40 { recording = false }
                    }
                }
                advance()
            }
            found.append(Literal(start: start, line: startLine))
        }
    }
}
