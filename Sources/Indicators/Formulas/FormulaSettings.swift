/// Choices the formulas leave to the caller, each with its default and reason.
public struct FormulaSettings: Sendable, Hashable {
    /// The total that per-person, per-GDP, per-area and change figures use. BASIC by default:
    /// every GPC inventory has it, so it is the common ground for comparison.
    public var basis: EmissionsBasis
    /// How many years apart the population may be from the emissions year (CDP data often give
    /// the population of a neighbouring year, `cities_ne_asia.csv`).
    public var populationYearTolerance: Int
    /// The oldest inventory (or waste or grid figure) an assessment year may use, in years.
    public var maximumDataAge: Int
    /// Registered (hukou) population is refused for per-person figures unless this is set.
    public var allowRegisteredPopulation: Bool

    public init(
        basis: EmissionsBasis = .basic, populationYearTolerance: Int = 1, maximumDataAge: Int = 5,
        allowRegisteredPopulation: Bool = false
    ) {
        self.basis = basis
        self.populationYearTolerance = populationYearTolerance
        self.maximumDataAge = maximumDataAge
        self.allowRegisteredPopulation = allowRegisteredPopulation
    }
}
