import Foundation
import Testing

@testable import Mail

@Suite struct MIMEEncodingTests {
    /// Decodes `=?UTF-8?B?…?=` words joined by folding whitespace, as RFC 2047 §6.2 readers do.
    private func decodeEncodedWords(_ words: [String]) -> String {
        var bytes = Data()
        for word in words {
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes.append(Data(base64Encoded: String(payload)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func encodedWords_areAtMost75CharactersAndDecodeToTheText() {
        let text = "低碳城市平台：会員申請が承認されました — 회원 가입이 승인되었습니다 🌏🌱"

        let words = EncodedWord.encode(text)

        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        #expect(decodeEncodedWords(words) == text)
    }

    @Test func encodedWords_neverSplitACharacter() {
        let words = EncodedWord.encode(String(repeating: "한", count: 40), firstLength: 30, length: 40)

        for word in words {
            let payload = word.dropFirst(10).dropLast(2)
            let bytes = Data(base64Encoded: String(payload)) ?? Data()
            #expect(String(data: bytes, encoding: .utf8) != nil)
        }
    }

    @Test func longCJKSubject_isFoldedIntoLinesOf78() {
        let subject = String(repeating: "低碳城市平台の会員申請 ", count: 8)

        let field = MIMEHeader.unstructured("Subject", MIMEHeader.unfolded(subject))

        let lines = field.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let words = lines.map { $0.replacingOccurrences(of: "Subject:", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(decodeEncodedWords(words) == MIMEHeader.unfolded(subject))
    }

    @Test func asciiSubject_staysReadableAndFoldsAtSpaces() {
        let subject = "Your membership application for the Low Carbon City Platform has been received and is being reviewed"

        let field = MIMEHeader.unstructured("Subject", subject)

        #expect(!field.contains("=?"))
        #expect(field.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(field.replacingOccurrences(of: "\r\n", with: "") == "Subject: \(subject)")
    }

    @Test func headerText_cannotInjectHeaders() {
        #expect(MIMEHeader.unfolded("Hello\r\nBcc: victim@example.org\n\tthere  ") == "Hello Bcc: victim@example.org there")
    }

    @Test func displayNames_areAtomsQuotedOrEncoded() {
        #expect(MIMEHeader.phrase("Ada Lovelace") == ["Ada", "Lovelace"])
        #expect(MIMEHeader.phrase("Secretariat, LCC \"NEA\"") == ["\"Secretariat, LCC \\\"NEA\\\"\""])
        #expect(MIMEHeader.phrase("山田 太郎") == ["=?UTF-8?B?5bGx55SwIOWkqumDjg==?="])
    }

    @Test func quotedPrintable_keepsLinesWithin76AndEscapesWhatItMust() {
        let text = String(repeating: "café = coût ", count: 12) + "\ntrailing space \nend"

        let encoded = QuotedPrintable.encode(text)

        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.contains("caf=C3=A9 =3D co=C3=BBt"))
        #expect(lines.contains("trailing space=20"))
        #expect(lines.last == "end")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
    }

    @Test func quotedPrintable_neverSplitsAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 60))

        for line in encoded.components(separatedBy: "\r\n") {
            let body = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(body.count % 3 == 0)
        }
    }

    @Test func base64Lines_are76Characters() {
        let encoded = Base64.encodeLines(Array(String(repeating: "한국어 ", count: 40).utf8))

        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(lines.last.map { $0.count <= 76 } == true)
        #expect(Base64.encode(Array("Ma".utf8)) == "TWE=")
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
        #expect(Base64.encode(Array("M".utf8)) == "TQ==")
    }

    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_772_528_700.0, "Tue, 03 Mar 2026 09:05:00 +0000"),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 +0000"),
    ])
    func dateHeader_isRFC5322InUTC(seconds: Double, expected: String) {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
