/// A mailbox: an address with an optional display name (RFC 5322 §3.4).
///
/// Addresses are ASCII `local@domain` (RFC 5321 §4.1.2). Internationalised addresses need the
/// SMTPUTF8 extension (RFC 6531) end to end, which this client does not speak, so they are
/// refused here rather than mangled later. Display names may be any text; they are encoded
/// with RFC 2047 when rendered.
public struct MailAddress: Sendable, Hashable {
    /// The address, `local@domain`.
    public let address: String
    /// The name shown to people, if any.
    public let displayName: String?

    /// Checks and makes a mailbox.
    public init(_ address: String, displayName: String? = nil) throws(MailAddressError) {
        try Self.validate(address)
        self.address = address
        let name = displayName.map(MIMEHeader.unfolded)
        self.displayName = (name?.isEmpty ?? true) ? nil : name
    }

    /// RFC 5321 §4.1.2 `Mailbox`, restricted to a dot-atom local part (quoted local parts are
    /// legal but rare, and refusing them keeps commands free of anything needing escapes) and
    /// §4.5.3.1 lengths.
    private static func validate(_ address: String) throws(MailAddressError) {
        guard address.allSatisfy({ $0.isASCII }) else { throw .nonASCII(address) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .malformed(address) }
        let local = parts[0]
        let domain = parts[1]
        guard (1...64).contains(local.utf8.count), (1...255).contains(domain.utf8.count) else {
            throw .malformed(address)
        }
        let atext = "!#$%&'*+-/=?^_`{|}~"
        let isDotAtom = { (text: Substring, extra: String) -> Bool in
            text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
                !atom.isEmpty && atom.allSatisfy { $0.isLetter || $0.isNumber || extra.contains($0) }
            }
        }
        guard isDotAtom(local, atext) else { throw .malformed(address) }
        if domain.hasPrefix("[") {
            let literal = domain.dropFirst().dropLast()
            guard domain.hasSuffix("]"), !literal.isEmpty,
                literal.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == ":" })
            else { throw .malformed(address) }
        } else {
            guard isDotAtom(domain, "-") else { throw .malformed(address) }
        }
    }

    /// The domain part, used for the Message-ID.
    var domain: Substring { address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...] }
}

/// Why a text is not a usable mail address.
public enum MailAddressError: Error, Sendable, Equatable {
    /// Not of the form `local@domain` with a dot-atom local part and a host name or literal.
    case malformed(String)
    /// Contains non-ASCII characters, which need SMTPUTF8 (RFC 6531).
    case nonASCII(String)
}

extension MailAddressError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let address): "'\(address)' is not a mail address of the form local@domain"
        case .nonASCII(let address): "'\(address)' has non-ASCII characters (internationalised addresses are not supported)"
        }
    }
}
