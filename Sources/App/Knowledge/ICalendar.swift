import Foundation

/// iCalendar (RFC 5545) output: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 sequence (§3.1), text escaped (§3.3.11: backslash, semicolon, comma, newline), times in
/// UTC with a trailing Z (§3.3.5, form 2), all-day events as DATE values with an exclusive end.
enum ICalendar {
    struct Event: Sendable {
        let uid: String
        let summary: String
        let description: String
        let location: String
        let url: String
        /// All-day when `start` has no time.
        let startDay: String
        let endDay: String
        let start: Date?
        let end: Date?
        let lastModified: Date
    }

    static func calendar(name: String, events: [Event], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//LCC Platform//Events//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name),
        ]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + event.uid)
            lines.append("DTSTAMP:" + utc(now))
            if let start = event.start {
                lines.append("DTSTART:" + utc(start))
                lines.append("DTEND:" + utc(event.end ?? start))
            } else {
                lines.append("DTSTART;VALUE=DATE:" + event.startDay.replacingOccurrences(of: "-", with: ""))
                lines.append("DTEND;VALUE=DATE:" + nextDay(event.endDay))
            }
            lines.append("SUMMARY:" + escape(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + escape(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + escape(event.description)) }
            lines.append("URL:" + event.url)
            lines.append("LAST-MODIFIED:" + utc(event.lastModified))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets, continuation lines starting with a space.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                result += "\r\n "
                count = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0
        )
    }

    /// yyyy-mm-dd → the next day as yyyymmdd (DTEND of an all-day event is exclusive).
    static func nextDay(_ day: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            let next = calendar.date(byAdding: .day, value: 1, to: date)
        else { return day.replacingOccurrences(of: "-", with: "") }
        let c = calendar.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// A local wall-clock time in a time zone, as an instant.
    static func instant(day: String, time: String, zone: String) -> Date? {
        guard let tz = TimeZone(identifier: zone) else { return nil }
        let d = day.split(separator: "-").compactMap { Int($0) }
        let t = time.split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count == 2 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        return calendar.date(from: DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0], minute: t[1]))
    }
}
