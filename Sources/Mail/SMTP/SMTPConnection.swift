import NIOCore
import NIOSSL

/// A session with the server, greeted, secured and authenticated, ready to send messages.
///
/// Made by ``SMTPClient/withConnection(isolation:_:)``. Messages are sent one at a time
/// (RFC 5321 §3.3: a new transaction may follow a completed one on the same session).
public actor SMTPConnection {
    let transport: SMTPTransport
    let configuration: SMTPConfiguration
    /// The extensions the server announced in its last EHLO reply.
    public let capabilities: SMTPCapabilities
    /// Whether the session runs over TLS (implicit or after STARTTLS).
    public let isEncrypted: Bool
    /// Whether AUTH succeeded.
    public let isAuthenticated: Bool
    var isBusy = false
    var brokenBy: SMTPError?

    init(
        transport: SMTPTransport,
        configuration: SMTPConfiguration,
        capabilities: SMTPCapabilities,
        isEncrypted: Bool,
        isAuthenticated: Bool
    ) {
        self.transport = transport
        self.configuration = configuration
        self.capabilities = capabilities
        self.isEncrypted = isEncrypted
        self.isAuthenticated = isAuthenticated
    }

    /// Says QUIT (RFC 5321 §4.1.1.10) and closes the connection. A failure here changes
    /// nothing for messages already accepted, so it is not reported.
    public func close() async {
        if brokenBy == nil, !isBusy {
            try? await transport.send(line: "QUIT")
            _ = try? await transport.reply(timeout: min(configuration.replyTimeout, .seconds(5)))
        }
        await transport.close()
    }

    /// Sends a command and returns its reply when the code is one of `accepted`, else throws.
    func command(
        _ line: String,
        stage: SMTPError.Stage,
        accepted: ClosedRange<Int> = 200...299,
        timeout: Duration? = nil
    ) async throws(SMTPError) -> SMTPReply {
        try await SMTPSession.command(
            line,
            stage: stage,
            accepted: accepted,
            timeout: timeout ?? configuration.replyTimeout,
            on: transport
        )
    }
}
