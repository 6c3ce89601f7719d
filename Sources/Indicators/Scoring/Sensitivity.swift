/// How a city's composite and rank move between the framework's weights and equal weights.
public struct SensitivityRow: Sendable, Hashable {
    public let city: String
    public let frameworkScore: Double?
    public let frameworkRank: Int?
    public let equalScore: Double?
    public let equalRank: Int?

    /// Positive when the city ranks better under equal weights; nil when either rank is missing.
    public var rankShift: Int? {
        guard let frameworkRank, let equalRank else { return nil }
        return frameworkRank - equalRank
    }
}

/// Weight sensitivity of a composite (`low_carbon_indices.md` §7: entropy weighting can give an
/// extreme weight to a soft indicator, so "any composite we publish should come with a
/// weight-sensitivity view"; `benchmarking_methods.md`, design goal 5).
public enum Sensitivity {
    /// Ranks every city under both weight schemes. Cities whose composite is not shown are listed
    /// without a rank. Ties share a rank ("1, 2, 2, 4").
    public static func ranks(_ edition: Edition, assessments: [(city: String, assessment: Assessment)]) -> [SensitivityRow] {
        let framework = assessments.map { ($0.city, edition.score($0.assessment, weights: .framework).composite.score) }
        let equal = assessments.map { ($0.city, edition.score($0.assessment, weights: .equal).composite.score) }
        let frameworkRanks = Ranking.competitionRanks(framework, direction: .higherIsBetter)
        let equalRanks = Ranking.competitionRanks(equal, direction: .higherIsBetter)
        return assessments.indices.map { index in
            let city = assessments[index].city
            return SensitivityRow(
                city: city, frameworkScore: framework[index].1, frameworkRank: frameworkRanks[city],
                equalScore: equal[index].1, equalRank: equalRanks[city])
        }
    }
}

enum Ranking {
    /// Standard competition ranks (1 = best; equal values share the better rank, and the next rank
    /// skips): the convention of sports tables, easy to explain on a page. Nil values are unranked.
    static func competitionRanks(_ values: [(String, Double?)], direction: Direction) -> [String: Int] {
        let present = values.compactMap { entry in entry.1.map { (entry.0, $0) } }
        let sorted = present.sorted { lhs, rhs in
            if lhs.1 != rhs.1 { return direction.isBetter(lhs.1, than: rhs.1) }
            return lhs.0 < rhs.0
        }
        var ranks: [String: Int] = [:]
        var previous: Double?
        var rank = 0
        for (position, entry) in sorted.enumerated() {
            if entry.1 != previous { rank = position + 1 }
            previous = entry.1
            ranks[entry.0] = rank
        }
        return ranks
    }
}
