import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Runs the scheduled jobs (action-update reminders, backups) on every instance; the lease makes
/// each run happen on one of them. Checks every `tick`; a job that fails is tried again at its next
/// interval (its outcome is recorded and logged).
struct JobScheduler: Service {
    struct Job: Sendable {
        let name: String
        let interval: TimeInterval
        /// Longer than the job can take: a lease that expires mid-run lets another instance start it too.
        let lease: TimeInterval
        /// Does the work and says what it did, for the log and the secretariat's page.
        let work: @Sendable (Date) async throws -> String
    }

    let jobs: [Job]
    let leases: JobLeases
    let tick: Duration
    let clock: AppClock
    let logger: Logger

    func run() async throws {
        do {
            try await leases.releaseHeld()
        } catch {
            logger.warning("could not release old job leases", metadata: ["error": "\(error)"])
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            for job in jobs where !Task.isShuttingDownGracefully { await runIfDue(job) }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
        }
    }

    func runIfDue(_ job: Job) async {
        let now = clock.now()
        do {
            guard try await leases.acquire(job.name, every: job.interval, lease: job.lease, now: now) else { return }
        } catch {
            logger.warning("job lease unavailable", metadata: ["job": "\(job.name)", "error": "\(error)"])
            return
        }
        let outcome: String
        do {
            outcome = try await job.work(now)
            logger.info("job done", metadata: ["job": "\(job.name)", "outcome": "\(outcome)"])
        } catch {
            outcome = "failed: \(error)"
            Counter(label: "lcc_job_failures_total", dimensions: [("job", job.name)]).increment()
            logger.error("job failed", metadata: ["job": "\(job.name)", "error": "\(error)"])
        }
        do {
            try await leases.finish(job.name, outcome: outcome, at: clock.now())
        } catch {
            logger.error("job run not recorded", metadata: ["job": "\(job.name)", "error": "\(error)"])
        }
    }
}
