import FluentKit
import Foundation
import Logging
import Mail
import SQLKit

/// Who a message goes to, in which language.
struct MailRecipient: Sendable {
    let address: String
    let name: String?
    let locale: AppLocale
    /// Set for users: their preferences decide on optional messages.
    let userID: UUID?
}

/// Puts messages in the queue, in the caller's transaction: the message exists exactly when the
/// event does (an approval that rolls back sends nothing; one that commits cannot lose its mail).
/// With mail off (no `LCC_SMTP_URL`) it does nothing and the platform works as without mail.
struct Outbox: Sendable {
    let settings: MailSettings?
    let links: MailLinks
    let catalogue: Catalogue
    let clock: AppClock
    let logger: Logger

    var isOn: Bool { settings != nil }

    /// Queues `event` for `recipient` on `db` (the event's transaction). Returns whether a message
    /// was queued (not when mail is off, the person turned the topic off, or it was queued before).
    @discardableResult
    func send<Event: MailEvent>(_ event: Event, to recipient: MailRecipient, on db: any Database) async throws -> Bool {
        guard let settings else { return false }
        if let topic = Event.topic, let userID = recipient.userID,
            try await MailPreferences.load(userID, on: db)?.allows(topic) == false
        {
            return false
        }
        let t = Translator(locale: recipient.locale, catalogue: catalogue)
        let content = event.compose(t, links: links)
        let body = MailRendering.render(content, greeting: recipient.name, topic: Event.topic, t: t, links: links)
        let now = clock.now()
        var status = MailStatus.queued
        var problem: String?
        do {
            _ = try MailAddress(recipient.address)
        } catch {
            // Kept, as failed, so the secretariat sees that this person could not be reached.
            status = .failed
            problem = "\(error)"
        }
        let inserted = try await db.sql().raw(
            """
            INSERT INTO mail_messages (id, kind, dedupe_key, user_id, recipient, recipient_name, locale, subject, text_body, \
            html_body, secret, message_id, status, attempts, next_attempt_at, last_error, created_at) VALUES (\(bind: UUID()), \
            \(bind: Event.kind), \(bind: event.dedupeKey), \(bind: recipient.userID), \(bind: recipient.address), \
            \(bind: recipient.name), \(bind: recipient.locale.rawValue), \(bind: content.subject), \(bind: body.text), \
            \(bind: body.html), \(bind: Event.carriesSecret), \(bind: MailMessage.makeMessageID(domain: String(settings.from.address.split(separator: "@").last ?? "localhost"))), \
            \(bind: status.rawValue), 0, \(bind: now), \(bind: problem), \(bind: now)) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """
        ).all()
        // The address stays out of the log (personal data); the secretariat's mail page shows it.
        if problem != nil { logger.warning("mail not sendable: bad address", metadata: ["kind": "\(Event.kind)"]) }
        return !inserted.isEmpty && status == .queued
    }
}

enum MailStatus: String, RecordStatus {
    case queued, sent, failed
}

extension Services {
    var outbox: Outbox {
        Outbox(
            settings: config.operations.mail, links: MailLinks(publicURL: config.publicURL), catalogue: catalogue, clock: clock,
            logger: logger)
    }
}
