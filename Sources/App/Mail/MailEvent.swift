import Foundation

/// Something that happened and that someone should hear about by mail.
///
/// Adding a message is one type: a kind, whether people may turn it off, and `compose`, which says
/// it in the reader's language from catalogue keys (`Resources/i18n/operations`). The outbox does the
/// rest (language, preferences, the queue, plain text and HTML). Review assignments, deadlines and
/// publications (the peer-review work) will be three more such types.
protocol MailEvent: Sendable {
    /// Stored with the message; one per type.
    static var kind: String { get }
    /// Set for optional messages (each user may turn the topic off); nil for messages that answer
    /// something the person did or must know (their application, their password).
    static var topic: MailTopic? { get }
    /// The body holds a one-time link: erased from the queue once sent.
    static var carriesSecret: Bool { get }
    /// Makes a message unique in the queue (e.g. one reminder per action, person and period).
    var dedupeKey: String? { get }
    func compose(_ t: Translator, links: MailLinks) -> MailContent
}

extension MailEvent {
    static var topic: MailTopic? { nil }
    static var carriesSecret: Bool { false }
    var dedupeKey: String? { nil }
}

/// The optional messages a user can turn off on their account page.
enum MailTopic: String, Sendable, CaseIterable {
    case reminders
    case capacity
}

/// What a message says: a subject and blocks, written out as plain text and as HTML.
struct MailContent: Sendable {
    enum Block: Sendable {
        case text(String)
        case link(label: String, url: String)
        /// Someone else's words (a rejection reason), set apart.
        case quote(String)
    }

    let subject: String
    let blocks: [Block]
}

/// Absolute links for messages, from `LCC_PUBLIC_URL` (a message is read far from the request).
struct MailLinks: Sendable {
    let base: String

    init(publicURL: String?) {
        var base = publicURL ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    func absolute(_ path: String) -> String { base + path }
}

// MARK: - The platform's messages

struct ApplicationReceived: MailEvent {
    static let kind = "application-received"
    let organisation: String
    let statusPath: String

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.received.subject", ["organisation": organisation]),
            blocks: [
                .text(t("mail.received.body", ["organisation": organisation])),
                .link(label: t("mail.received.status"), url: links.absolute(statusPath)),
            ])
    }
}

struct ApplicationApproved: MailEvent {
    static let kind = "application-approved"
    static let carriesSecret = true
    let organisation: String
    let setupPath: String
    let days: Int

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.approved.subject", ["organisation": organisation]),
            blocks: [
                .text(t("mail.approved.body", ["organisation": organisation])),
                .link(label: t("mail.setup.link"), url: links.absolute(setupPath)),
                .text(t("mail.setup.expires", ["days": String(days)])),
            ])
    }
}

struct ApplicationRejected: MailEvent {
    static let kind = "application-rejected"
    let organisation: String
    let reason: String

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.rejected.subject", ["organisation": organisation]),
            blocks: [
                .text(t("mail.rejected.body", ["organisation": organisation])), .quote(reason),
                .link(label: t("mail.rejected.terms"), url: links.absolute(Paths.terms)),
            ])
    }
}

/// A one-time link to set a password: asked for ("forgot password") or issued by the secretariat.
struct PasswordLink: MailEvent {
    static let kind = "password-link"
    static let carriesSecret = true
    let setupPath: String
    let hours: Int
    /// True when the person asked for it; false when the secretariat made the account or the link.
    let requested: Bool

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t(requested ? "mail.reset.subject" : "mail.setup.subject"),
            blocks: [
                .text(t(requested ? "mail.reset.body" : "mail.setup.body")),
                .link(label: t("mail.setup.link"), url: links.absolute(setupPath)),
                .text(t("mail.reset.expires", ["hours": String(hours)])),
            ] + (requested ? [.text(t("mail.reset.not_you"))] : []))
    }
}

struct ActionUpdateDue: MailEvent {
    static let kind = "action-update-due"
    static let topic: MailTopic? = .reminders
    let action: String
    let city: String
    let actionPath: String
    let days: Int
    let dedupeKey: String?

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.reminder.subject", ["action": action]),
            blocks: [
                .text(t("mail.reminder.body", ["action": action, "city": city, "days": String(days)])),
                .link(label: t("mail.reminder.link"), url: links.absolute(actionPath)),
            ])
    }
}

struct CapacityMatched: MailEvent {
    static let kind = "capacity-matched"
    static let topic: MailTopic? = .capacity
    let request: String
    let city: String
    let match: String
    let requestPath: String

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.capacity.subject", ["request": request]),
            blocks: [
                .text(t("mail.capacity.body", ["request": request, "city": city, "match": match])),
                .link(label: t("mail.capacity.link"), url: links.absolute(requestPath)),
            ])
    }
}
