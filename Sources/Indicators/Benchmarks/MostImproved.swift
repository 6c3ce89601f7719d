/// How a figure changed between two years.
public enum ChangeMeasure: String, Sendable, Hashable, Codable {
    /// (to − from) ÷ |from| × 100: for levels such as emissions per person.
    case relative
    /// to − from, in the indicator's unit: for shares in %, where a relative change of a
    /// percentage misleads.
    case absolute
}

/// One city's change.
public struct Improvement: Sendable, Hashable {
    public let city: String
    public let from: Double
    public let to: Double
    /// In % (relative) or the indicator's unit (absolute); signed as the figure moved.
    public let change: Double
    /// The change signed so that positive is better in the indicator's direction.
    public let improvement: Double
    /// 1 = most improved; ties share a rank.
    public let rank: Int
}

/// Most improved cities between two years, with those left out and why.
public struct ImprovementView: Sendable, Hashable {
    public let fromYear: Int
    public let toYear: Int
    public let measure: ChangeMeasure
    /// Most improved first.
    public let ranked: [Improvement]
    public let flagged: [FlaggedCity]
    public let notComparable: [NotComparableCity]
}

/// A city left out of a rank because a figure failed a plausibility check.
public struct FlaggedCity: Sendable, Hashable {
    public let city: String
    public let flags: [PlausibilityFlag]
}

/// A city left out of a rank because its figures cannot be compared.
public struct NotComparableCity: Sendable, Hashable {
    public let city: String
    public let issues: [ComparabilityIssue]
}

/// "Most improved" beside "top" (CEUK users asked for it, `peer_review_methods.md` §3.3;
/// `benchmarking_methods.md` design goal 4).
public enum MostImproved {
    /// Ranks cities by their change from `from` to `to`. Both figures must be of the exact years
    /// and on the same basis (emissions total, gases, GWP set, currency and price basis); money at
    /// current prices is never compared across years. A figure failing a plausibility check in
    /// either year leaves the city out of the rank, listed in `flagged`.
    public static func rank(
        direction: Direction, observations: [IndicatorObservation], from: Int, to: Int, measure: ChangeMeasure = .relative,
        thresholds: PlausibilityThresholds = PlausibilityThresholds()
    ) -> ImprovementView {
        var start: [String: IndicatorObservation] = [:]
        var end: [String: IndicatorObservation] = [:]
        for observation in observations where observation.value.isFinite {
            if observation.year == from { start[observation.city] = observation }
            if observation.year == to { end[observation.city] = observation }
        }
        var candidates: [(city: String, from: Double, to: Double, change: Double, improvement: Double)] = []
        var flagged: [FlaggedCity] = []
        var notComparable: [NotComparableCity] = []
        for city in Set(start.keys).union(end.keys).sorted() {
            guard let first = start[city], let last = end[city] else {
                notComparable.append(NotComparableCity(city: city, issues: [.noFigure(year: start[city] == nil ? from : to)]))
                continue
            }
            var issues = Comparability.issues(
                last.basis, year: last.year, against: first.basis, year: first.year,
                rules: ComparisonRules(maximumYearGap: Int.max, gwpMismatch: .exclude))
            if first.basis.priceBasis == .current && from != to { issues.append(.currentPricesAcrossYears) }
            if measure == .relative && first.value == 0 { issues.append(.zeroBase) }
            if !issues.isEmpty {
                notComparable.append(NotComparableCity(city: city, issues: issues))
                continue
            }
            let flags = [first, last].flatMap { observation in
                observation.plausibility.map { DataPlausibility.check($0, thresholds: thresholds) } ?? []
            }
            if !flags.isEmpty {
                flagged.append(FlaggedCity(city: city, flags: flags))
                continue
            }
            let change = measure == .relative ? (last.value - first.value) / abs(first.value) * 100 : last.value - first.value
            candidates.append((city, first.value, last.value, change, direction == .higherIsBetter ? change : -change))
        }
        let ranks = Ranking.competitionRanks(candidates.map { ($0.city, $0.improvement) }, direction: .higherIsBetter)
        let ranked =
            candidates
            .map {
                Improvement(
                    city: $0.city, from: $0.from, to: $0.to, change: $0.change, improvement: $0.improvement,
                    rank: ranks[$0.city] ?? 0)
            }
            .sorted { ($0.rank, $0.city) < ($1.rank, $1.city) }
        return ImprovementView(
            fromYear: from, toYear: to, measure: measure, ranked: ranked, flagged: flagged, notComparable: notComparable)
    }
}
