import Foundation

/// Proof that the server accepted a message: its 250 reply to the end of the data
/// (RFC 5321 §4.1.1.4). From that moment the server is responsible for the message (§6.1).
public struct SMTPReceipt: Sendable, Equatable {
    /// The server's reply, often with its queue id, for example `250 2.0.0 Ok: queued as 4F2A`.
    public let reply: SMTPReply
    /// The Message-ID of the accepted message, when it was sent as a ``MailMessage``.
    public let messageID: String?
    /// The recipients the server accepted (all of them: a refused recipient fails the send).
    public let recipients: [String]
    /// When the reply arrived.
    public let acceptedAt: Date
}
