/// Where and how to reach the SMTP server that submits the platform's mail.
///
/// Usually made from `LCC_SMTP_URL` with ``init(url:)``; every property can also be set in code.
/// Certificate verification cannot be turned off: a private server's CA is trusted by adding it
/// with ``trustedCAFile``, and plaintext is chosen only by saying so (``Security/startTLSNever``).
public struct SMTPConfiguration: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: Sendable, Equatable {
        /// `smtp://`: upgrade with STARTTLS when the server offers it (RFC 3207), else stay in
        /// plaintext. An offered upgrade that fails (for example an untrusted certificate) is an
        /// error, never a silent fallback to plaintext.
        case startTLSIfOffered
        /// `smtp://…?starttls=required`: refuse to go on unless STARTTLS succeeds.
        case startTLSRequired
        /// `smtp://…?starttls=never`: never upgrade, for a relay on a trusted network whose
        /// certificate cannot be verified. Chosen explicitly, never as a fallback.
        case startTLSNever
        /// `smtps://`: TLS from the first byte (RFC 8314 §3.3, usually port 465).
        case implicitTLS
    }

    /// The host name or IP address of the server (IPv6 without brackets).
    public var host: String
    /// The TCP port.
    public var port: Int
    /// How the connection is protected.
    public var security: Security
    /// The login, or `nil` to send without authenticating.
    public var credentials: SMTPCredentials?
    /// The SASL mechanism to use, or `nil` for the best one the server offers (PLAIN, then LOGIN).
    public var authenticationMechanism: SMTPAuthenticationMechanism?
    /// Whether credentials may be sent over a connection that is not encrypted.
    ///
    /// Off by default: PLAIN and LOGIN send the password merely base64-encoded, and RFC 4616 §4
    /// requires a confidentiality layer under PLAIN. Set it only for a relay on loopback or a
    /// trusted network (`plaintext_auth=allow` in the URL).
    public var allowsPlaintextAuthentication: Bool
    /// A PEM file of CA certificates trusted in addition to the system's, for a private server
    /// or a test server with its own CA.
    public var trustedCAFile: String?
    /// The name sent with EHLO/HELO, or `nil` for the address literal of the local end of the
    /// connection (RFC 5321 §4.1.4 asks for a FQDN or, failing that, an address literal).
    public var clientName: String?
    /// How long to wait for the TCP connection.
    public var connectTimeout: Duration
    /// How long to wait for each reply, including the greeting and the TLS handshake.
    public var replyTimeout: Duration
    /// How long to wait for the reply after the end of the message data.
    ///
    /// RFC 5321 §4.5.3.2.6 asks for 10 minutes: the server may be delivering or scanning, and a
    /// client that gives up early cannot tell whether the message was accepted (a duplicate on
    /// retry, RFC 1047).
    public var dataTerminationTimeout: Duration

    /// The default port of `smtp://`: message submission (RFC 6409 §3.1).
    public static let defaultSubmissionPort = 587
    /// The default port of `smtps://`: submission over implicit TLS (RFC 8314 §7.3).
    public static let defaultImplicitTLSPort = 465

    /// Makes a configuration from its parts.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLSIfOffered,
        credentials: SMTPCredentials? = nil
    ) {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? Self.defaultImplicitTLSPort : Self.defaultSubmissionPort)
        self.security = security
        self.credentials = credentials
        self.authenticationMechanism = nil
        self.allowsPlaintextAuthentication = false
        self.trustedCAFile = nil
        self.clientName = nil
        self.connectTimeout = .seconds(30)
        self.replyTimeout = .seconds(60)
        self.dataTerminationTimeout = .seconds(600)
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// The configuration as a URL with the password hidden, safe for logs.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let login = credentials.map { "\($0.username):***@" } ?? ""
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        var options: [String] = []
        switch security {
        case .startTLSRequired: options.append("starttls=required")
        case .startTLSNever: options.append("starttls=never")
        case .startTLSIfOffered, .implicitTLS: break
        }
        if let authenticationMechanism { options.append("auth=\(authenticationMechanism.rawValue.lowercased())") }
        if allowsPlaintextAuthentication { options.append("plaintext_auth=allow") }
        if let trustedCAFile { options.append("ca=\(trustedCAFile)") }
        if let clientName { options.append("ehlo=\(clientName)") }
        let query = options.isEmpty ? "" : "?" + options.joined(separator: "&")
        return "\(scheme)://\(login)\(host):\(port)\(query)"
    }
}
