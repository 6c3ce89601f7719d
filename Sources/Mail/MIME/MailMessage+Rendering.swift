extension MailMessage {
    /// The message as RFC 5322 text with CRLF line breaks, in 7-bit ASCII.
    ///
    /// Header lines are folded at 78 characters; non-ASCII subjects and display names are
    /// RFC 2047 encoded-words; bodies are UTF-8, quoted-printable or base64, in lines of at most
    /// 76 characters. The output depends only on the message, so a retry sends the same bytes.
    public func render() -> String {
        var text = MIMEHeader.field("Date", [RFC5322Date.format(date)])
        text += MIMEHeader.addressList("From", [from])
        text += MIMEHeader.addressList("To", to)
        if let replyTo { text += MIMEHeader.addressList("Reply-To", [replyTo]) }
        text += MIMEHeader.unstructured("Subject", subject)
        text += MIMEHeader.field("Message-ID", ["<\(messageID)>"])
        text += MIMEHeader.field("MIME-Version", ["1.0"])
        guard let htmlBody else {
            return text + MIMEPart(contentType: "text/plain", text: textBody).render()
        }
        let boundary = self.boundary
        text += MIMEHeader.field("Content-Type", ["multipart/alternative;", "boundary=\"\(boundary)\""])
        text += "\r\n"
        // RFC 2046 §5.1.4: alternatives in increasing order of preference, plain text first.
        for part in [MIMEPart(contentType: "text/plain", text: textBody), MIMEPart(contentType: "text/html", text: htmlBody)] {
            // §5.1.1: the CRLF before "--boundary" belongs to the delimiter, not to the part.
            text += "--\(boundary)\r\n" + part.render() + "\r\n"
        }
        return text + "--\(boundary)--\r\n"
    }

    /// A multipart boundary that cannot occur in the parts: "=_" never appears in
    /// quoted-printable ("=" is followed by hex digits or CRLF) nor in base64. It is derived from
    /// the Message-ID so rendering is repeatable.
    var boundary: String {
        // FNV-1a, 64 bits: any stable hash will do, it only has to differ between messages.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "=_lcc_" + String(hash, radix: 16)
    }
}

/// One text part: its headers, a blank line and the encoded body, without a final CRLF.
struct MIMEPart {
    let contentType: String
    let text: String

    func render() -> String {
        let bytes = MIMEText.canonical(text)
        // Quoted-printable keeps mostly-ASCII text readable; base64 is a third smaller than
        // quoted-printable for CJK text, whose every byte QP would triple (RFC 2045 §6.7, §6.8).
        let nonASCII = bytes.lazy.filter { $0 >= 0x80 }.count
        let useBase64 = nonASCII * 5 > bytes.count
        let encoding = useBase64 ? "base64" : "quoted-printable"
        let body = useBase64 ? Base64.encodeLines(bytes) : QuotedPrintable.encode(text)
        return MIMEHeader.field("Content-Type", ["\(contentType);", "charset=UTF-8"])
            + MIMEHeader.field("Content-Transfer-Encoding", [encoding]) + "\r\n" + body
    }
}
