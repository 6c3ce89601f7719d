import Testing

@testable import Mail

@Suite(
    .enabled(if: smtpServerAvailable, "needs python3 with aiosmtpd (pip install aiosmtpd); LCC_REQUIRE_SMTP=1 fails instead"),
    .timeLimit(.minutes(1))
)
struct SMTPSecurityTests {
    private static let password = "p@ss:wörd/?%"
    private static let encodedPassword = "p%40ss%3Aw%C3%B6rd%2F%3F%25"

    @Test func startTLSWithAuthPlain_deliversOverTLS() async throws {
        let options = SMTPTestServer.Options(startTLS: true, auth: true, password: Self.password)
        try await withSMTPTestServer(options) { server in
            let url = "smtp://lcc:\(Self.encodedPassword)@127.0.0.1:\(server.port)?starttls=required"
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration(url, caFile: server.caFile))

            let (isEncrypted, isAuthenticated) = try await client.withConnection { connection in
                _ = try await connection.send(try SMTPTestMessages.simple())
                return (await connection.isEncrypted, await connection.isAuthenticated)
            }

            #expect(isEncrypted && isAuthenticated)
            let received = try #require(try server.received().first)
            #expect(received.tls)
            #expect(received.authMechanism == "PLAIN")
            #expect(received.authLogin == "lcc")
        }
    }

    @Test func authLogin_deliversWhenChosen() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(startTLS: true, auth: true)) { server in
            let url = "smtp://lcc:secret@127.0.0.1:\(server.port)?auth=login"
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration(url, caFile: server.caFile))

            _ = try await client.send(try SMTPTestMessages.simple())

            let received = try #require(try server.received().first)
            #expect(received.authMechanism == "LOGIN")
            #expect(received.tls)
        }
    }

    @Test func implicitTLS_deliversWithAuthByHostName() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(implicitTLS: true, auth: true)) { server in
            // "localhost" exercises SNI and the certificate's DNS name; 127.0.0.1 elsewhere its IP.
            let url = "smtps://lcc:secret@localhost:\(server.port)"
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration(url, caFile: server.caFile))

            let receipt = try await client.send(try SMTPTestMessages.simple())

            #expect(receipt.reply.code == 250)
            let received = try #require(try server.received().first)
            #expect(received.tls)
            #expect(received.authenticated)
        }
    }

    @Test func untrustedCertificate_failsInsteadOfFallingBackToPlaintext() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(startTLS: true)) { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)"))

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .startTLS)
            guard case .tls = error?.reason else {
                Issue.record("expected a TLS failure, got \(String(describing: error))")
                return
            }
            #expect(try server.received().isEmpty)
        }
    }

    @Test func implicitTLSWithUntrustedCertificate_failsToConnect() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(implicitTLS: true)) { server in
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtps://127.0.0.1:\(server.port)"))

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .connect)
            #expect(error?.isTransient == true)
            #expect(error?.isMessageSpecific == false)
            guard case .tls = error?.reason else {
                Issue.record("expected a TLS failure, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func startTLSRequired_failsWhenTheServerDoesNotOfferIt() async throws {
        try await withSMTPTestServer { server in
            let url = "smtp://127.0.0.1:\(server.port)?starttls=required"
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration(url))

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .startTLS)
            #expect(error?.isPermanent == true)
            #expect(error?.isMessageSpecific == false)
        }
    }

    @Test func credentialsOverPlaintext_areRefusedUnlessAllowed() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(auth: true, authPlaintext: true)) { server in
            let refusing = try SMTPClient(
                configuration: SMTPTestMessages.configuration("smtp://lcc:secret@127.0.0.1:\(server.port)"))
            let allowing = try SMTPClient(
                configuration: SMTPTestMessages.configuration("smtp://lcc:secret@127.0.0.1:\(server.port)?plaintext_auth=allow")
            )

            let error = await #expect(throws: SMTPError.self) { try await refusing.send(try SMTPTestMessages.simple()) }
            _ = try await allowing.send(try SMTPTestMessages.simple())

            #expect(error?.stage == .authenticate)
            #expect(error?.isMessageSpecific == false)
            let received = try server.received()
            #expect(received.count == 1)
            #expect(received.first?.authenticated == true)
            #expect(received.first?.tls == false)
        }
    }

    @Test func wrongPassword_isPermanentButNotAboutTheMessage() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(startTLS: true, auth: true)) { server in
            let url = "smtp://lcc:wrong@127.0.0.1:\(server.port)"
            let client = try SMTPClient(configuration: SMTPTestMessages.configuration(url, caFile: server.caFile))

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .authenticate)
            #expect(error?.reply?.code == 535)
            #expect(error?.isPermanent == true)
            #expect(error?.isMessageSpecific == false)
        }
    }

    @Test func missingLogin_isRefusedAtMailFrom() async throws {
        try await withSMTPTestServer(SMTPTestServer.Options(startTLS: true, auth: true)) { server in
            let client = try SMTPClient(
                configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(server.port)", caFile: server.caFile)
            )

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .mailFrom)
            #expect(error?.reply?.code == 530)
            #expect(error?.isMessageSpecific == false)
        }
    }
}
