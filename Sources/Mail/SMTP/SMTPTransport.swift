import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (or TLS) connection to the server: write a line, read a reply, upgrade to TLS, close.
struct SMTPTransport: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPReplyHandler>

    /// Opens the connection; with `implicitTLS` the TLS handshake starts at once (RFC 8314 §3.3).
    static func connect(
        host: String,
        port: Int,
        implicitTLS: NIOSSLContext?,
        timeout: Duration,
        group: any EventLoopGroup
    ) async throws(SMTPTransportFailure) -> SMTPTransport {
        let serverHostname = Self.serverHostname(for: host)
        // The handler is kept as it is made, not looked up after connecting: a connection that
        // fails at once (a TLS handshake error, a server that hangs up) has already emptied its
        // pipeline by then, and the handler holds the reason. Keyed by channel because happy
        // eyeballs may initialise several channels and keep one.
        let handlers = NIOLockedValueBox<[ObjectIdentifier: NIOLoopBound<SMTPReplyHandler>]>([:])
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    let handler = SMTPReplyHandler()
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
                    handlers.withLockedValue { $0[ObjectIdentifier(channel)] = bound }
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw SMTPTransportFailure(error)
        }
        guard let handler = handlers.withLockedValue({ $0[ObjectIdentifier(channel)] }) else {
            throw .connectionClosed
        }
        return SMTPTransport(channel: channel, handler: handler)
    }

    /// The name sent in SNI and checked against the certificate. An IP address must not be sent
    /// in SNI (RFC 6066 §3); NIOSSL then checks the certificate against the peer's address.
    static func serverHostname(for host: String) -> String? {
        let isIPv4 =
            host.split(separator: ".", omittingEmptySubsequences: false).count == 4
            && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIPv4 || host.contains(":") ? nil : host
    }

    /// The local address as an RFC 5321 §4.1.3 address literal, for EHLO.
    var localAddressLiteral: String {
        guard let address = channel.localAddress, let ip = address.ipAddress else { return "[127.0.0.1]" }
        if case .v6 = address { return "[IPv6:\(ip)]" }
        return "[\(ip)]"
    }

    /// Writes one command line; CRLF is added here (RFC 5321 §2.3.8).
    func send(line: String) async throws(SMTPTransportFailure) {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeStaticString("\r\n")
        try await write(buffer)
    }

    /// Writes raw bytes, already in their wire form.
    func send(bytes: [UInt8]) async throws(SMTPTransportFailure) {
        try await write(channel.allocator.buffer(bytes: bytes))
    }

    /// Waits for the next reply, at most `timeout`.
    func reply(timeout: Duration) async throws(SMTPTransportFailure) -> SMTPReply {
        let handler = self.handler
        let eventLoop = channel.eventLoop
        let future = eventLoop.flatSubmit {
            handler.value.nextReply(timeout: TimeAmount(timeout), on: eventLoop)
        }
        return try await awaitCancellable(future)
    }

    /// Upgrades the connection to TLS after the server's 220 to STARTTLS.
    func startTLS(context: NIOSSLContext, host: String, timeout: Duration) async throws(SMTPTransportFailure) {
        let handler = self.handler
        let eventLoop = channel.eventLoop
        let serverHostname = Self.serverHostname(for: host)
        let future = eventLoop.flatSubmit {
            handler.value.startTLS(
                context: context,
                serverHostname: serverHostname,
                timeout: TimeAmount(timeout),
                on: eventLoop
            )
        }
        try await awaitCancellable(future)
    }

    /// Closes the connection without a QUIT.
    func close() async {
        try? await channel.close()
    }

    private func write(_ buffer: ByteBuffer) async throws(SMTPTransportFailure) {
        try await awaitCancellable(channel.writeAndFlush(buffer))
    }

    /// Awaits a future; cancelling the task closes the connection, which fails the future, so a
    /// cancelled sender (a shutting-down queue) never hangs on a silent server.
    private func awaitCancellable<Value: Sendable>(
        _ future: EventLoopFuture<Value>
    ) async throws(SMTPTransportFailure) -> Value {
        let channel = self.channel
        do {
            return try await withTaskCancellationHandler {
                try await future.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            throw SMTPTransportFailure(error)
        }
    }
}
