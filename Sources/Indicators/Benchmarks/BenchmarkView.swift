/// A ranked figure.
public struct RankedEntry: Sendable, Hashable {
    public let city: String
    public let value: Double
    public let year: Int
    /// 1 = best in the indicator's direction; ties share a rank.
    public let rank: Int
}

/// A figure shown with its flags and left out of ranks.
public struct FlaggedEntry: Sendable, Hashable {
    public let city: String
    public let value: Double
    public let year: Int
    public let plausibility: [PlausibilityFlag]
    /// A GWP difference flagged rather than excluded (``ComparisonRules/GWPMismatch/flag``).
    public let comparability: [ComparabilityIssue]
}

/// A figure left out because it is not comparable, with every reason.
public struct NotComparableEntry: Sendable, Hashable {
    public let city: String
    public let value: Double
    public let year: Int
    public let issues: [ComparabilityIssue]
}

/// Where the focus city stands.
public enum Standing: Sendable, Hashable {
    case ranked(rank: Int, of: Int)
    case flagged(FlaggedEntry)
    case notComparable(NotComparableEntry)
    case noFigure
}

/// One indicator across cities: ranks, distribution, leaders, and what was left out and why.
public struct BenchmarkView: Sendable, Hashable {
    public let indicator: String
    public let direction: Direction
    public let reference: ComparisonBasis
    public let year: Int
    /// Best first.
    public let ranked: [RankedEntry]
    public let flagged: [FlaggedEntry]
    public let notComparable: [NotComparableEntry]
    /// Over the ranked figures only; nil when none.
    public let distribution: Distribution?
    /// The first ranked entries ("leaders by indicator").
    public let leaders: [RankedEntry]
    public let focus: Standing?

    /// Builds the view. Per city the comparable figure nearest to `year` is used (the later one on
    /// a tie); figures failing a plausibility check, or on another GWP set when the rules say
    /// flag, are shown in `flagged` and left out of ranks and distribution.
    public static func build(
        indicator: String, direction: Direction, observations: [IndicatorObservation], reference: ComparisonBasis, year: Int,
        focus: String? = nil, rules: ComparisonRules = ComparisonRules(),
        thresholds: PlausibilityThresholds = PlausibilityThresholds(), leaders: Int = 5
    ) -> BenchmarkView {
        // One pass keeps, per city, the figure with the fewest blocking issues, then the nearest
        // year, then the later year. A figure on the reference basis within the year gap has no
        // issue and skips building the list (the common case, and the hot path of a large view).
        var best: [String: Candidate] = [:]
        for observation in observations where observation.value.isFinite {
            let gap = abs(observation.year - year)
            let issues =
                observation.basis == reference && gap <= rules.maximumYearGap
                ? []
                : Comparability.issues(observation.basis, year: observation.year, against: reference, year: year, rules: rules)
            var blocking = 0
            for issue in issues where !(issue.isGWP && rules.gwpMismatch == .flag) { blocking += 1 }
            let candidate = Candidate(observation: observation, issues: issues, blocking: blocking, gap: gap)
            if let current = best[observation.city], !candidate.isPreferred(to: current) { continue }
            best[observation.city] = candidate
        }
        var candidates: [RankedEntry] = []
        var flagged: [FlaggedEntry] = []
        var excluded: [NotComparableEntry] = []
        for city in best.keys.sorted() {
            guard let chosen = best[city] else { continue }
            let observation = chosen.observation
            if chosen.blocking > 0 {
                excluded.append(
                    NotComparableEntry(city: city, value: observation.value, year: observation.year, issues: chosen.issues))
                continue
            }
            let flags = observation.plausibility.map { DataPlausibility.check($0, thresholds: thresholds) } ?? []
            if !flags.isEmpty || !chosen.issues.isEmpty {
                flagged.append(
                    FlaggedEntry(
                        city: city, value: observation.value, year: observation.year, plausibility: flags,
                        comparability: chosen.issues))
                continue
            }
            candidates.append(RankedEntry(city: city, value: observation.value, year: observation.year, rank: 0))
        }
        let ranks = Ranking.competitionRanks(candidates.map { ($0.city, $0.value) }, direction: direction)
        let ranked =
            candidates
            .map { RankedEntry(city: $0.city, value: $0.value, year: $0.year, rank: ranks[$0.city] ?? 0) }
            .sorted { ($0.rank, $0.city) < ($1.rank, $1.city) }

        var standing: Standing?
        if let focus {
            if let entry = ranked.first(where: { $0.city == focus }) {
                standing = .ranked(rank: entry.rank, of: ranked.count)
            } else if let entry = flagged.first(where: { $0.city == focus }) {
                standing = .flagged(entry)
            } else if let entry = excluded.first(where: { $0.city == focus }) {
                standing = .notComparable(entry)
            } else {
                standing = .noFigure
            }
        }
        return BenchmarkView(
            indicator: indicator, direction: direction, reference: reference, year: year, ranked: ranked, flagged: flagged,
            notComparable: excluded, distribution: Distribution(ranked.map(\.value)), leaders: Array(ranked.prefix(leaders)),
            focus: standing)
    }

    /// The peer median per year (the "over time" view: a city's own series against its peers').
    /// A year with no rankable figure has no entry.
    public static func medianSeries(
        direction: Direction, observations: [IndicatorObservation], reference: ComparisonBasis, years: [Int],
        rules: ComparisonRules = ComparisonRules(), thresholds: PlausibilityThresholds = PlausibilityThresholds()
    ) -> [Int: Double] {
        var exactYear = rules
        exactYear.maximumYearGap = 0
        var medians: [Int: Double] = [:]
        for year in years {
            let view = build(
                indicator: "", direction: direction, observations: observations.filter { $0.year == year }, reference: reference,
                year: year, rules: exactYear, thresholds: thresholds, leaders: 0)
            if let median = view.distribution?.median { medians[year] = median }
        }
        return medians
    }

    /// A city's figure with what keeps it from the ranks.
    private struct Candidate {
        let observation: IndicatorObservation
        let issues: [ComparabilityIssue]
        let blocking: Int
        let gap: Int

        func isPreferred(to other: Candidate) -> Bool {
            (blocking, gap, -observation.year) < (other.blocking, other.gap, -other.observation.year)
        }
    }
}
