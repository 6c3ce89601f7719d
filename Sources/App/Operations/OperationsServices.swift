import Mail
import ServiceLifecycle

/// The background services of `lcc serve`: the mail sender (when mail is on) and the scheduler of
/// the jobs that must run once across instances (reminders with mail, backups when scheduled).
enum OperationsServices {
    static func make(_ services: Services) throws -> [any Service] {
        let operations = services.config.operations
        var result: [any Service] = []
        var jobs: [JobScheduler.Job] = []
        if let mail = operations.mail {
            result.append(
                MailSender(
                    db: services.db, settings: mail, client: try SMTPClient(configuration: mail.smtp),
                    instanceID: operations.instanceID, clock: services.clock, logger: services.logger))
            jobs.append(ActionReminders.job(services, interval: operations.reminderInterval))
            jobs.append(ReviewReminders.job(services, interval: operations.reminderInterval))
        }
        if let backups = operations.backups {
            let target = BackupTarget(kind: services.database.kind, schema: services.database.postgresSchema)
            jobs.append(ScheduledBackups.job(backups, target: target, logger: services.logger))
        }
        if !jobs.isEmpty {
            result.append(
                JobScheduler(
                    jobs: jobs, leases: JobLeases(db: services.db, holder: operations.instanceID), tick: operations.jobTick,
                    clock: services.clock, logger: services.logger))
        }
        return result
    }
}
