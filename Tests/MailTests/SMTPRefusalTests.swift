import Testing

@testable import Mail

@Suite(
    .enabled(if: smtpServerAvailable, "needs python3 with aiosmtpd (pip install aiosmtpd); LCC_REQUIRE_SMTP=1 fails instead"),
    .timeLimit(.minutes(1))
)
struct SMTPRefusalTests {
    @Test func refusedRecipient_isPermanentAndNamesTheRecipient() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))
            let message = try MailMessage(
                from: MailAddress("noreply@lcc.example.org"),
                to: [MailAddress("ok@example.org"), MailAddress("refuse-me@example.org")],
                subject: "s",
                textBody: "t"
            )

            let error = await #expect(throws: SMTPError.self) { try await client.send(message) }

            #expect(error?.stage == .recipient("refuse-me@example.org"))
            #expect(error?.reply?.code == 550)
            #expect(error?.reply?.enhancedStatusCode == "5.1.1")
            #expect(error?.isPermanent == true)
            #expect(error?.isMessageSpecific == true)
            #expect(error?.description.contains("RCPT TO:<refuse-me@example.org>") == true)
            // All or nothing: the accepted recipient got nothing either.
            #expect(try server.received().isEmpty)
        }
    }

    @Test func busyRecipient_isTransient_andTheConnectionStaysUsable() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))

            let (error, receipt) = try await client.withConnection { connection in
                let error = await #expect(throws: SMTPError.self) {
                    try await connection.send(try SMTPTestMessages.simple(to: "later@example.org"))
                }
                // After RSET the next transaction on the same connection works.
                let receipt = try await connection.send(try SMTPTestMessages.simple())
                return (error, receipt)
            }

            #expect(error?.reply?.code == 450)
            #expect(error?.isTransient == true)
            #expect(receipt.reply.code == 250)
            #expect(try server.received().map(\.rcptTos) == [["member@example.org"]])
        }
    }

    @Test func connectionLostAfterData_saysTheMessageMayHaveBeenAccepted() async throws {
        try await withSMTPTestServer { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))

            let error = await #expect(throws: SMTPError.self) {
                try await client.send(try SMTPTestMessages.simple(to: "vanish@example.org"))
            }

            #expect(error?.stage == .endOfData)
            #expect(error?.mayHaveBeenAccepted == true)
            #expect(error?.isTransient == true)
            // The server did store it: exactly the ambiguity the flag reports.
            #expect(try server.received().count == 1)
        }
    }

    @Test func tooLargeMessage_isRefusedBeforeUpload() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(size: 500)) { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))

            let error = await #expect(throws: SMTPError.self) {
                try await client.send(try SMTPTestMessages.simple(text: String(repeating: "long text ", count: 100)))
            }

            #expect(error?.stage == .prepare)
            #expect(error?.isPermanent == true)
            #expect(error?.isMessageSpecific == true)
        }
    }
}
