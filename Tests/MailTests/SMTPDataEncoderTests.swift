import Testing

@testable import Mail

@Suite struct SMTPDataEncoderTests {
    private func encoded(_ text: String) throws -> String {
        String(decoding: try SMTPDataEncoder.encode(Array(text.utf8)).get(), as: UTF8.self)
    }

    @Test func linesStartingWithDot_getAnotherDot() throws {
        #expect(try encoded(".\r\n.hidden\r\nmid.dle\r\n..two") == "..\r\n..hidden\r\nmid.dle\r\n...two\r\n.\r\n")
    }

    @Test func bareLineBreaks_becomeCRLF() throws {
        #expect(try encoded("a\nb\rc\r\n\nd") == "a\r\nb\r\nc\r\n\r\nd\r\n.\r\n")
    }

    @Test func dataEndingInCRLF_getsOnlyTheTerminator() throws {
        #expect(try encoded("body\r\n") == "body\r\n.\r\n")
        #expect(try encoded("") == "\r\n.\r\n")
    }

    @Test func lineOver998Octets_isRefused() {
        let long = "ok\r\n" + String(repeating: "x", count: 999)

        #expect(throws: SMTPDataEncoder.LineTooLong.self) { try SMTPDataEncoder.encode(Array(long.utf8)).get() }
    }

    @Test func authPlain_encodesEmptyAuthzidUserAndPassword() {
        let line = SMTPAuthentication.plainCommand(SMTPCredentials(username: "lcc", password: "secret"))

        // base64("\0lcc\0secret")
        #expect(line == "AUTH PLAIN AGxjYwBzZWNyZXQ=")
    }

    @Test func mechanismChoice_prefersConfiguredThenPlainThenLogin() {
        #expect(SMTPAuthentication.mechanism(configured: nil, offered: ["LOGIN", "PLAIN"]) == .plain)
        #expect(SMTPAuthentication.mechanism(configured: nil, offered: ["LOGIN", "CRAM-MD5"]) == .login)
        #expect(SMTPAuthentication.mechanism(configured: .login, offered: ["LOGIN", "PLAIN"]) == .login)
        #expect(SMTPAuthentication.mechanism(configured: .login, offered: ["PLAIN"]) == nil)
        #expect(SMTPAuthentication.mechanism(configured: nil, offered: ["XOAUTH2"]) == nil)
    }
}
