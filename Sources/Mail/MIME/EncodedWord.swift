/// RFC 2047 encoded-words (`=?UTF-8?B?…?=`) for non-ASCII text in headers.
enum EncodedWord {
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let maximumLength = 75
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// The text as encoded-words, the first at most `firstLength` characters and the others at most
    /// `length`. Words end on character boundaries: RFC 2047 §5 forbids splitting a character's
    /// octets between words. Decoders join adjacent encoded-words and drop the space between them
    /// (§6.2), so spaces are encoded inside the words and the text comes back exactly.
    static func encode(_ text: String, firstLength: Int = maximumLength, length: Int = maximumLength) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(forLength: firstLength)
        for character in text {
            for piece in pieces(of: character, limit: capacity(forLength: length)) {
                if chunk.count + piece.count > limit, !chunk.isEmpty {
                    words.append(word(chunk))
                    chunk = []
                    limit = capacity(forLength: length)
                }
                chunk.append(contentsOf: piece)
            }
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    /// Whether the text can stay as it is in an unstructured header: printable ASCII only, and
    /// nothing a decoder would mistake for an encoded-word (RFC 2047 §5 asks to encode "=?").
    static func isPlainText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (32...126).contains($0.value) } && !text.contains("=?")
    }

    /// How many octets fit in a word of `length` characters: base64 turns 3 octets into 4.
    private static func capacity(forLength length: Int) -> Int {
        max(1, (length - prefix.count - suffix.count) / 4) * 3
    }

    /// The character's UTF-8 bytes, split at scalar boundaries only when one character (a long
    /// emoji sequence) is too large for a word.
    private static func pieces(of character: Character, limit: Int) -> [[UInt8]] {
        let bytes = Array(character.utf8)
        guard bytes.count > limit else { return [bytes] }
        return character.unicodeScalars.map { Array(String($0).utf8) }
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Base64.encode(bytes) + suffix
    }
}
