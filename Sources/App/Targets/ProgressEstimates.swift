import CarbonAccounting
import Foundation

/// Progress measured on another basis than the target's own: a number with its caveat, shown
/// beside the target's progress, never counted as on track or off track (issue 11, "Real numbers";
/// rules from `city_series_ne_asia.md`).
struct ProgressEstimate: Sendable, Hashable {
    /// Which series: "ceads" (territorial CO2) or "city_totals" / "city_totals_fixed_factor".
    let series: String
    /// What the series measures and how that differs from the target's own metric.
    let basis: String
    let progress: TargetProgress
    let points: [SeriesPoint]
    let notes: [String]
}

/// Builds the estimates of one target from the emission series a city keeps as facts.
///
/// Rules:
/// 1. `co2_total` rows (CEADs) form one series: territorial CO2 of the whole prefecture area, no
///    imported electricity, no other gases, no land use.
/// 2. `ghg_total` rows (a city's own published totals) form one series per method: the actual
///    electricity factor of each year, or a factor fixed at one year ("EF FIXED", "fixed-EF basis"),
///    never mixed. Rows of an old method ("OLD method") and business-as-usual projections are left
///    out. A year with two different figures in one series is left out, with a note.
/// 3. The base is the series' own value in the base year — never a base stated on another basis —
///    so that base and latest are measured alike.
/// 4. Intensity targets divide by the same drivers as the target's progress: resident population,
///    GDP at constant prices; only years within the driver's series are used (between its known
///    years the driver is interpolated, as for the target's progress; never extrapolated).
enum ProgressEstimates {
    static func estimates(
        _ target: TargetSummary, facts: [SeriesFact], driver: Series?, bau: Series?
    ) -> [ProgressEstimate] {
        guard target.row.target.kind != .other, target.row.coverage.sectors.isEmpty else { return [] }
        var families: [String: [SeriesFact]] = [:]
        for fact in facts {
            guard let family = family(of: fact) else { continue }
            families[family, default: []].append(fact)
        }
        var estimate = target.row.target
        estimate.baseValue = nil
        return families.keys.sorted().compactMap { family in
            var notes: [String] = []
            var byYear: [Int: [SeriesFact]] = [:]
            for fact in families[family] ?? [] { byYear[fact.year, default: []].append(fact) }
            var points: [SeriesPoint] = []
            for year in byYear.keys.sorted() {
                let figures = byYear[year] ?? []
                if Set(figures.map(\.value)).count > 1 {
                    notes.append("\(year): \(figures.count) figures on different methods — left out")
                    continue
                }
                let fact = figures[0]
                points.append(
                    SeriesPoint(
                        year: year, value: fact.value, origin: family, source: "\(fact.confidence) \(fact.source)",
                        illustrative: false))
            }
            // An intensity is measured only within the years its driver covers: the latest year
            // is the last with both emissions and driver, not the last emissions year.
            if target.row.target.kind.isIntensity, let years = driver?.points.keys, let first = years.min(),
                let last = years.max()
            {
                let outside = points.filter { !(first...last).contains($0.year) }.map(\.year)
                if !outside.isEmpty {
                    notes.append(
                        "years outside \(first)–\(last), where the \(target.row.target.kind.driver == .gdp ? "GDP" : "population") "
                            + "series is known, are not used: \(outside.map(String.init).joined(separator: ", "))")
                    points.removeAll { outside.contains($0.year) }
                }
            }
            let series = Series(Dictionary(points.map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a }))
            let progress = Progress.compute(estimate, emissions: series, driver: driver, bau: bau)
            // A series the city has but that cannot measure this target still says why.
            guard !points.isEmpty else { return nil }
            return ProgressEstimate(
                series: family, basis: basis(family, target: target.row), progress: progress, points: points, notes: notes)
        }
    }

    static func family(of fact: SeriesFact) -> String? {
        switch fact.indicator {
        case "co2_total": return "ceads"
        case "ghg_total":
            let note = fact.boundaryNote
            if note.hasPrefix("OLD method") || note.contains("BAU PROJECTION") { return nil }
            if note.contains("EF FIXED") || note.contains("fixed-EF basis") { return "city_totals_fixed_factor" }
            return "city_totals"
        default: return nil
        }
    }

    static func basis(_ family: String, target: TargetRow) -> String {
        let gases: String
        switch (family == "ceads", target.coverage.co2Only) {
        case (true, false): gases = " The target covers all greenhouse gases; this series is CO2 only."
        case (false, true): gases = " The target covers CO2 only; this series counts all greenhouse gases."
        default: gases = ""
        }
        switch family {
        case "ceads":
            return "CEADs territorial CO2 (fuel combustion and industrial processes in the whole prefecture area): "
                + "no imported electricity, no other gases, no land use — not the city's own accounting, which usually "
                + "counts purchased electricity." + gases
        case "city_totals_fixed_factor":
            return "The city's own published totals with the electricity factor fixed at one year (method as the city "
                + "states it; not a GPC inventory on this platform)." + gases
        default:
            return "The city's own published totals, electricity at each year's factor (method as the city states it; "
                + "not a GPC inventory on this platform)." + gases
        }
    }
}
