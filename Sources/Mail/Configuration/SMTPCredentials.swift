/// A login for SMTP AUTH (RFC 4954).
///
/// Its description and mirror hide the password, so logging a configuration cannot leak it.
public struct SMTPCredentials: Sendable, Equatable {
    /// The user name (the SASL authentication identity).
    public var username: String
    /// The password.
    public var password: String

    /// Makes a login.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

extension SMTPCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(username) (password hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "***"]) }
}

/// The SASL mechanisms the client can use.
public enum SMTPAuthenticationMechanism: String, Sendable, CaseIterable {
    /// RFC 4616: identity and password in one base64 initial response (RFC 4954 §4).
    case plain = "PLAIN"
    /// The widely deployed LOGIN mechanism (draft-murchison-sasl-login): user name and password
    /// each answer a 334 challenge.
    case login = "LOGIN"
}
