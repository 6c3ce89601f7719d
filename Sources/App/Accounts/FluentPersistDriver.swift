import Crypto
import FluentKit
import Foundation
import Hummingbird
import ServiceLifecycle

/// Hummingbird's key/value `PersistDriver` on our own database, so that hummingbird-auth's
/// `SessionStorage` keeps sessions server-side and shared between app processes.
/// Keys are stored as SHA-256 digests: a copy of the table does not reveal live session ids.
struct FluentPersistDriver: PersistDriver {
    let db: any Database
    let clock: AppClock

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let storedKey = Self.digest(key)
        if try await PersistEntry.find(storedKey, on: db) != nil { throw PersistError.duplicate }
        try await PersistEntry(
            key: storedKey, value: try Self.encode(value), expiresAt: expiry(expires), userID: Self.userID(of: value)
        ).create(on: db)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let storedKey = Self.digest(key)
        let encoded = try Self.encode(value)
        if let entry = try await PersistEntry.find(storedKey, on: db) {
            entry.value = encoded
            entry.userID = Self.userID(of: value)
            if let expires { entry.expiresAt = expiry(expires) }
            try await entry.update(on: db)
        } else {
            try await PersistEntry(key: storedKey, value: encoded, expiresAt: expiry(expires), userID: Self.userID(of: value))
                .create(on: db)
        }
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let entry = try await PersistEntry.find(Self.digest(key), on: db) else { return nil }
        let now = clock.now()
        if let expiresAt = entry.expiresAt, expiresAt <= now {
            try await entry.delete(on: db)
            return nil
        }
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(entry.value.utf8)) else {
            throw PersistError.invalidConversion
        }
        return (object, entry.expiresAt.map { .seconds($0.timeIntervalSince(now)) })
    }

    func remove(key: String) async throws {
        try await PersistEntry.query(on: db).filter(\.$id == Self.digest(key)).delete()
    }

    func shutdown() async throws {}

    /// Sweeps expired entries once an hour until the service group shuts down.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await PersistEntry.query(on: db).filter(\.$expiresAt < clock.now()).delete()
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }

    private func expiry(_ duration: Duration?) -> Date? {
        duration.map { clock.now().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }

    /// A browser session's user, kept as a column so the session and its user load in one query.
    private static func userID<Object>(of value: Object) -> UUID? { (value as? WebSession)?.userID }

    static func digest(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func encode<Object: Encodable>(_ value: Object) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
