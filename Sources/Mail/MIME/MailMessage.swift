import Foundation

/// An e-mail: plain text and, optionally, HTML alternatives of the same content.
///
/// Rendered by ``render()`` as RFC 5322 text in 7-bit ASCII (RFC 2045/2047 encodings for
/// everything else), so it passes any SMTP server without 8BITMIME. The Message-ID is fixed
/// when the message is made: a queue that stores the message and sends it again after an unknown
/// outcome sends the same Message-ID, which lets receiving software discard the duplicate.
public struct MailMessage: Sendable, Equatable {
    /// The author and envelope sender.
    public let from: MailAddress
    /// The recipients, at least one; each becomes a RCPT TO.
    public let to: [MailAddress]
    /// Where replies go, if not to ``from``.
    public let replyTo: MailAddress?
    /// The subject, any text; line breaks are replaced by spaces.
    public let subject: String
    /// The plain-text body.
    public let textBody: String
    /// The HTML body, if any; with one the message is multipart/alternative (RFC 2046 §5.1.4).
    public let htmlBody: String?
    /// The origination date (RFC 5322 §3.6.1).
    public let date: Date
    /// The Message-ID without angle brackets, `left@right` (RFC 5322 §3.6.4).
    public let messageID: String

    /// Makes a message; without a `messageID` a random one in the sender's domain is made.
    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        date: Date = Date(),
        messageID: String? = nil
    ) throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        let id = messageID ?? Self.makeMessageID(domain: String(from.domain))
        guard Self.isValidMessageID(id) else { throw .invalidMessageID(id) }
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = MIMEHeader.unfolded(subject)
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.date = date
        self.messageID = id
    }

    /// A new unique Message-ID: 128 random bits at the sender's domain (RFC 5322 §3.6.4).
    public static func makeMessageID(domain: String) -> String {
        "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// `id-left "@" id-right` in printable ASCII without the characters that end a msg-id.
    private static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
            && id.unicodeScalars.allSatisfy { (33...126).contains($0.value) && !"<>\"\\".unicodeScalars.contains($0) }
    }
}

/// Why a message cannot be made.
public enum MailMessageError: Error, Sendable, Equatable {
    /// The message has no recipient.
    case noRecipients
    /// The Message-ID is not `left@right` in printable ASCII without `<>"\`.
    case invalidMessageID(String)
}
