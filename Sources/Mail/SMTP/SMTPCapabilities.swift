/// The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1).
public struct SMTPCapabilities: Sendable, Equatable {
    /// Each announced keyword, upper-cased, with its parameters.
    public let extensions: [String: [String]]

    /// No extensions: the server answered HELO, or has not been greeted yet.
    public static let empty = SMTPCapabilities(extensions: [:])

    /// Makes capabilities from keywords and parameters.
    public init(extensions: [String: [String]]) {
        self.extensions = extensions
    }

    /// Reads an EHLO reply: the first line greets, each further line is `KEYWORD params`.
    init(ehloReply reply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            // Some old servers write "AUTH=LOGIN PLAIN" (pre-RFC 4954 syntax); read it as AUTH.
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            extensions[keyword, default: []].append(contentsOf: words.dropFirst())
        }
        self.init(extensions: extensions)
    }

    /// Whether the keyword was announced.
    public func supports(_ keyword: String) -> Bool { extensions[keyword.uppercased()] != nil }

    /// The announced SASL mechanisms (RFC 4954 §3), upper-cased.
    public var authenticationMechanisms: Set<String> { Set((extensions["AUTH"] ?? []).map { $0.uppercased() }) }

    /// Whether STARTTLS was announced (RFC 3207 §4).
    public var supportsStartTLS: Bool { supports("STARTTLS") }

    /// The SIZE limit (RFC 1870 §4), if announced with a non-zero value.
    public var maximumMessageSize: Int? {
        guard let value = extensions["SIZE"]?.first.flatMap({ Int($0) }), value > 0 else { return nil }
        return value
    }
}
