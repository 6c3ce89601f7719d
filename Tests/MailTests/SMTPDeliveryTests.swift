import Foundation
import Testing

@testable import Mail

@Suite(
    .enabled(if: smtpServerAvailable, "needs python3 with aiosmtpd (pip install aiosmtpd); LCC_REQUIRE_SMTP=1 fails instead"),
    .timeLimit(.minutes(1))
)
struct SMTPDeliveryTests {
    @Test func plainSend_deliversTheMessageWithItsEnvelope() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let message = try SMTPTestMessages.simple()

            let receipt = try await client.send(message)

            #expect(receipt.reply.code == 250)
            #expect(receipt.reply.text.contains("queued as 0001"))
            #expect(receipt.messageID == message.messageID)
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].mailFrom == "noreply@lcc.example.org")
            #expect(received[0].rcptTos == ["member@example.org"])
            #expect(received[0].mailOptions.contains { $0.hasPrefix("SIZE=") })
            #expect(!received[0].tls)
            #expect(received[0].message.subject == "Membership received")
            #expect(received[0].message.messageId == "<\(message.messageID)>")
            #expect(received[0].message.from == [.init(name: "LCC Platform", address: "noreply@lcc.example.org")])
            #expect(received[0].message.contentType == "multipart/alternative")
            #expect(received[0].message.text == "Hello from the platform.")
            #expect(received[0].message.html == "<p>Hello from the platform.</p>")
            #expect(received[0].message.defects.isEmpty)
        }
    }

    @Test func cjkSubjectNamesAndBodies_surviveTheRoundTrip() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let subject = "【低碳城市平台】会员申请已批准 — 会員申請が承認されました — 회원 가입이 승인되었습니다"
            let text = """
                尊敬的会员：您的申请已获批准。请通过以下链接设置密码。
                会員の皆様：お申し込みが承認されました。パスワードを設定してください。
                회원님께: 신청이 승인되었습니다. 아래 링크에서 비밀번호를 설정하세요.
                https://lcc.example.org/set-password?token=abc
                """
            let html = "<html><body><h1>\(subject)</h1><p>\(text.replacingOccurrences(of: "\n", with: "<br>"))</p></body></html>"
            let message = try MailMessage(
                from: MailAddress("noreply@lcc.example.org", displayName: "低碳城市平台 秘書處"),
                to: [MailAddress("kim@example.kr", displayName: "김민준"), MailAddress("yamada@example.jp", displayName: "山田 太郎")],
                replyTo: MailAddress("secretariat@lcc.example.org", displayName: "事務局"),
                subject: subject,
                textBody: text,
                htmlBody: html
            )

            _ = try await client.send(message)

            let received = try #require(try server.received().first)
            #expect(received.message.subject == subject)
            #expect(received.message.from == [.init(name: "低碳城市平台 秘書處", address: "noreply@lcc.example.org")])
            #expect(
                received.message.to == [
                    .init(name: "김민준", address: "kim@example.kr"), .init(name: "山田 太郎", address: "yamada@example.jp"),
                ]
            )
            #expect(received.message.replyTo == [.init(name: "事務局", address: "secretariat@lcc.example.org")])
            #expect(received.message.text == text)
            #expect(received.message.html == html)
            #expect(received.message.transferEncodings == ["base64", "base64"])
            #expect(received.message.defects.isEmpty)
            #expect(received.message.maxLineLength <= 78)
            #expect(received.rcptTos == ["kim@example.kr", "yamada@example.jp"])
        }
    }

    @Test func bodyLinesStartingWithDot_arriveIntact() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let text = "First line\n.\n.hidden file\n..two dots\nlast line"

            _ = try await client.send(try SMTPTestMessages.simple(text: text))

            let received = try #require(try server.received().first)
            #expect(received.message.text == text)
            // A lone "." reached the server's storage, so it was dot-stuffed on the wire and did
            // not end the data early.
            #expect(received.rawLines.contains("."))
            #expect(received.rawLines.contains(".hidden file"))
        }
    }

    @Test func rawData_isSentWithCRLFAndDotStuffing() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let raw = "Subject: raw\nFrom: a@example.org\nTo: b@example.org\n\nbody\n.\n..x\rend"

            let receipt = try await client.withConnection { connection in
                try await connection.send(
                    data: Array(raw.utf8),
                    from: MailAddress("a@example.org"),
                    to: [MailAddress("b@example.org")]
                )
            }

            #expect(receipt.messageID == nil)
            let received = try #require(try server.received().first)
            #expect(
                String(decoding: received.raw, as: UTF8.self) == raw.replacingOccurrences(of: "\r", with: "\n")
                    .replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        }
    }

    @Test func serverWithoutEHLO_isGreetedWithHELO() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(heloOnly: true)) { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))

            let capabilities = try await client.withConnection { connection in
                _ = try await connection.send(try SMTPTestMessages.simple())
                return await connection.capabilities
            }

            #expect(capabilities == .empty)
            let received = try #require(try server.received().first)
            // No extensions after HELO, so no SIZE parameter either.
            #expect(received.mailOptions.isEmpty)
            #expect(received.message.text == "Hello from the platform.")
        }
    }

    @Test func oneConnection_sendsSeveralMessagesInTurn() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let messages = try (1...3).map { try SMTPTestMessages.simple(to: "member\($0)@example.org") }

            let receipts = try await client.withConnection { connection in
                var receipts: [SMTPReceipt] = []
                for message in messages {
                    receipts.append(try await connection.send(message))
                }
                return receipts
            }

            #expect(receipts.map(\.messageID) == messages.map(\.messageID))
            #expect(
                try server.received().map(\.rcptTos) == [
                    ["member1@example.org"], ["member2@example.org"], ["member3@example.org"],
                ])
        }
    }
}
