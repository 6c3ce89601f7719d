import Foundation

/// The terms a text is indexed under and a query is looked up by, the same on SQLite and
/// PostgreSQL (no database-specific full-text engine): lower-cased words for scripts with spaces,
/// and for Chinese, Japanese and Korean — written without spaces between words — every single
/// character and every pair of neighbouring characters. A query word of two or more CJK characters
/// becomes its pairs (低碳 → 低碳; 脱炭素 → 脱炭, 炭素; 온실가스 → 온실, 실가, 가스), one character stays
/// itself; a result must hold every term, and then contain the query words themselves.
enum SearchTerms {
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // Hiragana, Katakana
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,  // Han
            0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:  // Hangul
            return true
        default:
            return false
        }
    }

    /// Words (letters and digits) and CJK runs, in order, lower-cased and width-folded.
    static func pieces(_ text: String) -> [(text: String, cjk: Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var currentIsCJK = false
        func flush() {
            if !current.isEmpty { pieces.append((current, currentIsCJK)) }
            current = ""
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            let cjk = isCJK(scalar)
            let wordy = cjk || CharacterSet.alphanumerics.contains(scalar)
            if !wordy {
                flush()
                continue
            }
            if cjk != currentIsCJK { flush() }
            currentIsCJK = cjk
            current.unicodeScalars.append(scalar)
        }
        flush()
        return pieces
    }

    /// Index terms with their count in the text.
    static func index(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for piece in pieces(text) {
            if piece.cjk {
                let characters = Array(piece.text)
                for (offset, character) in characters.enumerated() {
                    counts[String(character), default: 0] += 1
                    if offset + 1 < characters.count { counts[String(characters[offset...offset + 1]), default: 0] += 1 }
                }
            } else if piece.text.count <= 64 {
                counts[piece.text, default: 0] += 1
            }
        }
        return counts
    }

    /// Terms every result must hold, and the words to find in its text (for the phrase check and
    /// the snippet).
    static func query(_ text: String) -> (terms: [String], words: [String]) {
        var terms: [String] = []
        var words: [String] = []
        for piece in pieces(text) {
            words.append(piece.text)
            if piece.cjk {
                let characters = Array(piece.text)
                if characters.count == 1 {
                    terms.append(piece.text)
                } else {
                    for offset in 0..<(characters.count - 1) { terms.append(String(characters[offset...offset + 1])) }
                }
            } else {
                terms.append(piece.text)
            }
        }
        var seen = Set<String>()
        return (terms.filter { seen.insert($0).inserted }, words)
    }

    /// The folded form a stored text is compared in.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
