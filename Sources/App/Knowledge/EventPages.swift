import Foundation

enum EventPages {
    /// Upcoming and past events as lists, or one month as a calendar grid (weeks from Monday).
    static func calendar(_ model: EventCalendarModel, chrome: Chrome) -> String {
        let t = chrome.t
        let (events, month, today) = (model.events, model.month, model.today)
        let title = t("knowledge.kind.event.plural")
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledge)) { t("knowledge.title") } }
            h1 { title }
            ul(.class("inline")) {
                li { link(.href(Paths.events)) { t("events.list_view") } }
                li {
                    link(
                        .href(
                            Paths.eventsMonth(
                                month.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? String(today.prefix(7))))
                    ) { t("events.month_view") }
                }
                li { link(.href(Paths.eventsCalendar)) { t("events.ics") } }
            }
            if let month {
                monthGrid(events, year: month.year, month: month.month, t: t)
            } else {
                let upcoming = events.filter { ($0.endsOn ?? $0.startsOn ?? "") >= today }
                let past = events.filter { ($0.endsOn ?? $0.startsOn ?? "") < today }.reversed()
                section {
                    h2 { t("events.upcoming") }
                    KnowledgePages.cards(upcoming, t: t)
                }
                section {
                    h2 { t("events.past") }
                    KnowledgePages.cards(Array(past), t: t)
                }
            }
        }
    }

    static func monthGrid(_ events: [KnowledgeRecord], year: Int, month: Int, t: Translator) -> Node {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // The controller admits only real months (1900–2100, 1–12); nothing to draw otherwise.
        guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let days = calendar.range(of: .day, in: .month, for: first)?.count
        else { return .fragment([]) }
        // Monday = 0 … Sunday = 6.
        let offset = (calendar.component(.weekday, from: first) + 5) % 7
        let previous = month == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1)
        let next = month == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, month + 1)
        let label = String(format: "%04d-%02d", year, month)
        func on(_ day: Int) -> [KnowledgeRecord] {
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            return events.filter { ($0.startsOn ?? "") <= date && date <= ($0.endsOn ?? $0.startsOn ?? "") }
        }
        let cells = Array(repeating: 0, count: offset) + Array(1...days)
        let weeks = stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<min($0 + 7, cells.count)]) }
        return section {
            nav(.class("pager"), .aria("label", t("events.month_view"))) {
                link(.href(Paths.eventsMonth(previous)), .rel("prev")) { "← " + previous }
                " "
                strong { label }
                " "
                link(.href(Paths.eventsMonth(next)), .rel("next")) { next + " →" }
            }
            table(.class("month")) {
                thead {
                    tr { for day in 0..<7 { th { t("weekday.\(day)") } } }
                }
                tbody {
                    for week in weeks {
                        tr {
                            for day in week + Array(repeating: 0, count: 7 - week.count) {
                                td {
                                    if day > 0 {
                                        span(.class("day")) { String(day) }
                                        for record in on(day) {
                                            link(.href(record.url), .class("event")) { t.pick(record.titles) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let inMonth = events.filter {
                ($0.startsOn ?? "") <= label + "-31" && ($0.endsOn ?? $0.startsOn ?? "") >= label + "-01"
            }
            KnowledgePages.cards(inMonth, t: t)
        }
    }
}
