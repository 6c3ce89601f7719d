import Testing

@testable import Mail

@Suite struct SMTPReplyParserTests {
    @Test func multiLineReply_isOneReplyWithAllLines() throws {
        var parser = SMTPReplyParser()

        let replies = try parser.parse(
            Array("250-mail.example.org Hello\r\n250-SIZE 1000\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n".utf8))

        #expect(
            replies == [SMTPReply(code: 250, lines: ["mail.example.org Hello", "SIZE 1000", "AUTH PLAIN LOGIN", "STARTTLS"])])
        let capabilities = SMTPCapabilities(ehloReply: replies[0])
        #expect(capabilities.supportsStartTLS)
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.maximumMessageSize == 1000)
    }

    @Test func replySplitAcrossReads_isCompletedByLaterBytes() throws {
        var parser = SMTPReplyParser()

        let first = try parser.parse(Array("220-first line\r\n22".utf8))
        let second = try parser.parse(Array("0 ready\r\n354 go ahead\n".utf8))

        #expect(first.isEmpty)
        #expect(second == [SMTPReply(code: 220, lines: ["first line", "ready"]), SMTPReply(code: 354, lines: ["go ahead"])])
    }

    @Test func bareCode_isAReplyWithoutText() throws {
        var parser = SMTPReplyParser()

        let replies = try parser.parse(Array("250\r\n".utf8))

        #expect(replies == [SMTPReply(code: 250, lines: [""])])
    }

    @Test func enhancedStatusCode_isReadFromTheText() {
        #expect(SMTPReply(code: 550, lines: ["5.1.1 <x@y>: unknown"]).enhancedStatusCode == "5.1.1")
        #expect(SMTPReply(code: 250, lines: ["OK"]).enhancedStatusCode == nil)
    }

    @Test(arguments: ["hello\r\n", "25\r\n", "650 nope\r\n", "250_x\r\n"])
    func malformedLine_throws(input: String) {
        var parser = SMTPReplyParser()

        #expect(throws: SMTPReplyParserError.self) { try parser.parse(Array(input.utf8)) }
    }

    @Test func mixedCodesInOneReply_throw() {
        var parser = SMTPReplyParser()

        #expect(throws: SMTPReplyParserError.inconsistentCodes(250, 251)) {
            try parser.parse(Array("250-a\r\n251 b\r\n".utf8))
        }
    }

    @Test func endlessLine_throwsInsteadOfBuffering() {
        var parser = SMTPReplyParser()

        #expect(throws: SMTPReplyParserError.lineTooLong) {
            try parser.parse([UInt8](repeating: UInt8(ascii: "a"), count: SMTPReplyParser.maximumLineLength + 1))
        }
    }
}
