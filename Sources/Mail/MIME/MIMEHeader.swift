/// Header fields: folding (RFC 5322 §2.2.3), phrases and unstructured text with RFC 2047.
enum MIMEHeader {
    /// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters (998 is the hard limit).
    static let lineLength = 78
    /// Encoded-words in address lists are kept shorter than the maximum so a word and the
    /// header name or a comma still fit on one line.
    static let phraseWordLength = 60

    /// Header text on one line: every run of whitespace or control characters becomes one space,
    /// so no caller-supplied text can end the header early (header injection).
    static func unfolded(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 32 || scalar.value == 127 {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// `Name: tokens` folded before a token that would pass the line length; never right after
    /// the name, so the field body always starts on the name's line.
    static func field(_ name: String, _ tokens: [String]) -> String {
        var result = name + ":"
        var currentLength = result.utf8.count
        var tokensOnLine = 0
        for token in tokens {
            if tokensOnLine > 0, currentLength + 1 + token.utf8.count > Self.lineLength {
                result += "\r\n"
                currentLength = 0
                tokensOnLine = 0
            }
            result += " " + token
            currentLength += 1 + token.utf8.count
            tokensOnLine += 1
        }
        return result + "\r\n"
    }

    /// An unstructured field such as Subject: plain words when the text is printable ASCII and
    /// every word fits on a line, else RFC 2047 encoded-words (§5 rule 1).
    static func unstructured(_ name: String, _ text: String) -> String {
        // The longest word that fits on the first line after "Name: ".
        let firstLength = min(EncodedWord.maximumLength, lineLength - name.utf8.count - 2)
        let words = text.split(separator: " ").map(String.init)
        if EncodedWord.isPlainText(text), words.allSatisfy({ $0.utf8.count <= firstLength }) {
            return field(name, words)
        }
        return field(name, EncodedWord.encode(text, firstLength: firstLength))
    }

    /// An address list such as To: mailboxes (RFC 5322 §3.4) separated by commas.
    static func addressList(_ name: String, _ mailboxes: [MailAddress]) -> String {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            // A mailbox without a name is a bare addr-spec; with one, `phrase <addr-spec>`.
            var words = mailbox.displayName.map(phrase) ?? []
            words.append(words.isEmpty ? mailbox.address : "<\(mailbox.address)>")
            if index < mailboxes.count - 1 { words[words.count - 1] += "," }
            tokens.append(contentsOf: words)
        }
        return field(name, tokens)
    }

    /// A display name as phrase words: atoms when it is plain, a quoted-string when it has
    /// specials (RFC 5322 §3.2.4), encoded-words when it is not ASCII (RFC 2047 §5 rule 3).
    static func phrase(_ name: String) -> [String] {
        let atomCharacters = "!#$%&'*+-/=?^_`{|}~"
        let isAtoms = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == " "
                || atomCharacters.unicodeScalars.contains($0)
        }
        if isAtoms, !name.contains("=?") {
            return name.split(separator: " ").map(String.init)
        }
        if EncodedWord.isPlainText(name), name.utf8.count < phraseWordLength {
            let escaped = name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
            return ["\"\(escaped)\""]
        }
        return EncodedWord.encode(name, firstLength: phraseWordLength, length: phraseWordLength)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
