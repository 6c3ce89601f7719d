import NIOCore
import NIOSSL

/// Opening a session: greeting, EHLO, STARTTLS, AUTH (RFC 5321 §3.1–3.2, RFC 3207, RFC 4954).
enum SMTPSession {
    static func open(
        configuration: SMTPConfiguration,
        tlsContext: NIOSSLContext,
        group: any EventLoopGroup
    ) async throws(SMTPError) -> SMTPConnection {
        let transport: SMTPTransport
        do {
            transport = try await SMTPTransport.connect(
                host: configuration.host,
                port: configuration.port,
                implicitTLS: configuration.security == .implicitTLS ? tlsContext : nil,
                timeout: configuration.connectTimeout,
                group: group
            )
        } catch {
            throw error.error(at: .connect)
        }
        do {
            return try await handshake(on: transport, configuration: configuration, tlsContext: tlsContext)
        } catch {
            await transport.close()
            throw error
        }
    }

    private static func handshake(
        on transport: SMTPTransport,
        configuration: SMTPConfiguration,
        tlsContext: NIOSSLContext
    ) async throws(SMTPError) -> SMTPConnection {
        let greeting: SMTPReply
        do {
            greeting = try await transport.reply(timeout: configuration.replyTimeout)
        } catch {
            // With implicit TLS the handshake runs before the greeting; report it as connecting.
            if case .tls = error { throw error.error(at: .connect) }
            throw error.error(at: .greeting)
        }
        // §3.1: 220 opens the session; 554 (or anything else) means this server will not talk.
        guard greeting.code == 220 else { throw SMTPError(stage: .greeting, reason: .reply(greeting)) }

        let clientName = configuration.clientName ?? transport.localAddressLiteral
        var capabilities = try await hello(clientName, on: transport, configuration: configuration)
        var isEncrypted = configuration.security == .implicitTLS
        switch configuration.security {
        case .implicitTLS, .startTLSNever:
            break
        case .startTLSIfOffered where !capabilities.supportsStartTLS:
            break
        case .startTLSRequired where !capabilities.supportsStartTLS:
            throw SMTPError(stage: .startTLS, reason: .notSupported("STARTTLS is required but the server does not offer it"))
        case .startTLSIfOffered, .startTLSRequired:
            _ = try await command(
                "STARTTLS",
                stage: .startTLS,
                accepted: 220...220,
                timeout: configuration.replyTimeout,
                on: transport
            )
            do {
                try await transport.startTLS(
                    context: tlsContext,
                    host: configuration.host,
                    timeout: configuration.replyTimeout
                )
            } catch {
                throw error.error(at: .startTLS)
            }
            isEncrypted = true
            // RFC 3207 §4.2: discard what the server said before TLS (an attacker could have
            // edited it, for example removing AUTH mechanisms) and greet again.
            capabilities = try await hello(clientName, on: transport, configuration: configuration)
        }

        var isAuthenticated = false
        if let credentials = configuration.credentials {
            try await authenticate(
                credentials,
                capabilities: capabilities,
                isEncrypted: isEncrypted,
                on: transport,
                configuration: configuration
            )
            isAuthenticated = true
        }
        return SMTPConnection(
            transport: transport,
            configuration: configuration,
            capabilities: capabilities,
            isEncrypted: isEncrypted,
            isAuthenticated: isAuthenticated
        )
    }

    /// EHLO, falling back to HELO when the server does not know EHLO (RFC 5321 §3.2: a 5xx to
    /// EHLO from an old server). A HELO session has no extensions.
    private static func hello(
        _ clientName: String,
        on transport: SMTPTransport,
        configuration: SMTPConfiguration
    ) async throws(SMTPError) -> SMTPCapabilities {
        let reply = try await command(
            "EHLO \(clientName)",
            stage: .hello,
            accepted: 200...599,
            timeout: configuration.replyTimeout,
            on: transport
        )
        if reply.isPositiveCompletion { return SMTPCapabilities(ehloReply: reply) }
        guard reply.isPermanentNegative else { throw SMTPError(stage: .hello, reason: .reply(reply)) }
        _ = try await command(
            "HELO \(clientName)",
            stage: .hello,
            timeout: configuration.replyTimeout,
            on: transport
        )
        return .empty
    }

    /// AUTH with the configured or best offered mechanism (RFC 4954 §4). 235 is success, 535
    /// wrong credentials, 454 a temporary failure; every reply is reported with its code.
    private static func authenticate(
        _ credentials: SMTPCredentials,
        capabilities: SMTPCapabilities,
        isEncrypted: Bool,
        on transport: SMTPTransport,
        configuration: SMTPConfiguration
    ) async throws(SMTPError) {
        guard isEncrypted || configuration.allowsPlaintextAuthentication else {
            throw SMTPError(
                stage: .authenticate,
                reason: .refusedByClient(
                    "the connection is not encrypted; credentials are sent in plaintext only with plaintext_auth=allow"
                )
            )
        }
        let offered = capabilities.authenticationMechanisms
        guard
            let mechanism = SMTPAuthentication.mechanism(
                configured: configuration.authenticationMechanism,
                offered: offered
            )
        else {
            let wanted = configuration.authenticationMechanism.map { "AUTH \($0.rawValue)" } ?? "AUTH PLAIN or LOGIN"
            let list = offered.isEmpty ? "no AUTH" : "AUTH " + offered.sorted().joined(separator: " ")
            throw SMTPError(stage: .authenticate, reason: .notSupported("\(wanted) wanted, the server offers \(list)"))
        }
        let timeout = configuration.replyTimeout
        switch mechanism {
        case .plain:
            let line = SMTPAuthentication.plainCommand(credentials)
            _ = try await command(line, stage: .authenticate, accepted: 235...235, timeout: timeout, on: transport)
        case .login:
            let answers = SMTPAuthentication.loginResponses(credentials)
            _ = try await command("AUTH LOGIN", stage: .authenticate, accepted: 334...334, timeout: timeout, on: transport)
            _ = try await command(answers[0], stage: .authenticate, accepted: 334...334, timeout: timeout, on: transport)
            _ = try await command(answers[1], stage: .authenticate, accepted: 235...235, timeout: timeout, on: transport)
        }
    }

    /// Writes a command line and reads its reply; a code outside `accepted` is an error naming
    /// the stage. The line itself is never put into an error, since AUTH lines carry secrets.
    static func command(
        _ line: String,
        stage: SMTPError.Stage,
        accepted: ClosedRange<Int> = 200...299,
        timeout: Duration,
        on transport: SMTPTransport
    ) async throws(SMTPError) -> SMTPReply {
        let reply: SMTPReply
        do {
            try await transport.send(line: line)
            reply = try await transport.reply(timeout: timeout)
        } catch {
            throw error.error(at: stage)
        }
        guard accepted.contains(reply.code) else { throw SMTPError(stage: stage, reason: .reply(reply)) }
        return reply
    }
}
