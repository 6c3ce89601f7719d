/// Why an SMTP URL or configuration cannot be used. Descriptions never contain the password.
public enum SMTPConfigurationError: Error, Sendable, Equatable {
    /// The text has no `scheme://`.
    case missingScheme
    /// The scheme is neither `smtp` nor `smtps`.
    case unsupportedScheme(String)
    /// There is no host after `://` (and the login).
    case missingHost
    /// The host contains characters no host name or IP address has.
    case invalidHost(String)
    /// The port is not a number from 1 to 65535.
    case invalidPort(String)
    /// A password was given without a user name.
    case missingUsername
    /// A user name was given without a password.
    case missingPassword
    /// A `%` escape in the named part is not two hex digits, or the bytes are not UTF-8.
    case invalidPercentEncoding(component: String)
    /// The URL has a path; an SMTP URL names only a server.
    case unexpectedPath(String)
    /// A query option this client does not know (a typo would otherwise be ignored).
    case unknownOption(String)
    /// A known query option with a value it cannot take.
    case invalidOptionValue(option: String, value: String)
    /// The option cannot be combined with the scheme, for example `starttls` with `smtps://`.
    case conflictingOption(String)
    /// The trusted CA file cannot be read as PEM certificates.
    case unreadableCAFile(path: String, reason: String)
}

extension SMTPConfigurationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingScheme: "SMTP URL has no scheme: expected smtp://host:port or smtps://host:port"
        case .unsupportedScheme(let scheme): "SMTP URL scheme '\(scheme)' is not supported: use smtp or smtps"
        case .missingHost: "SMTP URL has no host"
        case .invalidHost(let host): "SMTP URL host '\(host)' is not a host name or IP address"
        case .invalidPort(let port): "SMTP URL port '\(port)' is not a number from 1 to 65535"
        case .missingUsername: "SMTP URL has a password but no user name"
        case .missingPassword: "SMTP URL has a user name but no password"
        case .invalidPercentEncoding(let component): "SMTP URL \(component) has an invalid %-escape or is not UTF-8"
        case .unexpectedPath(let path): "SMTP URL has a path '\(path)'; only a server can be named"
        case .unknownOption(let option):
            "SMTP URL option '\(option)' is unknown (known: starttls, auth, plaintext_auth, ca, ehlo)"
        case .invalidOptionValue(let option, let value): "SMTP URL option \(option)=\(value) is not allowed"
        case .conflictingOption(let option): "SMTP URL option '\(option)' cannot be used with this scheme"
        case .unreadableCAFile(let path, let reason): "trusted CA file '\(path)' cannot be used: \(reason)"
        }
    }
}
