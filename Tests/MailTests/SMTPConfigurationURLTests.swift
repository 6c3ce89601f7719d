import Testing

@testable import Mail

@Suite struct SMTPConfigurationURLTests {
    @Test func smtpWithLogin_usesStartTLSIfOfferedAndDecodesLogin() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mailer%40lcc.org:p%40ss%3Aw%C3%B6rd%2F%3F@mail.example.org:2587")

        #expect(configuration.host == "mail.example.org")
        #expect(configuration.port == 2587)
        #expect(configuration.security == .startTLSIfOffered)
        #expect(configuration.credentials == SMTPCredentials(username: "mailer@lcc.org", password: "p@ss:wörd/?"))
    }

    @Test func smtps_usesImplicitTLSAndDefaultPort465() throws {
        let configuration = try SMTPConfiguration(url: "smtps://user:secret@smtp.example.org")

        #expect(configuration.security == .implicitTLS)
        #expect(configuration.port == 465)
    }

    @Test func smtpWithoutLogin_hasNoCredentialsAndDefaultPort587() throws {
        let configuration = try SMTPConfiguration(url: "SMTP://relay.internal/")

        #expect(configuration.credentials == nil)
        #expect(configuration.port == 587)
        #expect(configuration.host == "relay.internal")
    }

    @Test func options_setStartTLSMechanismCAAndClientName() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://u:p@[::1]:25?starttls=required&auth=login&ca=%2Fetc%2Fca.pem&ehlo=app.example.org&plaintext_auth=allow"
        )

        #expect(configuration.host == "::1")
        #expect(configuration.port == 25)
        #expect(configuration.security == .startTLSRequired)
        #expect(configuration.authenticationMechanism == .login)
        #expect(configuration.trustedCAFile == "/etc/ca.pem")
        #expect(configuration.clientName == "app.example.org")
        #expect(configuration.allowsPlaintextAuthentication)
    }

    @Test func passwordWithRawAt_usesLastAtAsSeparator() throws {
        let configuration = try SMTPConfiguration(url: "smtp://user:a@b@host:25")

        #expect(configuration.credentials?.password == "a@b")
        #expect(configuration.host == "host")
    }

    @Test(
        arguments: [
            ("mail.example.org:25", SMTPConfigurationError.missingScheme),
            ("http://host:25", .unsupportedScheme("http")),
            ("smtp://", .missingHost),
            ("smtp://user:pw@:25", .missingHost),
            ("smtp://host:0", .invalidPort("0")),
            ("smtp://host:70000", .invalidPort("70000")),
            ("smtp://host:2x5", .invalidPort("2x5")),
            ("smtp://host:", .invalidPort("")),
            ("smtp://ho st:25", .invalidHost("ho st")),
            ("smtp://:secret@host", .missingUsername),
            ("smtp://user@host", .missingPassword),
            ("smtp://user:@host", .missingPassword),
            ("smtp://user:p%4@host", .invalidPercentEncoding(component: "password")),
            ("smtp://user:p%ZZ@host", .invalidPercentEncoding(component: "password")),
            ("smtp://us%FFer:p@host", .invalidPercentEncoding(component: "user name")),
            ("smtp://host:25/inbox", .unexpectedPath("/inbox")),
            ("smtp://host?tls=yes", .unknownOption("tls")),
            ("smtp://host?starttls=maybe", .invalidOptionValue(option: "starttls", value: "maybe")),
            ("smtps://host?starttls=required", .conflictingOption("starttls")),
            ("smtp://host?auth=cram-md5", .invalidOptionValue(option: "auth", value: "cram-md5")),
            ("smtp://[::1:25", .invalidHost("[::1:25")),
        ]
    )
    func malformedURL_throwsTypedError(url: String, expected: SMTPConfigurationError) {
        #expect(throws: expected) { try SMTPConfiguration(url: url) }
    }

    @Test func description_hidesPassword() throws {
        let configuration = try SMTPConfiguration(url: "smtp://user:topsecret@host:25?starttls=required")

        #expect(configuration.description == "smtp://user:***@host:25?starttls=required")
        #expect(!String(describing: configuration.credentials).contains("topsecret"))
        #expect(!String(reflecting: configuration).contains("topsecret"))
    }

    @Test func missingCAFile_failsWhenTheClientIsMade() throws {
        var configuration = try SMTPConfiguration(url: "smtp://host:25")
        configuration.trustedCAFile = "/nonexistent/ca.pem"

        #expect {
            try SMTPClient(configuration: configuration)
        } throws: { error in
            guard case .unreadableCAFile(let path, _) = error as? SMTPConfigurationError else { return false }
            return path == "/nonexistent/ca.pem"
        }
    }
}
