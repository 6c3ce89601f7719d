import FluentKit
import Foundation
import Logging
import Mail
import Metrics
import SQLKit
import ServiceLifecycle

/// Sends the queued messages: claims due ones, sends them over one SMTP connection per batch,
/// and marks each sent right after the server's 250, or schedules a retry with exponential backoff,
/// or marks it failed with the reason.
///
/// - Several instances: a message is claimed with a lease (`claimed_by`, `claimed_until`) by an
///   `UPDATE … WHERE id = ? AND (claimed_until IS NULL OR claimed_until < now) RETURNING id`; the
///   database lets one instance win. The lease outlasts the longest possible send.
/// - Restarts: a message is marked sent in the statement right after the 250, so the only window
///   for sending it twice is between the server's acceptance and that one update (a database round
///   trip, about a millisecond), plus a 250 lost on the wire (RFC 1047). A message re-sent in that
///   window carries the same Message-ID, which lets mail software drop the copy. A restarted instance
///   (same `LCC_INSTANCE_ID`) gives back the claims of its previous life at once.
/// - The mail server down: every message stays queued; retries back off from `retryBase` doubling to
///   an hour; after `maxAttempts` a message is marked failed with the last reason.
struct MailSender: Service {
    let db: any Database
    let settings: MailSettings
    let client: SMTPClient
    let instanceID: String
    let clock: AppClock
    let logger: Logger
    var batchSize = 20

    /// Claims this instance id held in a previous life (it was killed mid-send): free at once.
    func releaseOwnClaims() async throws {
        try await db.sql().raw(
            "UPDATE mail_messages SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = \(bind: instanceID) AND status = 'queued'"
        ).run()
    }

    func run() async throws {
        do {
            try await releaseOwnClaims()
        } catch {
            logger.warning("could not release old mail claims", metadata: ["error": "\(error)"])
        }
        logger.info("mail sender started", metadata: ["smtp": "\(settings.smtp)", "instance": "\(instanceID)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await deliverDue()
            } catch {
                logger.error("mail queue unavailable", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(settings.poll)) }
        }
    }

    struct Queued: Sendable {
        let id: UUID
        let attempts: Int
        let message: MailMessage?
        let secret: Bool
        let problem: String?
    }

    /// One pass: claim what is due, send it, record each outcome. Returns how many were sent.
    @discardableResult
    func deliverDue() async throws -> Int {
        let claimed = try await claimDue()
        await updateQueueGauge()
        guard !claimed.isEmpty else { return 0 }
        var pending = claimed
        var sent = 0
        for item in claimed where item.message == nil {
            try await markFailed(item, reason: item.problem ?? "not a valid message")
            pending.removeAll { $0.id == item.id }
        }
        do {
            try await client.withConnection { connection in
                while let item = pending.first, let message = item.message {
                    if Task.isShuttingDownGracefully { break }
                    do {
                        let receipt = try await connection.send(message)
                        pending.removeFirst()
                        try await markSent(item, reply: receipt.reply.description)
                        sent += 1
                    } catch let error as SMTPError where error.isMessageSpecific {
                        pending.removeFirst()
                        try await recordFailure(item, error: error)
                    }
                }
            }
        } catch let error as SMTPError {
            // The server, not a message, failed (down, refused the login, lost the connection): the
            // rest wait for the next attempt, each with its own backoff.
            logger.warning("mail server unavailable", metadata: ["error": "\(error)"])
            for item in pending { try await recordFailure(item, error: error) }
            pending.removeAll()
        }
        // Claimed but not tried (shutting down): free them for any instance now.
        for item in pending { try await release(item) }
        await updateQueueGauge()
        return sent
    }

    private func claimDue() async throws -> [Queued] {
        let sql = try db.sql()
        let now = clock.now()
        let due = try await sql.raw(
            """
            SELECT id FROM mail_messages WHERE status = 'queued' AND next_attempt_at <= \(bind: now) \
            AND (claimed_until IS NULL OR claimed_until < \(bind: now)) ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(batchSize))
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        var claimed: [Queued] = []
        for id in due {
            let rows = try await sql.raw(
                """
                UPDATE mail_messages SET claimed_by = \(bind: instanceID), claimed_until = \(bind: now.addingTimeInterval(settings.claimLease)) \
                WHERE id = \(bind: id) AND status = 'queued' AND (claimed_until IS NULL OR claimed_until < \(bind: now)) \
                RETURNING id, secret, recipient, recipient_name, subject, text_body, html_body, message_id, attempts, created_at
                """
            ).all()
            guard let row = rows.first else { continue }
            claimed.append(try queued(row))
        }
        return claimed
    }

    private func queued(_ row: any SQLRow) throws -> Queued {
        let id = try row.decode(column: "id", as: UUID.self)
        let attempts = try row.decode(column: "attempts", as: Int.self)
        let secret = try row.decode(column: "secret", as: Bool.self)
        do {
            let message = try MailMessage(
                from: settings.from,
                to: [
                    MailAddress(
                        try row.decode(column: "recipient", as: String.self),
                        displayName: try row.decode(column: "recipient_name", as: String?.self))
                ],
                subject: try row.decode(column: "subject", as: String.self),
                textBody: try row.decode(column: "text_body", as: String.self),
                htmlBody: try row.decode(column: "html_body", as: String.self),
                date: try row.decode(column: "created_at", as: Date.self),
                messageID: try row.decode(column: "message_id", as: String.self))
            return Queued(id: id, attempts: attempts, message: message, secret: secret, problem: nil)
        } catch {
            return Queued(id: id, attempts: attempts, message: nil, secret: secret, problem: "\(error)")
        }
    }

    /// Right after the 250: the only statement between the server's acceptance and the record of it.
    /// Retried briefly, because failing to record it is what would send the message twice.
    private func markSent(_ item: Queued, reply: String) async throws {
        let erase: SQLQueryString = item.secret ? ", text_body = '', html_body = ''" : ""
        var attempt = 0
        while true {
            do {
                try await db.sql().raw(
                    """
                    UPDATE mail_messages SET status = 'sent', sent_at = \(bind: clock.now()), smtp_reply = \(bind: String(reply.prefix(500))), \
                    attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL\(erase) WHERE id = \(bind: item.id)
                    """
                ).run()
                Counter(label: "lcc_mail_sent_total").increment()
                return
            } catch {
                attempt += 1
                guard attempt < 5 else { throw error }
                logger.warning("could not record a sent message yet", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    private func recordFailure(_ item: Queued, error: SMTPError) async throws {
        let attempts = item.attempts + 1
        // A refusal of this message (a 5xx to its recipient or content) will not change by waiting.
        if error.isMessageSpecific && error.isPermanent || attempts >= settings.maxAttempts {
            try await markFailed(item, reason: "\(error)", attempts: attempts)
            return
        }
        let delay = min(settings.retryBase * pow(2, Double(attempts - 1)), 3600)
        try await db.sql().raw(
            """
            UPDATE mail_messages SET attempts = \(bind: attempts), next_attempt_at = \(bind: clock.now().addingTimeInterval(delay)), \
            last_error = \(bind: String("\(error)".prefix(1000))), claimed_by = NULL, claimed_until = NULL WHERE id = \(bind: item.id)
            """
        ).run()
        Counter(label: "lcc_mail_retries_total").increment()
    }

    private func markFailed(_ item: Queued, reason: String, attempts: Int? = nil) async throws {
        let erase: SQLQueryString = item.secret ? ", text_body = '', html_body = ''" : ""
        try await db.sql().raw(
            """
            UPDATE mail_messages SET status = 'failed', attempts = \(bind: attempts ?? item.attempts), \
            last_error = \(bind: String(reason.prefix(1000))), claimed_by = NULL, claimed_until = NULL\(erase) WHERE id = \(bind: item.id)
            """
        ).run()
        Counter(label: "lcc_mail_failed_total").increment()
        // The reason names the recipient: it stays in the queue (the secretariat's page), not in the log.
        logger.warning("mail failed", metadata: ["message": "\(item.id)"])
    }

    private func release(_ item: Queued) async throws {
        try await db.sql().raw(
            "UPDATE mail_messages SET claimed_by = NULL, claimed_until = NULL WHERE id = \(bind: item.id) AND claimed_by = \(bind: instanceID)"
        ).run()
    }

    private func updateQueueGauge() async {
        guard
            let row = try? await db.sql().raw("SELECT COUNT(*) AS n FROM mail_messages WHERE status = 'queued'").first(),
            let count = try? row.decode(column: "n", as: Int.self)
        else { return }
        Gauge(label: "lcc_mail_queued").record(count)
    }
}
