import FluentKit
import Foundation

/// The daily reminder: every open action whose last update (or creation) is older than its update
/// period brings a message to each editor of its city. One message per action, person and period
/// (the dedupe key), so a reminder is sent once per period however often the job runs.
enum ActionReminders {
    static func job(_ services: Services, interval: TimeInterval) -> JobScheduler.Job {
        JobScheduler.Job(name: "action-reminders", interval: interval, lease: 3600) { now in
            let count = try await queue(services, now: now)
            return "\(count) reminder\(count == 1 ? "" : "s") queued"
        }
    }

    static func queue(_ services: Services, now: Date) async throws -> Int {
        let db = services.db
        let actions = try await MitigationAction.query(on: db)
            .filter(\.$statusRaw ~~ ActionStatus.allCases.filter(\.isOpen).map(\.rawValue)).with(\.$city).all()
        var editors: [UUID: [MailRecipient]] = [:]
        var queued = 0
        for action in actions {
            guard let since = action.lastUpdateOn ?? action.createdAt, action.updateEveryDays > 0 else { continue }
            let period = Double(action.updateEveryDays) * 86_400
            let overdue = now.timeIntervalSince(since)
            guard overdue > period, let id = action.id, let cityID = action.city.id else { continue }
            let periodIndex = Int(overdue / period)
            if editors[cityID] == nil { editors[cityID] = try await MailRecipients.editors(ofCity: cityID, on: db) }
            for recipient in editors[cityID] ?? [] {
                let t = services.translator(recipient.locale)
                let event = ActionUpdateDue(
                    action: t.pick(action.titles), city: t.pick(action.city.names),
                    actionPath: Paths.action(action.city.slug, id),
                    days: action.updateEveryDays,
                    // The period's start in the key: after an update the count starts again at 1, and
                    // without it the first reminder after an update would be taken for a duplicate.
                    dedupeKey:
                        "action-reminder:\(id.uuidString):\(recipient.userID?.uuidString ?? recipient.address):\(ISODay.format(since)):\(periodIndex)"
                )
                if try await services.outbox.send(event, to: recipient, on: db) { queued += 1 }
            }
        }
        return queued
    }
}
