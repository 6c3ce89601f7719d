import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proxies (load balancers) whose `X-Forwarded-For` header is believed.
///
/// Why only theirs: the header is plain text any client can send, so believing it from anyone would
/// let an attacker pick a fresh "address" for every sign-in attempt and never meet the per-client
/// limit. The client is the right-most address in the header that is not itself a trusted proxy
/// (each proxy appends the peer it saw), and only when the direct peer is trusted.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for (a, b) in zip(address, bytes) {
                guard remaining > 0 else { return true }
                let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
                if a & mask != b & mask { return false }
                remaining -= 8
            }
            return true
        }
    }

    struct Invalid: Error, CustomStringConvertible {
        let entry: String
        var description: String { "'\(entry)' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, ::1)" }
    }

    let ranges: [Range]

    public init() { ranges = [] }

    /// A comma- or space-separated list of addresses and CIDR ranges.
    init(list: String) throws {
        ranges = try list.split(whereSeparator: { $0 == "," || $0 == " " }).map { entry in
            let parts = entry.split(separator: "/", maxSplits: 1)
            guard let bytes = Self.parse(String(parts[0])) else { throw Invalid(entry: String(entry)) }
            let maximum = bytes.count * 8
            guard let prefix = parts.count == 2 ? Int(parts[1]) : maximum, (0...maximum).contains(prefix) else {
                throw Invalid(entry: String(entry))
            }
            return Range(bytes: bytes, prefix: prefix)
        }
    }

    var isEmpty: Bool { ranges.isEmpty }

    func trusts(_ address: String) -> Bool {
        guard let bytes = Self.parse(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the direct peer, unless it is a trusted proxy, in which case the
    /// right-most untrusted address of `X-Forwarded-For` (all header lines, in order).
    func clientAddress(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard Self.parse(hop) != nil else { return peer }
            if !trusts(hop) { return hop }
        }
        return hops.first ?? peer
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address as IPv4).
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}
