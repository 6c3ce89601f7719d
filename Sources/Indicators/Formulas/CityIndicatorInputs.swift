/// Everything the formulas read about one city, filled by the App from its inventories, city
/// facts, actions and targets. Every field may be empty: a formula whose inputs are missing says
/// so and never returns 0.
public struct CityIndicatorInputs: Sendable, Hashable {
    public var inventories: [InventoryFigures]
    public var population: [PopulationFigure]
    public var gdp: [GDPFigure]
    /// Official real GDP growth rates, for intensity change over time.
    public var gdpRealGrowth: [GrowthFigure]
    public var area: AreaFigure?
    public var waste: [WasteFigures]
    public var gridFactors: [GridFactorFigure]
    public var actions: [ActionFigure]
    /// The target the index reads (the city's headline, economy-wide target).
    public var primaryTarget: TargetFigures?
    /// The base year for change since base; when nil, the primary target's base year, else the
    /// earliest inventory on the same basis.
    public var baseYear: Int?

    public init(
        inventories: [InventoryFigures] = [], population: [PopulationFigure] = [], gdp: [GDPFigure] = [],
        gdpRealGrowth: [GrowthFigure] = [], area: AreaFigure? = nil, waste: [WasteFigures] = [],
        gridFactors: [GridFactorFigure] = [], actions: [ActionFigure] = [], primaryTarget: TargetFigures? = nil,
        baseYear: Int? = nil
    ) {
        self.inventories = inventories
        self.population = population
        self.gdp = gdp
        self.gdpRealGrowth = gdpRealGrowth
        self.area = area
        self.waste = waste
        self.gridFactors = gridFactors
        self.actions = actions
        self.primaryTarget = primaryTarget
        self.baseYear = baseYear
    }
}

/// One inventory (or emissions series point) as the formulas need it.
public struct InventoryFigures: Sendable, Hashable {
    public var year: Int
    public var version: Int
    /// Where it comes from ("platform inventory", "CEADs"), shown with every computed value.
    public var source: String
    public var gases: GasCoverage
    /// Nil for CO2-only series, where no GWP is applied.
    public var gwp: IPCCReport?
    /// t CO2e (t CO2 when CO2 only) by basis, for the bases the inventory has.
    public var totals: [EmissionsBasis: Double]
    /// t CO2e by sector on `sectorBasis`, for the sectors reported.
    public var sectors: [GPCSector: Double]
    public var sectorBasis: EmissionsBasis
    /// GPC cells the reporting level requires, and how many are reported (a value or notation key).
    public var requiredCells: Int?
    public var coveredCells: Int?
    /// True when verified, false when not, nil when unknown.
    public var verified: Bool?

    public init(
        year: Int, version: Int = 1, source: String, gases: GasCoverage = .allGHG, gwp: IPCCReport?,
        totals: [EmissionsBasis: Double], sectors: [GPCSector: Double] = [:], sectorBasis: EmissionsBasis = .basic,
        requiredCells: Int? = nil, coveredCells: Int? = nil, verified: Bool? = nil
    ) {
        self.year = year
        self.version = version
        self.source = source
        self.gases = gases
        self.gwp = gwp
        self.totals = totals
        self.sectors = sectors
        self.sectorBasis = sectorBasis
        self.requiredCells = requiredCells
        self.coveredCells = coveredCells
        self.verified = verified
    }
}
