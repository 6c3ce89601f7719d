import Foundation
import Mail

/// What running the platform for real needs beyond serving pages: outgoing mail, the proxies in
/// front of it, its name among several instances, scheduled backups and the pace of background jobs.
/// Read once at start (`fromEnvironment`); tests set the fields they need.
public struct OperationsConfig: Sendable {
    /// Outgoing mail; nil when `LCC_SMTP_URL` is unset (mail off: links are shown to the secretariat).
    public var mail: MailSettings?
    /// Peers whose `X-Forwarded-For` is believed (`LCC_TRUSTED_PROXIES`).
    public var trustedProxies = TrustedProxies()
    /// This process among the instances sharing one database (`LCC_INSTANCE_ID`, default host:port).
    /// It names the holder of mail claims and job leases; a restarted instance with the same name
    /// releases what its previous life held, so it must be unique among running instances.
    public var instanceID: String
    /// `lcc serve --backup-dir …`: a backup every interval, the newest `keep` kept.
    public var backups: BackupSchedule?
    /// How often scheduled jobs (reminders, backups) check whether they are due.
    public var jobTick: Duration = .seconds(30)
    /// How often action-update reminders are looked for (daily).
    public var reminderInterval: TimeInterval = 24 * 3600

    public init(instanceID: String = OperationsConfig.defaultInstanceID(port: 8080)) {
        self.instanceID = instanceID
    }

    public static func defaultInstanceID(port: Int) -> String {
        "\(ProcessInfo.processInfo.hostName):\(port)"
    }

    /// Reads `LCC_SMTP_URL`, `LCC_MAIL_FROM`, `LCC_MAIL_*`, `LCC_TRUSTED_PROXIES`, `LCC_INSTANCE_ID`,
    /// `LCC_BACKUP_*`, `LCC_JOB_TICK`, `LCC_REMINDER_INTERVAL`. Every problem is reported at once, so an
    /// operator fixes the configuration in one go instead of one restart per mistake.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, port: Int, publicURL: String?
    ) throws(ConfigurationProblems) -> OperationsConfig {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func duration(_ name: String, _ fallback: TimeInterval) -> TimeInterval {
            guard let text = value(name) else { return fallback }
            guard let seconds = DurationText.seconds(text), seconds > 0 else {
                problems.append("\(name)=\(text) is not a duration (e.g. 90s, 15m, 6h, 1d)")
                return fallback
            }
            return seconds
        }
        func integer(_ name: String, _ fallback: Int) -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), number > 0 else {
                problems.append("\(name)=\(text) is not a positive whole number")
                return fallback
            }
            return number
        }

        var config = OperationsConfig(instanceID: value("LCC_INSTANCE_ID") ?? defaultInstanceID(port: port))
        if let text = value("LCC_TRUSTED_PROXIES") {
            do {
                config.trustedProxies = try TrustedProxies(list: text)
            } catch {
                problems.append("LCC_TRUSTED_PROXIES: \(error)")
            }
        }
        if let url = value("LCC_SMTP_URL") {
            do {
                var settings = MailSettings(
                    smtp: try SMTPConfiguration(url: url), from: try MailSettings.address(value("LCC_MAIL_FROM") ?? ""))
                settings.retryBase = duration("LCC_MAIL_RETRY_BASE", settings.retryBase)
                settings.maxAttempts = integer("LCC_MAIL_MAX_ATTEMPTS", settings.maxAttempts)
                settings.poll = duration("LCC_MAIL_POLL", settings.poll)
                settings.claimLease = duration("LCC_MAIL_CLAIM", settings.claimLease)
                config.mail = settings
            } catch {
                problems.append("LCC_SMTP_URL / LCC_MAIL_FROM: \(error)")
            }
            // Mail leaves the request behind: a background job has no Host header to build links from.
            if (publicURL ?? "").isEmpty { problems.append("LCC_SMTP_URL needs LCC_PUBLIC_URL (the links in messages)") }
        } else if value("LCC_MAIL_FROM") != nil {
            problems.append("LCC_MAIL_FROM is set but LCC_SMTP_URL is not")
        }
        if let directory = value("LCC_BACKUP_DIR") {
            config.backups = BackupSchedule(
                directory: directory, interval: duration("LCC_BACKUP_INTERVAL", 24 * 3600), keep: integer("LCC_BACKUP_KEEP", 14))
        }
        config.jobTick = .seconds(duration("LCC_JOB_TICK", 30))
        config.reminderInterval = duration("LCC_REMINDER_INTERVAL", config.reminderInterval)
        guard problems.isEmpty else { throw ConfigurationProblems(problems: problems) }
        return config
    }
}

/// Everything wrong with the configuration, one line each.
public struct ConfigurationProblems: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "configuration: " + problems.joined(separator: "; ") }
}

/// The SMTP server, the sender and the queue's pace.
public struct MailSettings: Sendable {
    public var smtp: SMTPConfiguration
    public var from: MailAddress
    /// Attempts before a message that keeps failing transiently is marked failed (with backoff
    /// doubling from `retryBase`, capped at an hour, ten attempts span about five hours).
    public var maxAttempts = 10
    /// The first retry's delay; each next one doubles.
    public var retryBase: TimeInterval = 30
    /// How often the sender looks for queued messages.
    public var poll: TimeInterval = 2
    /// How long a claimed message stays with its sender: longer than the longest send (connect,
    /// commands and RFC 5321's ten minutes for the reply to the data), so that a slow send is never
    /// taken over and sent twice by another instance.
    public var claimLease: TimeInterval = 20 * 60

    public init(smtp: SMTPConfiguration, from: MailAddress) {
        self.smtp = smtp
        self.from = from
    }

    /// `noreply@example.org` or `LCC Platform <noreply@example.org>`.
    static func address(_ text: String) throws -> MailAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ConfigurationProblems(problems: ["LCC_MAIL_FROM is required with LCC_SMTP_URL"]) }
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            return try MailAddress(
                String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]), displayName: name)
        }
        return try MailAddress(trimmed)
    }
}

/// Backups made by `lcc serve` itself.
public struct BackupSchedule: Sendable {
    public var directory: String
    public var interval: TimeInterval
    public var keep: Int

    public init(directory: String, interval: TimeInterval, keep: Int) {
        self.directory = directory
        self.interval = interval
        self.keep = keep
    }
}

/// `90`, `90s`, `15m`, `6h`, `1d` as seconds.
enum DurationText {
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        if let unit = units[last] { return Double(trimmed.dropLast()).map { $0 * unit } }
        return Double(trimmed)
    }
}

extension OperationsConfig {
    /// `lcc serve --backup-dir D [--backup-every 6h] [--backup-keep 14]` over the environment's values.
    mutating func applyBackupOptions(directory: String?, every: String?, keep: Int?) throws(ConfigurationProblems) {
        guard directory != nil || every != nil || keep != nil else { return }
        guard let directory = directory ?? backups?.directory else {
            throw ConfigurationProblems(problems: ["--backup-every and --backup-keep need --backup-dir (or LCC_BACKUP_DIR)"])
        }
        var schedule = backups ?? BackupSchedule(directory: directory, interval: 24 * 3600, keep: 14)
        schedule.directory = directory
        if let every {
            guard let seconds = DurationText.seconds(every), seconds > 0 else {
                throw ConfigurationProblems(problems: ["--backup-every \(every) is not a duration (e.g. 90s, 15m, 6h, 1d)"])
            }
            schedule.interval = seconds
        }
        if let keep {
            guard keep > 0 else { throw ConfigurationProblems(problems: ["--backup-keep must be at least 1"]) }
            schedule.keep = keep
        }
        backups = schedule
    }
}
