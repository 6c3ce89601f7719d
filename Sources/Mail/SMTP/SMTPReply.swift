/// One reply of the server: a three-digit code and its text lines (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable {
    /// The reply code, for example 250.
    public let code: Int
    /// The text of each line, without the code and separator.
    public let lines: [String]

    /// Makes a reply.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The text lines joined with spaces.
    public var text: String { lines.joined(separator: " ") }

    /// The enhanced status code (RFC 3463, announced by ENHANCEDSTATUSCODES, RFC 2034) at the
    /// start of the text, for example "5.1.1", if there is one.
    public var enhancedStatusCode: String? {
        guard let first = lines.first else { return nil }
        let candidate = first.prefix { $0 != " " }
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]),
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return String(candidate)
    }

    /// 2yz: the command was carried out (RFC 5321 §4.2.1).
    public var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 3yz: the server waits for more (354 after DATA, 334 during AUTH).
    public var isPositiveIntermediate: Bool { (300..<400).contains(code) }
    /// 4yz: the command failed but the same request may succeed later.
    public var isTransientNegative: Bool { (400..<500).contains(code) }
    /// 5yz: the command failed and repeating it unchanged will fail again.
    public var isPermanentNegative: Bool { (500..<600).contains(code) }
}

extension SMTPReply: CustomStringConvertible {
    public var description: String { lines.isEmpty ? "\(code)" : "\(code) \(text)" }
}
