import Foundation
import Logging
import Metrics

/// The backups `lcc serve` makes itself: one archive per interval into the directory, the newest
/// `keep` kept. Only files this schedule names (`lcc-<time>.lccbackup`) are ever deleted.
enum ScheduledBackups {
    static let prefix = "lcc-"
    static let suffix = ".lccbackup"

    static func job(_ schedule: BackupSchedule, target: BackupTarget, logger: Logger) -> JobScheduler.Job {
        JobScheduler.Job(name: "backup", interval: schedule.interval, lease: 6 * 3600) { now in
            try await run(schedule, target: target, now: now, logger: logger)
        }
    }

    static func run(_ schedule: BackupSchedule, target: BackupTarget, now: Date, logger: Logger) async throws -> String {
        let directory = URL(filePath: schedule.directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        removeLeftovers(in: directory)
        let file = directory.appending(path: prefix + fileStamp(now) + suffix)
        do {
            let manifest = try await Backups.create(target, to: file, logger: logger, now: now)
            Gauge(label: "lcc_backup_last_success_timestamp_seconds").record(now.timeIntervalSince1970)
            Gauge(label: "lcc_backup_last_duration_seconds").record(manifest.durationSeconds)
            let removed = try prune(directory, keep: schedule.keep)
            return "\(file.lastPathComponent): \(manifest.tables.count) tables, \(manifest.totalRows) rows"
                + (removed > 0 ? "; \(removed) older removed" : "")
        } catch {
            Counter(label: "lcc_backup_failures_total").increment()
            throw error
        }
    }

    /// Deletes the oldest archives beyond `keep` (names sort by time); returns how many.
    static func prune(_ directory: URL, keep: Int) throws -> Int {
        let archives = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
        let old = archives.dropLast(keep)
        for name in old { try FileManager.default.removeItem(at: directory.appending(path: name)) }
        return old.count
    }

    /// What an interrupted backup (killed, disk full) left: `.partial` archives and work folders.
    /// Only one backup runs at a time (the job lease), so anything of this kind is stale.
    static func removeLeftovers(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names
        where (name.hasPrefix(prefix) && name.hasSuffix(suffix + BackupArchive.partialSuffix)) || name.hasPrefix(".lcc-backup-") {
            try? FileManager.default.removeItem(at: directory.appending(path: name))
        }
    }

    static func fileStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
