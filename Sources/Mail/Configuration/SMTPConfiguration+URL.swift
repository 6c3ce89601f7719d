extension SMTPConfiguration {
    /// Parses `LCC_SMTP_URL`.
    ///
    /// - `smtp://user:password@host:port`: STARTTLS when offered, then AUTH.
    /// - `smtps://user:password@host:port`: TLS from the start, then AUTH.
    /// - `smtp://host:port`: no login.
    ///
    /// The port defaults to 587 for `smtp` and 465 for `smtps`. User and password are
    /// percent-decoded, so reserved characters in them (`@ : / ? # %`) must be percent-encoded
    /// (RFC 3986 §3.2.1). Options after `?`: `starttls=required|never` (`smtp` only), `auth=plain|login`,
    /// `plaintext_auth=allow`, `ca=/path/to/ca.pem`, `ehlo=name`. Unknown options are errors.
    public init(url text: String) throws(SMTPConfigurationError) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard let schemeEnd = trimmed.firstRange(of: "://") else { throw .missingScheme }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        let security: Security
        switch scheme {
        case "smtp": security = .startTLSIfOffered
        case "smtps": security = .implicitTLS
        default: throw .unsupportedScheme(String(trimmed[..<schemeEnd.lowerBound]))
        }

        // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#"; the user information
        // ends at the last "@" in it.
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var tail = rest[authorityEnd...]
        var query: Substring = ""
        if let questionMark = tail.firstIndex(of: "?") {
            query = tail[tail.index(after: questionMark)...]
            tail = tail[..<questionMark]
        }
        guard tail.isEmpty || tail == "/" else { throw .unexpectedPath(String(tail)) }

        var credentials: SMTPCredentials?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            credentials = try Self.parseCredentials(authority[..<at])
            hostPort = authority[authority.index(after: at)...]
        }
        let (host, port) = try Self.parseHostPort(hostPort)

        self.init(host: host, port: port, security: security, credentials: credentials)
        try applyOptions(query)
    }

    private static func parseCredentials(_ userInfo: Substring) throws(SMTPConfigurationError) -> SMTPCredentials {
        guard let colon = userInfo.firstIndex(of: ":") else {
            if userInfo.isEmpty { throw .missingUsername }
            throw .missingPassword
        }
        let user = try percentDecoded(userInfo[..<colon], component: "user name")
        let password = try percentDecoded(userInfo[userInfo.index(after: colon)...], component: "password")
        guard !user.isEmpty else { throw .missingUsername }
        guard !password.isEmpty else { throw .missingPassword }
        return SMTPCredentials(username: user, password: password)
    }

    private static func parseHostPort(_ text: Substring) throws(SMTPConfigurationError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            // An IPv6 literal (RFC 3986 §3.2.2) keeps its colons inside the brackets.
            guard let close = text.firstIndex(of: "]") else { throw .invalidHost(String(text)) }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost(String(text)) }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .invalidHost(String(text))
            }
        } else {
            host = text
            if let colon = text.lastIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            }
            guard !host.isEmpty else { throw .missingHost }
            let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
            guard allowed else { throw .invalidHost(String(host)) }
        }
        guard let portText else { return (String(host), nil) }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), (1...65_535).contains(port)
        else { throw .invalidPort(String(portText)) }
        return (String(host), port)
    }

    private mutating func applyOptions(_ query: Substring) throws(SMTPConfigurationError) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.percentDecoded(parts[0], component: "option name").lowercased()
            let value = parts.count > 1 ? try Self.percentDecoded(parts[1], component: "option \(name)") : ""
            switch name {
            case "starttls":
                guard security != .implicitTLS else { throw .conflictingOption(name) }
                switch value.lowercased() {
                case "opportunistic", "if-offered": security = .startTLSIfOffered
                case "required": security = .startTLSRequired
                case "never": security = .startTLSNever
                default: throw .invalidOptionValue(option: name, value: value)
                }
            case "auth":
                guard let mechanism = SMTPAuthenticationMechanism(rawValue: value.uppercased()) else {
                    throw .invalidOptionValue(option: name, value: value)
                }
                authenticationMechanism = mechanism
            case "plaintext_auth":
                switch value.lowercased() {
                case "allow": allowsPlaintextAuthentication = true
                case "deny": allowsPlaintextAuthentication = false
                default: throw .invalidOptionValue(option: name, value: value)
                }
            case "ca":
                guard !value.isEmpty else { throw .invalidOptionValue(option: name, value: value) }
                trustedCAFile = value
            case "ehlo":
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "<" && $0 != ">" }) else {
                    throw .invalidOptionValue(option: name, value: value)
                }
                clientName = value
            default:
                throw .unknownOption(name)
            }
        }
    }

    /// RFC 3986 §2.1 percent-decoding into UTF-8 text; a malformed escape is an error rather
    /// than a password silently different from the one configured.
    static func percentDecoded(_ text: Substring, component: String) throws(SMTPConfigurationError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalidPercentEncoding(component: component)
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidPercentEncoding(component: component)
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
