/// Splits the bytes the server sends into replies (RFC 5321 §4.2).
///
/// A reply is one or more lines `code-text` ending with `code text` (or a bare `code`); every
/// line of one reply carries the same code (§4.2.1). Lines end in CRLF; a bare LF is accepted
/// because being lenient about what servers send costs nothing here. Line length and line count
/// are bounded so a broken or hostile server cannot make the client buffer without limit.
struct SMTPReplyParser {
    /// RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers exceed it a little.
    static let maximumLineLength = 4096
    /// EHLO replies have a line per extension; no server sends anywhere near this many.
    static let maximumLineCount = 512

    private var buffer: [UInt8] = []
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    /// Whether bytes or lines of an unfinished reply are held.
    var hasBufferedInput: Bool { !buffer.isEmpty || pendingCode != nil }

    /// Adds received bytes and returns every reply they complete.
    mutating func parse(_ bytes: some Sequence<UInt8>) throws(SMTPReplyParserError) -> [SMTPReply] {
        buffer.append(contentsOf: bytes)
        var replies: [SMTPReply] = []
        var lineStart = 0
        while let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            var lineEnd = newline
            if lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if let reply = try parseLine(buffer[lineStart..<lineEnd]) { replies.append(reply) }
            lineStart = newline + 1
        }
        buffer.removeFirst(lineStart)
        guard buffer.count <= Self.maximumLineLength else { throw .lineTooLong }
        return replies
    }

    private mutating func parseLine(_ line: ArraySlice<UInt8>) throws(SMTPReplyParserError) -> SMTPReply? {
        guard line.count <= Self.maximumLineLength else { throw .lineTooLong }
        guard line.count >= 3, let code = Self.code(line.prefix(3)) else {
            throw .malformedLine(String(decoding: line.prefix(80), as: UTF8.self))
        }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedLine(String(decoding: line.prefix(80), as: UTF8.self))
        }
        if let pendingCode, pendingCode != code { throw .inconsistentCodes(pendingCode, code) }
        pendingCode = code
        pendingLines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard pendingLines.count <= Self.maximumLineCount else { throw .tooManyLines }
        guard separator != UInt8(ascii: "-") else { return nil }
        let reply = SMTPReply(code: code, lines: pendingLines)
        self.pendingCode = nil
        pendingLines = []
        return reply
    }

    private static func code(_ digits: ArraySlice<UInt8>) -> Int? {
        // §4.2: the first digit is 2 to 5, the second 0 to 5 ("1yz" is unused in SMTP).
        var value = 0
        for (position, digit) in digits.enumerated() {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            let number = Int(digit - UInt8(ascii: "0"))
            if position == 0, !(2...5).contains(number) { return nil }
            value = value * 10 + number
        }
        return value
    }
}

/// Why the server's bytes are not SMTP replies.
enum SMTPReplyParserError: Error, Equatable, CustomStringConvertible {
    case malformedLine(String)
    case inconsistentCodes(Int, Int)
    case lineTooLong
    case tooManyLines

    var description: String {
        switch self {
        case .malformedLine(let line): "reply line is not 'code text': \(line)"
        case .inconsistentCodes(let first, let later): "multi-line reply mixes codes \(first) and \(later)"
        case .lineTooLong: "reply line longer than \(SMTPReplyParser.maximumLineLength) bytes"
        case .tooManyLines: "reply has more than \(SMTPReplyParser.maximumLineCount) lines"
        }
    }
}
