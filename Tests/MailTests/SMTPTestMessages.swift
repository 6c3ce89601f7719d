import Foundation

@testable import Mail

/// Messages and configurations shared by the tests against a server.
enum SMTPTestMessages {
    static func simple(to recipient: String = "member@example.org", text: String = "Hello from the platform.") throws
        -> MailMessage
    {
        try MailMessage(
            from: MailAddress("noreply@lcc.example.org", displayName: "LCC Platform"),
            to: [MailAddress(recipient)],
            subject: "Membership received",
            textBody: text,
            htmlBody: "<p>\(text)</p>"
        )
    }

    /// A configuration for a test server, made from a URL as `LCC_SMTP_URL` would be, with
    /// timeouts short enough for tests.
    static func configuration(_ url: String, caFile: String? = nil) throws -> SMTPConfiguration {
        var configuration = try SMTPConfiguration(url: url)
        configuration.trustedCAFile = caFile
        configuration.connectTimeout = .seconds(5)
        configuration.replyTimeout = .seconds(10)
        configuration.dataTerminationTimeout = .seconds(10)
        return configuration
    }
}

/// The suites that need python3 with aiosmtpd.
let smtpServerAvailable = SMTPServerRequirement.shouldRun
