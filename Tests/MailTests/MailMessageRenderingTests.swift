import Foundation
import Testing

@testable import Mail

@Suite struct MailMessageRenderingTests {
    private func message(html: String? = "<p>Hello</p>", text: String = "Hello") throws -> MailMessage {
        try MailMessage(
            from: MailAddress("noreply@lcc.example.org", displayName: "低碳城市平台 Secretariat"),
            to: [MailAddress("kim@example.kr", displayName: "김민준"), MailAddress("ops@example.org")],
            replyTo: MailAddress("secretariat@lcc.example.org"),
            subject: "Welcome",
            textBody: text,
            htmlBody: html,
            date: Date(timeIntervalSince1970: 0),
            messageID: "fixed-id@lcc.example.org"
        )
    }

    @Test func withHTML_isMultipartAlternativeTextFirst() throws {
        let rendered = try message().render()

        #expect(rendered.contains("Content-Type: multipart/alternative; boundary=\"=_lcc_"))
        let plain = try #require(rendered.range(of: "Content-Type: text/plain; charset=UTF-8"))
        let html = try #require(rendered.range(of: "Content-Type: text/html; charset=UTF-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(rendered.hasSuffix("--\(try message().boundary)--\r\n"))
    }

    @Test func withoutHTML_isSingleTextPart() throws {
        let rendered = try message(html: nil).render()

        #expect(!rendered.contains("multipart"))
        #expect(
            rendered.contains(
                "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHello"))
    }

    @Test func headers_carryDateMessageIDReplyToAndMIMEVersion() throws {
        let rendered = try message().render()

        #expect(rendered.hasPrefix("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(rendered.contains("\r\nMessage-ID: <fixed-id@lcc.example.org>\r\n"))
        #expect(rendered.contains("\r\nReply-To: secretariat@lcc.example.org\r\n"))
        #expect(rendered.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(rendered.contains("To: =?UTF-8?B?6rmA66+87KSA?= <kim@example.kr>, ops@example.org\r\n"))
    }

    @Test func rendering_isSevenBitWithShortLinesAndCRLFOnly() throws {
        let text = String(repeating: "低碳城市平台のお知らせ。회원 가입이 승인되었습니다. ", count: 30) + "\nline two"

        let rendered = try message(html: "<p>" + text + "</p>", text: text).render()

        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        #expect(rendered.contains("Content-Transfer-Encoding: base64"))
    }

    @Test func rendering_isRepeatable() throws {
        #expect(try message().render() == message().render())
    }

    @Test func generatedMessageID_usesTheSendersDomain() throws {
        let made = try MailMessage(
            from: MailAddress("a@lcc.example.org"),
            to: [MailAddress("b@example.org")],
            subject: "s",
            textBody: "t"
        )

        #expect(made.messageID.hasSuffix("@lcc.example.org"))
        #expect(made.messageID != (try MailMessage(from: made.from, to: made.to, subject: "s", textBody: "t").messageID))
    }

    @Test func invalidInput_isRefused() throws {
        #expect(throws: MailAddressError.nonASCII("王@例子.中国")) { try MailAddress("王@例子.中国") }
        #expect(throws: MailAddressError.malformed("a b@example.org")) { try MailAddress("a b@example.org") }
        #expect(throws: MailAddressError.malformed("x@y>\r\nRCPT TO:<z@w")) { try MailAddress("x@y>\r\nRCPT TO:<z@w") }
        #expect(throws: MailAddressError.malformed("nobody")) { try MailAddress("nobody") }
        let from = try MailAddress("a@example.org")
        #expect(throws: MailMessageError.noRecipients) { try MailMessage(from: from, to: [], subject: "", textBody: "") }
        #expect(throws: MailMessageError.invalidMessageID("<x@y>")) {
            try MailMessage(from: from, to: [from], subject: "", textBody: "", messageID: "<x@y>")
        }
    }
}
