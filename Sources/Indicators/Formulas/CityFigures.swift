/// Resident (census) or registered (hukou) population: per-person figures use resident
/// population (`city_series_ne_asia.md`: Shenzhen 2010, 2.6 M registered vs ~10.4 M resident).
public enum PopulationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case resident, registered, unknown
}

/// A population count of one year, with its kind and source.
public struct PopulationFigure: Sendable, Hashable {
    public var year: Int
    public var value: Double
    public var kind: PopulationKind
    public var source: String

    public init(year: Int, value: Double, kind: PopulationKind = .resident, source: String) {
        self.year = year
        self.value = value
        self.kind = kind
        self.source = source
    }
}

/// GDP in units of `currency` (not millions).
public struct GDPFigure: Sendable, Hashable {
    public var year: Int
    public var value: Double
    public var currency: String
    public var priceBasis: PriceBasis
    public var source: String

    public init(year: Int, value: Double, currency: String, priceBasis: PriceBasis = .current, source: String) {
        self.year = year
        self.value = value
        self.currency = currency
        self.priceBasis = priceBasis
        self.source = source
    }
}

/// Official real GDP growth of a year over the previous one, in %.
public struct GrowthFigure: Sendable, Hashable {
    public var year: Int
    public var percent: Double
    public var source: String

    public init(year: Int, percent: Double, source: String) {
        self.year = year
        self.percent = percent
        self.source = source
    }
}

/// The city's land area, with its source.
public struct AreaFigure: Sendable, Hashable {
    public var km2: Double
    public var year: Int?
    public var source: String

    public init(km2: Double, year: Int? = nil, source: String) {
        self.km2 = km2
        self.year = year
        self.source = source
    }
}

/// Municipal solid waste of one year, from the inventory's waste lines (tonnes).
public struct WasteFigures: Sendable, Hashable {
    public var year: Int
    public var generatedTonnes: Double?
    public var landfilledTonnes: Double?
    public var source: String

    public init(year: Int, generatedTonnes: Double?, landfilledTonnes: Double?, source: String) {
        self.year = year
        self.generatedTonnes = generatedTonnes
        self.landfilledTonnes = landfilledTonnes
        self.source = source
    }
}

/// A grid electricity emission factor in t CO2/MWh.
public struct GridFactorFigure: Sendable, Hashable {
    public var year: Int
    public var value: Double
    public var source: String

    public init(year: Int, value: Double, source: String) {
        self.year = year
        self.value = value
        self.source = source
    }
}
