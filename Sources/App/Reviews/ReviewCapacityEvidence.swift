import FluentKit
import Foundation

/// What the published reviews tell capacity building: a city that scored a plan-quality criterion
/// strong (75 or more in its latest report, the report's own "strength" rule) has shown how to do
/// it, and is suggested as a peer to cities asking for help on that criterion's topic. Illustrative
/// reports never count: they are demo data, not evidence of anything.
enum ReviewCapacityEvidence {
    /// The capacity-building topics each plan-quality criterion speaks to (the platform's own
    /// mapping; the actions criteria AC1/AC2 span every sector and map to none).
    static let topics: [String: [String]] = [
        "FB1": ["ghg_inventory"], "FB2": ["ghg_inventory", "targets_planning"], "TG1": ["targets_planning"],
        "TG2": ["targets_planning"], "FI1": ["finance"], "MO1": ["targets_planning"],
        "PA1": ["equitable_people_centred"], "CB1": ["air_quality"],
    ]
    static let framework = "plan-quality"

    /// `cityIDs`: city slug → id (a report names its city by slug).
    static func evidence(from reports: [ReviewReport], cityIDs: [String: UUID]) -> [CapacityMatching.Evidence] {
        reports.filter { !$0.illustrative && $0.framework == framework }.flatMap { report -> [CapacityMatching.Evidence] in
            guard let cityID = cityIDs[report.city] else { return [] }
            return report.criteria.flatMap { criterion -> [CapacityMatching.Evidence] in
                guard let score = criterion.score, score >= 75 else { return [] }
                return (topics[criterion.id] ?? []).map {
                    CapacityMatching.Evidence(
                        cityID: cityID, cityName: report.cityNames["en"] ?? report.city, topic: $0,
                        title: "\(report.title): \(criterion.id) \(criterion.name) \(ReviewPageParts.score(score))")
                }
            }
        }
    }

    static func load(on db: any Database) async throws -> [CapacityMatching.Evidence] {
        let reports = try await ReviewLearning.latestReports(on: db).filter { !$0.illustrative }
        guard !reports.isEmpty else { return [] }
        let cities = try await City.query(on: db).filter(\.$slug ~~ Set(reports.map(\.city))).all()
        return evidence(
            from: reports, cityIDs: Dictionary(try cities.map { ($0.slug, try $0.requireID()) }) { first, _ in first })
    }
}
