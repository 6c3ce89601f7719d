import FluentKit
import Foundation
import SQLKit

/// A user's language for mail and the optional messages they receive.
struct MailPreferences: Sendable, Equatable {
    var locale: AppLocale
    var reminders = true
    var capacity = true

    func allows(_ topic: MailTopic) -> Bool {
        switch topic {
        case .reminders: reminders
        case .capacity: capacity
        }
    }

    static func load(_ userID: UUID, on db: any Database) async throws -> MailPreferences? {
        guard
            let row = try await db.sql().raw(
                "SELECT locale, reminders, capacity FROM mail_preferences WHERE user_id = \(bind: userID)"
            ).first()
        else { return nil }
        return MailPreferences(
            locale: AppLocale(rawValue: try row.decode(column: "locale", as: String.self)) ?? .en,
            reminders: try row.decode(column: "reminders", as: Bool.self),
            capacity: try row.decode(column: "capacity", as: Bool.self))
    }

    func save(_ userID: UUID, at now: Date, on db: any Database) async throws {
        try await db.sql().raw(
            """
            INSERT INTO mail_preferences (user_id, locale, reminders, capacity, updated_at) VALUES (\(bind: userID), \
            \(bind: locale.rawValue), \(bind: reminders), \(bind: capacity), \(bind: now)) ON CONFLICT (user_id) DO UPDATE SET \
            locale = excluded.locale, reminders = excluded.reminders, capacity = excluded.capacity, updated_at = excluded.updated_at
            """
        ).run()
    }

    /// Without a saved choice: the language of the country of the person's organisation.
    static func defaultLocale(country: String?) -> AppLocale {
        switch country {
        case "CN", "TW", "HK", "MO": .zh
        case "JP": .ja
        case "KR": .ko
        default: .en
        }
    }
}

/// Users as recipients: address, name, language (their choice, else their organisation's country's).
enum MailRecipients {
    static func users(_ ids: [UUID], on db: any Database) async throws -> [MailRecipient] {
        guard !ids.isEmpty else { return [] }
        return try await select(on: db, where: "u.id IN (\(binds: ids))")
    }

    /// The people who edit a city's records: active users of its member organisations.
    static func editors(ofCity cityID: UUID, on db: any Database) async throws -> [MailRecipient] {
        try await select(on: db, where: "o.city_id = \(bind: cityID) AND o.status = \(bind: OrganisationStatus.member.rawValue)")
    }

    /// The secretariat's officers.
    static func secretariat(on db: any Database) async throws -> [MailRecipient] {
        try await select(on: db, where: "u.role = \(bind: Role.secretariat.rawValue)")
    }

    static func members(ofOrganisation organisationID: UUID, on db: any Database) async throws -> [MailRecipient] {
        try await select(on: db, where: "o.id = \(bind: organisationID)")
    }

    private static func select(on db: any Database, where condition: SQLQueryString) async throws -> [MailRecipient] {
        let query: SQLQueryString =
            "SELECT u.id, u.email, u.name, p.locale, o.country FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id "
            + "LEFT JOIN mail_preferences p ON p.user_id = u.id WHERE u.is_active = \(bind: true) AND "
        return try await db.sql().raw(query + condition + " ORDER BY u.email").all().map { row in
            let chosen = try row.decode(column: "locale", as: String?.self).flatMap(AppLocale.init(rawValue:))
            let country = try row.decode(column: "country", as: String?.self)
            return MailRecipient(
                address: try row.decode(column: "email", as: String.self), name: try row.decode(column: "name", as: String.self),
                locale: chosen ?? MailPreferences.defaultLocale(country: country),
                userID: try row.decode(column: "id", as: UUID.self))
        }
    }
}
