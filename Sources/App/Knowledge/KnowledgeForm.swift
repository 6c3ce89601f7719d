import CarbonAccounting
import FluentKit
import Foundation

/// The fields of a knowledge record, validated by name; the messages are catalogue keys.
struct KnowledgeForm: Sendable {
    static let languages = ContentLanguage.allCases.map(\.rawValue)
    static let eventFields = [
        "event_type", "starts_on", "ends_on", "start_time", "end_time", "time_zone", "place", "organisers", "partners",
        "participant_organisations", "participant_count", "programme_text", "outcome",
    ]
    static let commonFields = ["slug", "city", "country", "sector", "gpc_ref", "tags", "sources"]
    static let caseFields = ["results", "lessons", "contacts"]
    static let eventTypes = [
        "symposium", "workshop", "field_visit", "expert_group_meeting", "training", "study_tour", "forum", "conference",
        "seminar", "meeting",
    ]

    var fields: [String: String]
    var pathways: [String]

    static func fields(of item: KnowledgeItem, citySlug: String?) -> [String: String] {
        var fields: [String: String] = [
            "slug": item.slug, "city": citySlug ?? "", "country": item.country ?? "", "sector": item.sector ?? "",
            "gpc_ref": item.gpcRef ?? "", "tags": item.tags, "sources": item.sources, "event_type": item.eventType ?? "",
            "starts_on": item.startsOn ?? "", "ends_on": item.endsOn ?? "", "start_time": item.startTime ?? "",
            "end_time": item.endTime ?? "", "time_zone": item.timeZone ?? "", "place": item.place, "organisers": item.organisers,
            "partners": item.partners, "participant_organisations": item.participantOrganisations,
            "participant_count": item.participantCount.map(String.init) ?? "", "programme_text": item.programmeText,
            "outcome": item.outcome, "lessons": item.lessons, "contacts": item.contacts,
            "results": item.results.map { "\($0.description) | \(LineColumns.format($0.value)) | \($0.unit)" }.joined(
                separator: "\n"),
        ]
        for language in languages {
            fields["title_\(language)"] = item.titles[language] ?? ""
            fields["summary_\(language)"] = item.summaries[language] ?? ""
            fields["body_\(language)"] = item.bodies[language] ?? ""
        }
        return fields
    }

    /// Checks the fields and copies them into `item` when valid (`cities`: slug → id).
    func apply(to item: KnowledgeItem, kind: KnowledgeKind, cities: [String: (UUID, String)], tree: GPCTree) -> [String: String] {
        var errors: [String: String] = [:]
        func text(_ name: String, limit: Int = 500) -> String {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > limit { errors[name] = "validation.too_long" }
            return value
        }
        var titles: [String: String] = [:]
        var summaries: [String: String] = [:]
        var bodies: [String: String] = [:]
        for language in Self.languages {
            let title = text("title_\(language)", limit: 300)
            if !title.isEmpty { titles[language] = title }
            let summary = text("summary_\(language)", limit: 2000)
            if !summary.isEmpty { summaries[language] = summary }
            let body = text("body_\(language)", limit: 50_000)
            if !body.isEmpty { bodies[language] = body }
        }
        if titles.isEmpty { errors["title_en"] = "knowledge.error.title" }
        var slug = text("slug", limit: 100).lowercased()
        if slug.isEmpty { slug = Self.slug(from: titles["en"] ?? "") }
        if slug.isEmpty || !slug.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) || slug.hasPrefix("-")
        {
            errors["slug"] = "knowledge.error.slug"
        }
        let citySlug = text("city", limit: 100)
        var cityID: UUID?
        var country = text("country", limit: 2).uppercased()
        if !citySlug.isEmpty {
            if let city = cities[citySlug] {
                cityID = city.0
                if country.isEmpty { country = city.1 }
            } else {
                errors["city"] = "validation.unknown_city"
            }
        }
        if !country.isEmpty && !Validate.isCountryCode(country) { errors["country"] = "validation.country" }
        let sector = text("sector", limit: 3)
        if !sector.isEmpty && !["I", "II", "III", "IV", "V"].contains(sector) { errors["sector"] = "validation.choice" }
        let gpcRef = text("gpc_ref", limit: 20)
        if !gpcRef.isEmpty {
            if let cell = tree[gpcRef] {
                if !sector.isEmpty && cell.sector.rawValue != sector { errors["gpc_ref"] = "actions.error.gpc_ref_sector" }
            } else {
                errors["gpc_ref"] = "actions.error.gpc_ref"
            }
        }
        if pathways.contains(where: { !Vocabulary.pathways.contains($0) }) { errors["pathways"] = "validation.choice" }
        var results: [KnowledgeResult] = []
        if kind == .caseStudy {
            for (index, line) in text("results", limit: 10_000).split(whereSeparator: \.isNewline).enumerated() {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if parts.count == 3, !parts[0].isEmpty, let value = Double(parts[1].replacingOccurrences(of: ",", with: "")),
                    value.isFinite, !parts[2].isEmpty
                {
                    results.append(KnowledgeResult(description: parts[0], value: value, unit: parts[2]))
                } else {
                    errors["results"] = "knowledge.error.results"
                    _ = index
                }
            }
        }
        var eventType: String?
        var startsOn: String?
        var endsOn: String?
        var startTime: String?
        var endTime: String?
        var timeZone: String?
        var participants: Int?
        if kind == .event {
            eventType = text("event_type", limit: 40)
            if !Self.eventTypes.contains(eventType ?? "") { errors["event_type"] = "validation.choice" }
            startsOn = text("starts_on", limit: 10)
            if ISODay.parse(startsOn ?? "") == nil { errors["starts_on"] = "actions.error.date" }
            endsOn = text("ends_on", limit: 10)
            if endsOn?.isEmpty == true { endsOn = startsOn }
            if ISODay.parse(endsOn ?? "") == nil { errors["ends_on"] = "actions.error.date" }
            if let s = startsOn, let e = endsOn, errors["starts_on"] == nil, errors["ends_on"] == nil, e < s {
                errors["ends_on"] = "knowledge.error.ends_before"
            }
            for (name, keep) in [("start_time", 0), ("end_time", 1)] {
                let value = text(name, limit: 5)
                guard !value.isEmpty else { continue }
                let parts = value.split(separator: ":").compactMap { Int($0) }
                if parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) {
                    if keep == 0 { startTime = value } else { endTime = value }
                } else {
                    errors[name] = "knowledge.error.time"
                }
            }
            timeZone = text("time_zone", limit: 60)
            if TimeZone(identifier: timeZone ?? "") == nil { errors["time_zone"] = "knowledge.error.time_zone" }
            let count = text("participant_count", limit: 9)
            if !count.isEmpty {
                if let value = Int(count), value >= 0 {
                    participants = value
                } else {
                    errors["participant_count"] = "validation.number"
                }
            }
        }
        guard errors.isEmpty else { return errors }
        item.kind = kind.rawValue
        item.slug = slug
        item.titles = titles
        item.titleEn = titles["en"] ?? titles.values.sorted().first ?? slug
        item.summaries = summaries
        item.bodies = bodies
        item.$city.id = cityID
        item.country = country.isEmpty ? nil : country
        item.sector = sector.isEmpty ? nil : sector
        item.gpcRef = gpcRef.isEmpty ? nil : gpcRef
        item.pathways = pathways.joined(separator: ";")
        item.tags = text("tags", limit: 500)
        item.sources = text("sources", limit: 2000)
        item.year = Int((startsOn ?? "").prefix(4)) ?? item.year
        item.eventType = eventType
        (item.startsOn, item.endsOn, item.startTime, item.endTime, item.timeZone) = (
            startsOn, endsOn, startTime, endTime, timeZone
        )
        item.place = text("place", limit: 300)
        item.organisers = text("organisers", limit: 1000)
        item.partners = text("partners", limit: 1000)
        item.participantOrganisations = text("participant_organisations", limit: 2000)
        item.participantCount = participants
        item.programmeText = text("programme_text", limit: 5000)
        item.outcome = text("outcome", limit: 5000)
        item.results = results
        item.lessons = text("lessons", limit: 5000)
        item.contacts = text("contacts", limit: 1000)
        return [:]
    }

    static func slug(from title: String) -> String {
        var slug = ""
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80))
    }
}
