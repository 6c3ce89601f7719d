/// The thresholds of the plausibility checks; both are parameters the secretariat may change.
///
/// CDP's 2019 city data-quality checks compare reported population with an external source and
/// city per-person emissions with the country's; the tolerance is not stated, but in its data
/// differences of +12 to +22 % pass and +54 % is flagged (`benchmarking_methods.md`) [DERIVED].
/// A ratio of 1.5 sits between the two. The per-person threshold of 3 is the platform's choice:
/// city figures legitimately range widely (0.15–34.95 t CO2e, Wei et al. 2021), so only a
/// factor of three from the national figure is treated as suspect.
public struct PlausibilityThresholds: Sendable, Hashable, Codable {
    /// Flag when reported ÷ directory population (or its inverse) exceeds this.
    public var populationRatio: Double
    /// Flag when city ÷ country per-person emissions (or its inverse) exceeds this.
    public var perPersonEmissionsRatio: Double

    public init(populationRatio: Double = 1.5, perPersonEmissionsRatio: Double = 3) {
        self.populationRatio = populationRatio
        self.perPersonEmissionsRatio = perPersonEmissionsRatio
    }
}

/// What the checks compare; any pair not fully known is not checked.
public struct PlausibilityInputs: Sendable, Hashable, Codable {
    /// The population the inventory or report states.
    public var reportedPopulation: Double?
    /// The population in the platform's directory (census) for the same year.
    public var directoryPopulation: Double?
    public var perPersonEmissions: Double?
    /// The country's per-person emissions on a comparable basis.
    public var countryPerPersonEmissions: Double?

    public init(
        reportedPopulation: Double? = nil, directoryPopulation: Double? = nil, perPersonEmissions: Double? = nil,
        countryPerPersonEmissions: Double? = nil
    ) {
        self.reportedPopulation = reportedPopulation
        self.directoryPopulation = directoryPopulation
        self.perPersonEmissions = perPersonEmissions
        self.countryPerPersonEmissions = countryPerPersonEmissions
    }
}

/// A failed plausibility check: the figure is shown with the flag and left out of ranks.
public struct PlausibilityFlag: Sendable, Hashable {
    /// Which comparison failed.
    public enum Check: String, Sendable, Hashable, Codable {
        case population
        case perPersonEmissions = "per_person_emissions"
    }

    public let check: Check
    /// The city's figure ÷ the reference figure.
    public let ratio: Double
    public let threshold: Double

    /// In words, without numbers (the page formats `ratio` with its own rounding).
    public var message: String {
        switch check {
        case .population:
            "the reported population is \(ratio > 1 ? "above" : "below") the directory's by more than the allowed factor"
        case .perPersonEmissions:
            "per-person emissions are \(ratio > 1 ? "above" : "below") the country's by more than the allowed factor"
        }
    }
}

/// Data-quality checks before any rank (`peer_review_methods.md` §7.8).
public enum DataPlausibility {
    /// The flags the inputs raise under the thresholds; empty when every known pair passes.
    public static func check(_ inputs: PlausibilityInputs, thresholds: PlausibilityThresholds = PlausibilityThresholds())
        -> [PlausibilityFlag]
    {
        var flags: [PlausibilityFlag] = []
        func test(_ value: Double?, _ reference: Double?, _ threshold: Double, _ check: PlausibilityFlag.Check) {
            guard let value, let reference, value > 0, reference > 0 else { return }
            let ratio = value / reference
            if ratio > threshold || ratio < 1 / threshold {
                flags.append(PlausibilityFlag(check: check, ratio: ratio, threshold: threshold))
            }
        }
        test(inputs.reportedPopulation, inputs.directoryPopulation, thresholds.populationRatio, .population)
        test(inputs.perPersonEmissions, inputs.countryPerPersonEmissions, thresholds.perPersonEmissionsRatio, .perPersonEmissions)
        return flags
    }
}
