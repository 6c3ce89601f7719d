import FluentKit
import Foundation
import SQLKit

/// Every change of a mark, kept: who, when, in which stage, before and after, and why.
enum ReviewHistory {
    struct Entry: Sendable, Codable, Hashable {
        let actor: String
        let stage: String
        let before: [String: String]?
        let after: [String: String]
        let why: String
        let at: Date
    }

    /// The fields of a mark a change is recorded with.
    static func fields(_ mark: ReviewMark) -> [String: String] {
        var fields = [
            "public_comment": mark.publicComment, "private_note": mark.privateNote,
            "evidence": mark.evidence.map(\.reference).joined(separator: " | "), "final_reason": mark.finalReason,
            "self_comment": mark.selfComment,
        ]
        fields["self_level"] = mark.selfLevel.map(String.init)
        fields["level"] = mark.level.map(String.init)
        fields["final_level"] = mark.finalLevel.map(String.init)
        return fields
    }

    static func record(
        markID: UUID, stage: ReviewState, before: [String: String]?, after: [String: String], why: String,
        user: CurrentUser, at date: Date, on db: any Database
    ) async throws {
        try await db.sql().insert(into: "review_mark_history")
            .columns("id", "mark_id", "actor_id", "actor_label", "stage", "before", "after", "why", "created_at")
            .values(
                UUID(), markID, user.id, user.name, stage.rawValue, before.map(encode), encode(after), String(why.prefix(2000)),
                date
            ).run()
    }

    static func entries(markID: UUID, on db: any Database) async throws -> [Entry] {
        try await db.sql().select().columns("actor_label", "stage", "before", "after", "why", "created_at")
            .from("review_mark_history").where("mark_id", .equal, markID).orderBy("created_at").all()
            .map { row in
                Entry(
                    actor: try row.decode(column: "actor_label", as: String.self),
                    stage: try row.decode(column: "stage", as: String.self),
                    before: try row.decode(column: "before", as: String?.self).map(decode),
                    after: decode(try row.decode(column: "after", as: String.self)),
                    why: try row.decode(column: "why", as: String.self),
                    at: try row.decode(column: "created_at", as: Date.self))
            }
    }

    private static func encode(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
