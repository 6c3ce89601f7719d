/// A failed submission: which step failed, why, and what a queue should do about it.
///
/// - ``isPermanent``: a 5xx reply, or something the server or configuration lacks. Sending the
///   same thing again will fail again. Otherwise the failure is transient (4xx, timeouts, lost or
///   refused connections, TLS failures) and a retry with backoff may succeed.
/// - ``isMessageSpecific``: the server refused *this message* (a recipient, its content or size).
///   When false the failure says nothing about the message (server down, wrong password, STARTTLS
///   missing): a queue should keep the message queued and back off, even when permanent.
/// - ``mayHaveBeenAccepted``: the whole message was sent but its final reply never arrived. The
///   server may have accepted it (RFC 1047); a retry may deliver it twice, which the stable
///   Message-ID lets recipients' software detect.
public struct SMTPError: Error, Sendable, Equatable {
    /// The step of the session that failed, named after its command (RFC 5321 §4.1.1).
    public enum Stage: Sendable, Equatable {
        /// Opening the TCP connection (and, for `smtps`, the TLS handshake).
        case connect
        /// Waiting for the 220 greeting (RFC 5321 §4.3.1).
        case greeting
        /// EHLO, or HELO after EHLO was refused (RFC 5321 §4.1.1.1, §3.2).
        case hello
        /// The STARTTLS command and the TLS handshake after it (RFC 3207).
        case startTLS
        /// AUTH (RFC 4954).
        case authenticate
        /// Checks of the message before anything is sent (envelope, line length, size).
        case prepare
        /// MAIL FROM.
        case mailFrom
        /// RCPT TO for the named recipient.
        case recipient(String)
        /// The DATA command and the upload of the message data, before its final reply.
        case data
        /// The reply after the message data and its terminating `<CRLF>.<CRLF>`.
        case endOfData
    }

    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The server answered with a code that does not let the session go on.
        case reply(SMTPReply)
        /// No answer within the configured time.
        case timeout(Duration)
        /// The connection could not be opened (refused, unreachable, name not found).
        case connectionFailed(String)
        /// The server closed the connection.
        case connectionClosed
        /// The TLS handshake failed, for example an untrusted certificate or a wrong host name.
        case tls(String)
        /// The server sent something that is not an SMTP reply.
        case malformedReply(String)
        /// The server lacks what the configuration asks for (STARTTLS, an AUTH mechanism).
        case notSupported(String)
        /// The client refused to go on (credentials over plaintext, an invalid message or use).
        case refusedByClient(String)
    }

    /// The step that failed.
    public let stage: Stage
    /// Why it failed.
    public let reason: Reason

    /// Makes an error.
    public init(stage: Stage, reason: Reason) {
        self.stage = stage
        self.reason = reason
    }

    /// The server's reply, when the failure is one.
    public var reply: SMTPReply? {
        if case .reply(let reply) = reason { return reply }
        return nil
    }

    /// Whether sending the same message again will fail again (see the type's documentation).
    public var isPermanent: Bool {
        switch reason {
        case .reply(let reply): reply.isPermanentNegative
        case .notSupported, .refusedByClient: true
        case .timeout, .connectionFailed, .connectionClosed, .tls, .malformedReply: false
        }
    }

    /// Whether a retry later may succeed: 4xx replies and connection, timeout or TLS failures.
    public var isTransient: Bool { !isPermanent }

    /// Whether the failure is about this message rather than the server or configuration.
    public var isMessageSpecific: Bool {
        switch (stage, reason) {
        case (.prepare, _): true
        case (.recipient, .reply), (.data, .reply), (.endOfData, .reply): true
        // RFC 1870 §6.1: 552 to MAIL FROM with SIZE means this message is too big.
        case (.mailFrom, .reply(let reply)): reply.code == 552 || reply.enhancedStatusCode?.hasSuffix(".3.4") == true
        default: false
        }
    }

    /// Whether the server may have accepted the message although no 250 arrived (RFC 1047).
    public var mayHaveBeenAccepted: Bool {
        guard stage == .endOfData else { return false }
        switch reason {
        case .timeout, .connectionClosed, .connectionFailed, .malformedReply, .tls: return true
        case .reply, .notSupported, .refusedByClient: return false
        }
    }
}

extension SMTPError.Stage: CustomStringConvertible {
    public var description: String {
        switch self {
        case .connect: "connect"
        case .greeting: "greeting"
        case .hello: "EHLO/HELO"
        case .startTLS: "STARTTLS"
        case .authenticate: "AUTH"
        case .prepare: "message check"
        case .mailFrom: "MAIL FROM"
        case .recipient(let address): "RCPT TO:<\(address)>"
        case .data: "DATA"
        case .endOfData: "end of DATA"
        }
    }
}

extension SMTPError: CustomStringConvertible {
    public var description: String {
        let kind = isPermanent ? "permanent" : "transient"
        let detail: String
        switch reason {
        case .reply(let reply): detail = "server replied \(reply)"
        case .timeout(let duration): detail = "no reply within \(duration)"
        case .connectionFailed(let message): detail = "connection failed: \(message)"
        case .connectionClosed: detail = "server closed the connection"
        case .tls(let message): detail = "TLS failed: \(message)"
        case .malformedReply(let message): detail = "malformed reply: \(message)"
        case .notSupported(let message): detail = "not supported by the server: \(message)"
        case .refusedByClient(let message): detail = "refused by the client: \(message)"
        }
        let acceptance = mayHaveBeenAccepted ? "; the server may have accepted the message" : ""
        return "SMTP \(stage) failed (\(kind)): \(detail)\(acceptance)"
    }
}
