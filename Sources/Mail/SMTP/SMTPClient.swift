import NIOCore
import NIOPosix
import NIOSSL

/// Submits mail to one SMTP server.
///
/// ```swift
/// let client = try SMTPClient(configuration: SMTPConfiguration(url: smtpURL))
/// try await client.withConnection { connection in
///     for message in batch {
///         let receipt = try await connection.send(message)
///         try await queue.markSent(message.messageID, receipt)  // right after the 250
///     }
/// }
/// ```
///
/// Each ``withConnection(isolation:_:)`` opens its own connection, so a client can be shared.
/// Cancelling the task that sends closes the connection at once (a shutting-down queue does not
/// wait for a reply timeout); the send then fails with a transient ``SMTPError``.
public struct SMTPClient: Sendable {
    /// The server and options.
    public let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext
    private let eventLoopGroup: any EventLoopGroup

    /// Makes a client; reads the trusted CA file now, so a bad path fails at start-up.
    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(SMTPConfigurationError) {
        self.configuration = configuration
        self.tlsContext = try SMTPTLS.makeContext(trustedCAFile: configuration.trustedCAFile)
        self.eventLoopGroup = eventLoopGroup
    }

    /// Opens a session (connect, greeting, EHLO, STARTTLS, AUTH), runs `body` with it and
    /// closes it with QUIT, also when `body` throws.
    ///
    /// Errors of the session are ``SMTPError``s; errors thrown by `body` pass through unchanged.
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (SMTPConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await SMTPSession.open(
            configuration: configuration,
            tlsContext: tlsContext,
            group: eventLoopGroup
        )
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return result
    }

    /// Opens a session, sends one message and closes the session.
    ///
    /// The message was accepted when this returns (see ``SMTPConnection/send(_:)``). The QUIT
    /// that follows the acceptance is bounded by a short timeout and its failure is ignored, so
    /// it cannot turn an accepted message into an error; to mark a message sent without even
    /// that delay, use ``withConnection(isolation:_:)`` and mark it inside.
    public func send(_ message: MailMessage) async throws(SMTPError) -> SMTPReceipt {
        let connection = try await SMTPSession.open(
            configuration: configuration,
            tlsContext: tlsContext,
            group: eventLoopGroup
        )
        let receipt: SMTPReceipt
        do {
            receipt = try await connection.send(message)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return receipt
    }
}
