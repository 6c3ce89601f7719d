import FluentKit
import Foundation

/// Counts failed sign-ins in the database (so every app process sees the same count) and refuses
/// further attempts for an account or a client address once the limit is reached in the window.
struct LoginLimiter: Sendable {
    let services: Services

    /// Seconds to wait, or nil when an attempt is allowed.
    func retryAfter(email: String, client: String) async throws -> Int? {
        let since = services.clock.now().addingTimeInterval(-services.config.loginWindow)
        let perAccount = try await LoginAttempt.query(on: services.db).filter(\.$accountKey == email)
            .filter(\.$attemptedAt > since).count()
        let perClient = try await LoginAttempt.query(on: services.db).filter(\.$clientKey == client)
            .filter(\.$attemptedAt > since).count()
        guard perAccount >= services.config.loginAttemptsPerAccount || perClient >= services.config.loginAttemptsPerClient else {
            return nil
        }
        return Int(services.config.loginWindow)
    }

    func recordFailure(email: String, client: String) async throws {
        let now = services.clock.now()
        try await LoginAttempt(accountKey: email, clientKey: client, attemptedAt: now).create(on: services.db)
        // Attempts older than the window count for nothing: drop them so the table stays small.
        try await LoginAttempt.query(on: services.db).filter(
            \.$attemptedAt < now.addingTimeInterval(-services.config.loginWindow)
        )
        .delete()
    }

    func clear(email: String) async throws {
        try await LoginAttempt.query(on: services.db).filter(\.$accountKey == email).delete()
    }
}
