import Foundation

/// One feature compared between a city and a candidate peer.
public struct FeatureComparison: Sendable, Hashable {
    public let feature: PeerFeature
    /// 0 (same) to 1 (entirely different).
    public let distance: Double
    /// The two values as compared (climate: degree days or nil when compared by zone).
    public let own: Double?
    public let peer: Double?
}

/// A feature left out of one comparison, and why.
public struct NotCompared: Sendable, Hashable {
    public let feature: PeerFeature
    public let reason: String
}

/// A candidate peer with its distance, match % and the reasons for it.
public struct PeerMatch: Sendable, Hashable {
    public let peer: String
    /// Weighted root mean square of the feature distances, 0…1.
    public let distance: Double
    /// (1 − distance) × 100.
    public let matchPercent: Double
    public let compared: [FeatureComparison]
    /// Features within the near threshold, nearest first: "why" this city is a peer.
    public let near: [PeerFeature]
    /// "Not compared: …" — features either city lacks or that are not comparable.
    public let notCompared: [NotCompared]
}

/// The peers found, and the candidates left out because too few features could be compared.
public struct PeerResult: Sendable, Hashable {
    public let matches: [PeerMatch]
    public let tooFewFeatures: [String]
}

/// "Cities like mine": a transparent distance over stated features (`BENCHMARKING.md`).
public enum PeerMatcher {
    /// The `limit` nearest candidates to `city`, nearest first (ties by more features compared,
    /// then id). The city itself is skipped.
    public static func peers(
        of city: PeerFeatures, among candidates: [PeerFeatures], weights: PeerWeights = PeerWeights(), limit: Int = 10
    )
        -> PeerResult
    {
        var matches: [PeerMatch] = []
        var tooFew: [String] = []
        for candidate in candidates where candidate.id != city.id {
            if let match = compare(city, candidate, weights: weights) {
                matches.append(match)
            } else {
                tooFew.append(candidate.id)
            }
        }
        matches.sort { lhs, rhs in
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.compared.count != rhs.compared.count { return lhs.compared.count > rhs.compared.count }
            return lhs.peer < rhs.peer
        }
        return PeerResult(matches: Array(matches.prefix(limit)), tooFewFeatures: tooFew)
    }

    /// The match between two cities, or nil when fewer than `weights.minimumCompared` features
    /// with weight > 0 could be compared.
    public static func compare(_ city: PeerFeatures, _ peer: PeerFeatures, weights: PeerWeights = PeerWeights()) -> PeerMatch? {
        var compared: [FeatureComparison] = []
        var notCompared: [NotCompared] = []
        for feature in PeerFeature.allCases where weights.weight(feature) > 0 {
            switch distance(feature, city, peer, weights: weights) {
            case .compared(let comparison): compared.append(comparison)
            case .skipped(let reason): notCompared.append(NotCompared(feature: feature, reason: reason))
            }
        }
        guard compared.count >= max(1, weights.minimumCompared) else { return nil }
        var sum = 0.0
        var total = 0.0
        for comparison in compared {
            let weight = weights.weight(comparison.feature)
            sum += weight * comparison.distance * comparison.distance
            total += weight
        }
        let distance = (sum / total).squareRoot()
        // Nearest first; equal distances keep the order of PeerFeature.allCases.
        let near = compared.enumerated()
            .filter { $0.element.distance <= weights.nearThreshold }
            .sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
            .map(\.element.feature)
        return PeerMatch(
            peer: peer.id, distance: distance, matchPercent: (1 - distance) * 100, compared: compared, near: near,
            notCompared: notCompared)
    }

    private enum Outcome {
        case compared(FeatureComparison)
        case skipped(String)
    }

    private static func distance(_ feature: PeerFeature, _ a: PeerFeatures, _ b: PeerFeatures, weights: PeerWeights) -> Outcome {
        func missing(_ x: Any?, _ y: Any?, _ what: String) -> Outcome {
            if x == nil && y == nil { return .skipped("\(what) is known for neither city") }
            return .skipped("\(what) is not known for \(x == nil ? a.id : b.id)")
        }
        func logRatio(_ x: Double?, _ y: Double?, span: Double, _ what: String) -> Outcome {
            guard let x, let y else { return missing(x, y, what) }
            guard x > 0, y > 0 else { return .skipped("\(what) is not positive for both cities") }
            let d = min(1, abs(log(x / y)) / log(span))
            return .compared(FeatureComparison(feature: feature, distance: d, own: x, peer: y))
        }
        func points(_ x: Double?, _ y: Double?, _ what: String) -> Outcome {
            guard let x, let y else { return missing(x, y, what) }
            let d = min(1, abs(x - y) / weights.sharePointsSpan)
            return .compared(FeatureComparison(feature: feature, distance: d, own: x, peer: y))
        }
        switch feature {
        case .population: return logRatio(a.population, b.population, span: weights.populationRatioSpan, "population")
        case .density: return logRatio(a.density, b.density, span: weights.densityRatioSpan, "density (population and area)")
        case .serviceShare: return points(a.serviceShare, b.serviceShare, "the service share of GDP")
        case .industryShare: return points(a.industryShare, b.industryShare, "the industry share of GDP")
        case .gdpPerPerson:
            guard let x = a.gdpPerPerson, let y = b.gdpPerPerson else {
                return missing(a.gdpPerPerson, b.gdpPerPerson, "GDP per person")
            }
            guard x.currency == y.currency else {
                return .skipped(
                    "GDP per person is in \(x.currency) for \(a.id) and \(y.currency) for \(b.id): no exchange rate is applied")
            }
            return logRatio(x.value, y.value, span: weights.gdpPerPersonRatioSpan, "GDP per person")
        case .emissionsPerPerson:
            guard let x = a.emissionsPerPerson, let y = b.emissionsPerPerson else {
                return missing(a.emissionsPerPerson, b.emissionsPerPerson, "emissions per person")
            }
            guard x.basis == y.basis else {
                return .skipped("emissions per person are on different bases (\(x.basis.label) vs \(y.basis.label))")
            }
            guard abs(x.year - y.year) <= weights.emissionsYearGap else {
                return .skipped(
                    "emissions per person are for \(x.year) and \(y.year), more than \(weights.emissionsYearGap) years apart")
            }
            return logRatio(x.value, y.value, span: weights.emissionsRatioSpan, "emissions per person")
        case .climate:
            return climateDistance(a.climate, b.climate, weights: weights, ids: (a.id, b.id))
        }
    }

    /// Degree days when both cities have both; else Köppen–Geiger zones: same code 0, same main
    /// group and precipitation letter 1/3, same main group 2/3, else 1.
    private static func climateDistance(_ a: Climate?, _ b: Climate?, weights: PeerWeights, ids: (String, String)) -> Outcome {
        guard let a, let b else {
            if a == nil && b == nil { return .skipped("climate is known for neither city") }
            return .skipped("climate is not known for \(a == nil ? ids.0 : ids.1)")
        }
        if let ha = a.heatingDegreeDays, let ca = a.coolingDegreeDays, let hb = b.heatingDegreeDays, let cb = b.coolingDegreeDays
        {
            let h = (ha - hb) / weights.heatingDegreeDaysSpan
            let c = (ca - cb) / weights.coolingDegreeDaysSpan
            let d = min(1, (h * h + c * c).squareRoot())
            return .compared(FeatureComparison(feature: .climate, distance: d, own: ha + ca, peer: hb + cb))
        }
        if let za = a.zone, let zb = b.zone, !za.isEmpty, !zb.isEmpty {
            let x = Array(za)
            let y = Array(zb)
            let d: Double
            if za == zb {
                d = 0
            } else if x.count >= 2 && y.count >= 2 && x[0] == y[0] && x[1] == y[1] {
                d = 1.0 / 3.0
            } else if x[0] == y[0] {
                d = 2.0 / 3.0
            } else {
                d = 1
            }
            return .compared(FeatureComparison(feature: .climate, distance: d, own: nil, peer: nil))
        }
        return .skipped("climate is not described the same way for both cities (zone or degree days)")
    }
}
