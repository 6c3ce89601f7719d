/// The client's side of the SASL mechanisms used with AUTH (RFC 4954).
enum SMTPAuthentication {
    /// Picks the mechanism: the configured one if the server offers it, else PLAIN, else LOGIN.
    static func mechanism(
        configured: SMTPAuthenticationMechanism?,
        offered: Set<String>
    ) -> SMTPAuthenticationMechanism? {
        if let configured { return offered.contains(configured.rawValue) ? configured : nil }
        return [.plain, .login].first { offered.contains($0.rawValue) }
    }

    /// The AUTH PLAIN command with its initial response (RFC 4954 §4 allows it on the command
    /// line; it saves a round trip). The message is `authzid NUL authcid NUL passwd` with an
    /// empty authorization identity (RFC 4616 §2): act as the user who logs in.
    static func plainCommand(_ credentials: SMTPCredentials) -> String {
        var message: [UInt8] = [0]
        message.append(contentsOf: credentials.username.utf8)
        message.append(0)
        message.append(contentsOf: credentials.password.utf8)
        return "AUTH PLAIN " + Base64.encode(message)
    }

    /// The LOGIN answers: the base64 user name, then the base64 password, each sent after a 334.
    /// The prompts' texts vary between servers ("Username:", "User Name\0"), so they are not read.
    static func loginResponses(_ credentials: SMTPCredentials) -> [String] {
        [Base64.encode(Array(credentials.username.utf8)), Base64.encode(Array(credentials.password.utf8))]
    }
}
