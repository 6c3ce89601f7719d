import Foundation

extension String {
    /// Whitespace and newlines trimmed, without Foundation's bridging when there is nothing to
    /// trim (the usual case): an import trims millions of fields.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func plain(_ byte: UInt8) -> Bool { byte > 32 && byte < 0x80 }
        if plain(first) && plain(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
