/// Escaping of text for the XML parts of a workbook.
///
/// - `&`, `<`, `>` are written as entities, and `"` too inside attributes.
/// - A carriage return is written as `&#13;`: XML parsers turn a raw CR (and CR LF) into LF
///   (XML 1.0 §2.11), so a raw one would not read back. Inside attributes tab and LF are written
///   as character references for the same reason (§3.3.3, attribute-value normalisation).
/// - Characters XML 1.0 does not allow (§2.2: C0 controls other than tab, LF and CR, and
///   U+FFFE, U+FFFF) cannot be written at all, not even as references: each is **replaced by
///   U+FFFD (�)**, so that the loss is visible rather than silent.
/// - Cell text also follows ECMA-376 Part 1 §22.9.2.19 (ST_Xstring): Excel reads `_xHHHH_` as the
///   character U+HHHH, so a literal `_xHHHH_` in a text is written with its underscore escaped as
///   `_x005F_`, and the reader decodes both (Excel writes a CR in a cell as `_x000D_`).
enum XMLText {
    /// Excel's limit for the text of one cell (Excel specifications and limits).
    static let maxCellCharacters = 32_767

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends `text` escaped for element content; `cellText` adds the ST_Xstring escaping.
    static func appendContent(_ text: String, to buffer: inout [UInt8], cellText: Bool = false) {
        append(text, to: &buffer, attribute: false, cellText: cellText)
    }

    static func appendAttribute(_ text: String, to buffer: inout [UInt8]) {
        append(text, to: &buffer, attribute: true, cellText: false)
    }

    private static func append(_ text: String, to buffer: inout [UInt8], attribute: Bool, cellText: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where attribute: buffer.append(contentsOf: "&quot;".utf8)
                case 0x0D: buffer.append(contentsOf: "&#13;".utf8)
                case 0x0A where attribute: buffer.append(contentsOf: "&#10;".utf8)
                case 0x09 where attribute: buffer.append(contentsOf: "&#9;".utf8)
                case 0x09, 0x0A: buffer.append(byte)
                case 0x00..<0x20: buffer.append(contentsOf: replacement)
                case UInt8(ascii: "_") where cellText && isEscapeSequence(bytes, at: index):
                    buffer.append(contentsOf: "_x005F_".utf8)
                case 0xEF
                where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    // U+FFFE and U+FFFF are not XML characters.
                    buffer.append(contentsOf: replacement)
                    index += 2
                default: buffer.append(byte)
                }
                index += 1
            }
        }
    }

    /// `_xHHHH_` starts at `index` (four hex digits between `_x` and `_`).
    private static func isEscapeSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return (2...5).allSatisfy { hexValue(bytes[index + $0]) != nil }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Decodes ST_Xstring escapes (`_x000D_` → CR, `_x005F_` → `_`) in text read from a cell.
    static func decodeCellText(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
                bytes[index + 6] == UInt8(ascii: "_")
            {
                var value: UInt32 = 0
                var valid = true
                for offset in 2...5 {
                    guard let digit = hexValue(bytes[index + offset]) else {
                        valid = false
                        break
                    }
                    value = value * 16 + digit
                }
                if valid, let scalar = Unicode.Scalar(value) {
                    output.append(contentsOf: String(Character(scalar)).utf8)
                    index += 7
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Excel counts a cell's characters in UTF-16 code units.
    static func cellLength(_ text: String) -> Int { text.utf16.count }
}
