import CarbonAccounting
import FluentKit
import Foundation
import Logging
import Mail
import SQLKit

@testable import App

/// Pieces the operations tests share: mail settings for the test SMTP server, and `Services` for
/// calling background work (the sender, reminders) directly.
enum OpsTest {
    static let publicURL = "https://lcc.example.org"

    static func mailSettings(port: Int) throws -> MailSettings {
        var settings = MailSettings(
            smtp: SMTPConfiguration(host: "127.0.0.1", port: port, security: .startTLSNever),
            from: try MailAddress("noreply@lcc.example.org", displayName: "LCC Platform"))
        settings.poll = 0.05
        settings.retryBase = 0.1
        settings.maxAttempts = 100
        settings.smtp.connectTimeout = .seconds(2)
        settings.smtp.replyTimeout = .seconds(10)
        return settings
    }

    /// Mail on through `settings`, links to `publicURL`, the instance named `instance`.
    static func mailOn(_ settings: MailSettings, instance: String = "test-a") -> (inout AppConfig) -> Void {
        { config in
            config.publicURL = publicURL
            config.operations.mail = settings
            config.operations.instanceID = instance
            config.operations.jobTick = .seconds(3600)
        }
    }

    static func services(_ harness: Harness, configure: (inout AppConfig) -> Void = { _ in }, now: Date = Date()) throws
        -> Services
    {
        var config = AppConfig(bcryptCost: 4)
        configure(&config)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return Services(
            config: config, database: harness.database, catalogue: try Catalogue.load(),
            sessions: WebSessions(
                driver: FluentPersistDriver(db: harness.db, clock: AppClock()), secureCookies: false, lifetime: .seconds(60)),
            clock: AppClock(now: { now }), logger: logger, reference: try ReferenceData.shared.get(), cache: ReadCache())
    }

    static func sender(_ harness: Harness, _ settings: MailSettings, instance: String, now: Date? = nil) throws -> MailSender {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return MailSender(
            db: harness.db, settings: settings, client: try SMTPClient(configuration: settings.smtp), instanceID: instance,
            clock: now.map { fixed in AppClock(now: { fixed }) } ?? AppClock(), logger: logger)
    }

    struct QueuedRow: Sendable {
        let kind: String
        let recipient: String
        let status: String
        let attempts: Int
        let lastError: String?
        let textBody: String
    }

    static func queue(_ db: any Database) async throws -> [QueuedRow] {
        try await db.sql().raw(
            "SELECT kind, recipient, status, attempts, last_error, text_body FROM mail_messages ORDER BY created_at, recipient"
        ).all().map {
            QueuedRow(
                kind: try $0.decode(column: "kind", as: String.self),
                recipient: try $0.decode(column: "recipient", as: String.self),
                status: try $0.decode(column: "status", as: String.self),
                attempts: try $0.decode(column: "attempts", as: Int.self),
                lastError: try $0.decode(column: "last_error", as: String?.self),
                textBody: try $0.decode(column: "text_body", as: String.self))
        }
    }

    /// Polls until `condition` holds for the queue (or the time is up) and returns the queue.
    static func waitForQueue(
        _ db: any Database, within seconds: Double = 20, _ condition: ([QueuedRow]) -> Bool
    ) async throws -> [QueuedRow] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let rows = try await queue(db)
            if condition(rows) { return rows }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await queue(db)
    }
}
