import FluentKit
import Foundation
import SQLKit

/// Scheduled jobs that must run once across all instances sharing the database: a job is taken by
/// updating its row only when nobody holds it and it is due, and the database says which instance's
/// update won (`RETURNING`), on SQLite and PostgreSQL alike. A holder that dies loses its lease when
/// `lease_until` passes; a restarted instance with the same id gives its old leases back at start.
struct JobLeases: Sendable {
    let db: any Database
    let holder: String

    /// Takes `job` if its last run is at least `interval` ago and no live lease holds it.
    func acquire(_ job: String, every interval: TimeInterval, lease: TimeInterval, now: Date) async throws -> Bool {
        let sql = try db.sql()
        try await sql.raw("INSERT INTO job_leases (name) VALUES (\(bind: job)) ON CONFLICT (name) DO NOTHING").run()
        let taken = try await sql.raw(
            """
            UPDATE job_leases SET holder = \(bind: holder), lease_until = \(bind: now.addingTimeInterval(lease)) \
            WHERE name = \(bind: job) AND (lease_until IS NULL OR lease_until < \(bind: now)) \
            AND (last_run_at IS NULL OR last_run_at <= \(bind: now.addingTimeInterval(-interval))) RETURNING name
            """
        ).all()
        return !taken.isEmpty
    }

    /// Records the run and gives the lease back.
    func finish(_ job: String, outcome: String, at now: Date) async throws {
        try await db.sql().raw(
            """
            UPDATE job_leases SET holder = NULL, lease_until = NULL, last_run_at = \(bind: now), \
            last_outcome = \(bind: String(outcome.prefix(500))) WHERE name = \(bind: job) AND holder = \(bind: holder)
            """
        ).run()
    }

    /// Leases this instance id held in a previous life (it was killed): free them now rather than
    /// when they expire.
    func releaseHeld() async throws {
        try await db.sql().raw("UPDATE job_leases SET holder = NULL, lease_until = NULL WHERE holder = \(bind: holder)").run()
    }

    struct Run: Sendable {
        let job: String
        let lastRunAt: Date?
        let outcome: String?
    }

    /// Every job's last run, for the secretariat's page.
    static func runs(on db: any Database) async throws -> [Run] {
        try await db.sql().raw("SELECT name, last_run_at, last_outcome FROM job_leases ORDER BY name").all().map {
            Run(
                job: try $0.decode(column: "name", as: String.self),
                lastRunAt: try $0.decode(column: "last_run_at", as: Date?.self),
                outcome: try $0.decode(column: "last_outcome", as: String?.self))
        }
    }
}
