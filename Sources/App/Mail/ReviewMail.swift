import FluentKit
import Foundation

/// The mail of the peer-review work, queued in the transaction of the event: an assignment to the
/// reviewer, a publication to the reviewed city's editors and the accepted reviewers.
enum ReviewMail {
    static func assigned(_ record: ReviewRequest, reviewer: User, outbox: Outbox, on db: any Database) async throws {
        guard outbox.isOn, let id = record.id, let city = try await City.find(record.$city.id, on: db) else { return }
        for recipient in try await MailRecipients.users([try reviewer.requireID()], on: db) {
            let t = Translator(locale: recipient.locale, catalogue: outbox.catalogue)
            try await outbox.send(
                ReviewAssigned(
                    title: record.title, city: t.pick(city.names), path: Paths.review(id), reviewID: id,
                    userID: try reviewer.requireID()),
                to: recipient, on: db)
        }
    }

    static func published(_ record: ReviewRequest, outbox: Outbox, on db: any Database) async throws {
        guard outbox.isOn, let id = record.id, let city = try await City.find(record.$city.id, on: db) else { return }
        var recipients = try await MailRecipients.editors(ofCity: record.$city.id, on: db)
        let reviewers = try await ReviewAssignment.query(on: db).filter(\.$request.$id == id)
            .filter(\.$stateRaw == AssignmentState.accepted.rawValue).all()
        recipients += try await MailRecipients.users(reviewers.map(\.$user.id), on: db)
        var seen: Set<String> = []
        for recipient in recipients where seen.insert(recipient.address).inserted {
            let t = Translator(locale: recipient.locale, catalogue: outbox.catalogue)
            try await outbox.send(
                ReviewPublished(title: record.title, city: t.pick(city.names), path: Paths.review(id), reviewID: id),
                to: recipient,
                on: db)
        }
    }
}

struct ReviewAssigned: MailEvent {
    static let kind = "review-assigned"
    let title: String
    let city: String
    let path: String
    let reviewID: UUID
    let userID: UUID

    var dedupeKey: String? { "review-assigned:\(reviewID.uuidString):\(userID.uuidString)" }

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.review.assigned_subject", ["city": city]),
            blocks: [
                .text(t("mail.review.assigned_body", ["title": title, "city": city])),
                .link(label: t("mail.review.link"), url: links.absolute(path)),
            ])
    }
}

struct ReviewPublished: MailEvent {
    static let kind = "review-published"
    let title: String
    let city: String
    let path: String
    let reviewID: UUID

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.review.published_subject", ["city": city]),
            blocks: [
                .text(t("mail.review.published_body", ["title": title, "city": city])),
                .link(label: t("mail.review.link"), url: links.absolute(path)),
            ])
    }
}
