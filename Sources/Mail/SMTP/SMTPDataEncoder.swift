/// Prepares message bytes for the DATA phase (RFC 5321 §4.5.2, §2.3.8, §4.1.1.4).
///
/// Every line break becomes CRLF (SMTP forbids bare CR and LF), every line starting with "."
/// gets a second "." (the receiver removes it; otherwise a lone "." would end the message early),
/// and the data ends with CRLF "." CRLF.
enum SMTPDataEncoder {
    /// RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including its CRLF.
    static let maximumLineLength = 998

    /// The encoded data with its terminator, or the number of the first line that is too long.
    static func encode(_ message: [UInt8]) -> Result<[UInt8], LineTooLong> {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 8)
        var lineLength = 0
        var lineNumber = 1
        var index = 0
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let dot = UInt8(ascii: ".")
        while index < message.count {
            let byte = message[index]
            if byte == cr || byte == lf {
                output.append(cr)
                output.append(lf)
                // CRLF, a bare LF and a bare CR each end one line.
                if byte == cr, index + 1 < message.count, message[index + 1] == lf { index += 1 }
                lineLength = 0
                lineNumber += 1
            } else {
                if lineLength == 0, byte == dot { output.append(dot) }
                output.append(byte)
                lineLength += 1
                if lineLength > maximumLineLength { return .failure(LineTooLong(lineNumber: lineNumber)) }
            }
            index += 1
        }
        if lineLength > 0 || output.isEmpty {
            output.append(cr)
            output.append(lf)
        }
        output.append(contentsOf: [dot, cr, lf])
        return .success(output)
    }

    /// A line of the message exceeds the SMTP line limit.
    struct LineTooLong: Error {
        let lineNumber: Int
    }
}
