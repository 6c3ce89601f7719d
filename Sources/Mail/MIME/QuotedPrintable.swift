/// Quoted-printable (RFC 2045 §6.7) for text bodies that are mostly ASCII.
enum QuotedPrintable {
    /// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters, a soft break's "=" included.
    static let maximumLineLength = 76

    /// Encodes UTF-8 text; every line break in the text becomes a hard CRLF break (rule 4). The
    /// result has no final CRLF.
    static func encode(_ text: String) -> String {
        MIMEText.lines(text).map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        guard !line.isEmpty else { return "" }
        var output: [String] = []
        var current = ""
        let last = line.index(before: line.endIndex)
        for index in line.indices {
            let byte = line[index]
            let token: String
            // Rule 2: printable ASCII except "=" stands for itself. Rule 3: a space or tab stands
            // for itself unless it ends the line, where transport may strip it.
            if (33...126).contains(byte) && byte != UInt8(ascii: "=") {
                token = String(UnicodeScalar(byte))
            } else if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && index != last {
                token = String(UnicodeScalar(byte))
            } else {
                token = "=" + hex(byte)
            }
            // Leave room for the soft break "=" unless this token ends the line.
            let limit = index == last ? maximumLineLength : maximumLineLength - 1
            if current.utf8.count + token.utf8.count > limit {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Helpers for text bodies.
enum MIMEText {
    /// The text's lines as UTF-8, split at CRLF, LF or CR: RFC 2045 §2.10 and RFC 2046 §4.1.1
    /// make CRLF the only line break of text in canonical form.
    static func lines(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(bytes[start..<index])
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// The text in canonical form: UTF-8 with CRLF line breaks.
    static func canonical(_ text: String) -> [UInt8] {
        Array(lines(text).map { Array($0) }.joined(separator: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]))
    }
}
