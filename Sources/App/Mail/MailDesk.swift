import FluentKit
import Foundation
import Hummingbird
import Mail
import SQLKit

/// The secretariat's view of the mail: on or off (and through which server), the queue by status,
/// the latest messages with their errors, the scheduled jobs' last runs; a failed message can be
/// queued again. Message bodies are not shown (they may hold one-time links).
struct MailDeskController: Sendable {
    let services: Services

    func show(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let model = try await MailDeskQueries.model(services: services)
        return try await services.formPage(request, context.base) { chrome, csrf in
            MailDeskPage.render(model, chrome: chrome, csrf: csrf)
        }
    }

    func retry(_ request: Request, context: SecretariatContext) async throws -> Response {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw AppError.notFound }
        let now = services.clock.now()
        let updated = try await services.db.transaction { db in
            let rows = try await db.sql().raw(
                """
                UPDATE mail_messages SET status = 'queued', attempts = 0, next_attempt_at = \(bind: now), claimed_by = NULL, \
                claimed_until = NULL WHERE id = \(bind: id) AND status = 'failed' AND secret = \(bind: false) RETURNING id
                """
            ).all()
            if !rows.isEmpty {
                try await Audit.record(
                    "mail.retry", entity: "mail_message", id: id.uuidString, actor: context.user, at: now, on: db)
            }
            return !rows.isEmpty
        }
        guard updated else { throw AppError.notFound }
        return try SeeOther(location: Paths.secretariatMail).response(from: request, context: context)
    }
}

struct MailDeskModel: Sendable {
    struct Row: Sendable {
        let id: UUID
        let kind: String
        let recipient: String
        let subject: String
        let status: MailStatus
        let attempts: Int
        let lastError: String?
        let createdAt: Date
        let sentAt: Date?
        /// A failed message whose body is still there (not a one-time link) can be sent again.
        let retryable: Bool
    }

    /// The SMTP server with the password hidden, and the sender; nil when mail is off.
    let server: String?
    let from: String?
    let counts: [MailStatus: Int]
    let latest: [Row]
    let jobs: [JobLeases.Run]
}

enum MailDeskQueries {
    static func model(services: Services) async throws -> MailDeskModel {
        let sql = try services.db.sql()
        var counts: [MailStatus: Int] = [:]
        for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM mail_messages GROUP BY status").all() {
            if let status = MailStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        let latest = try await sql.raw(
            """
            SELECT id, kind, recipient, subject, status, attempts, last_error, created_at, sent_at, secret FROM mail_messages \
            ORDER BY created_at DESC LIMIT 50
            """
        ).all().map { row in
            let status = MailStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .queued
            let secret = try row.decode(column: "secret", as: Bool.self)
            return MailDeskModel.Row(
                id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                recipient: try row.decode(column: "recipient", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                status: status, attempts: try row.decode(column: "attempts", as: Int.self),
                lastError: try row.decode(column: "last_error", as: String?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                sentAt: try row.decode(column: "sent_at", as: Date?.self),
                retryable: status == .failed && !secret)
        }
        let mail = services.config.operations.mail
        return MailDeskModel(
            server: mail.map { "\($0.smtp)" }, from: mail.map { $0.from.address }, counts: counts, latest: latest,
            jobs: try await JobLeases.runs(on: services.db))
    }
}

enum MailDeskPage {
    static func render(_ model: MailDeskModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        return Layout.render(title: t("mail.desk.title"), chrome: chrome) {
            SecretariatPages.tabs(t)
            h1 { t("mail.desk.title") }
            if let server = model.server {
                para(.class("mail-state on")) { t("mail.desk.on", ["server": server, "from": model.from ?? ""]) }
            } else {
                para(.class("mail-state off notice")) { t("mail.desk.off") }
            }
            ul(.class("stats")) {
                for status in MailStatus.allCases {
                    li { t("mail.status.\(status.rawValue)") + ": " + String(model.counts[status] ?? 0) }
                }
            }
            if model.latest.isEmpty {
                para(.class("empty")) { t("list.empty") }
            } else {
                table {
                    thead {
                        tr {
                            th { t("mail.desk.created") }
                            th { t("mail.desk.recipient") }
                            th { t("mail.desk.subject") }
                            th { t("status.state") }
                            th { t("mail.desk.attempts") }
                            th { t("mail.desk.error") }
                        }
                    }
                    tbody {
                        for row in model.latest {
                            tr {
                                td { t.date(row.createdAt) }
                                td { row.recipient }
                                td { row.subject }
                                td {
                                    span(.class("status status-\(row.status.rawValue)")) {
                                        t("mail.status.\(row.status.rawValue)")
                                    }
                                    if let sent = row.sentAt { " " + t.date(sent) }
                                }
                                td { String(row.attempts) }
                                td {
                                    row.lastError ?? ""
                                    if row.retryable {
                                        form(.class("inline"), .action(Paths.retryMail(row.id)), .post) {
                                            Forms.csrf(csrf)
                                            Forms.submit(t("mail.desk.retry"), secondary: true)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !model.jobs.isEmpty {
                section {
                    h2 { t("mail.desk.jobs") }
                    ul {
                        for run in model.jobs {
                            li { run.job + ": " + (run.lastRunAt.map { t.date($0) } ?? "—") + " · " + (run.outcome ?? "") }
                        }
                    }
                }
            }
        }
    }
}
