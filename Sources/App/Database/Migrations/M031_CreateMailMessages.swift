import FluentKit
import SQLKit

/// The outgoing mail queue: a message is written in the transaction of the event that causes it and
/// sent later by the sender (`MailSender`), which claims it with a lease, so that one instance sends it.
struct M031_CreateMailMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_messages")
            .id()
            .field("kind", .string, .required)
            .field("dedupe_key", .string)
            .field("user_id", .uuid)
            .field("recipient", .string, .required)
            .field("recipient_name", .string)
            .field("locale", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("secret", .bool, .required)
            .field("message_id", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("smtp_reply", .string)
            .unique(on: "dedupe_key")
            .create()
        // The sender's question every few seconds: what is due?
        try await database.sql().raw("CREATE INDEX mail_messages_due ON mail_messages (status, next_attempt_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_messages").delete()
    }
}
