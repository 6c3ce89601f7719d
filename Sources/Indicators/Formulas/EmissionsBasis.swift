/// Which total an emissions figure is (GPC v1.1: totals of different levels are not comparable,
/// `benchmarking_methods.md` "Rules for comparing emissions"). Raw values match the App's
/// `TotalBasis`.
public enum EmissionsBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// All scope 1 emissions in the boundary (also CEADs' territorial CO2).
    case territorial
    case basic
    case basicPlus = "basic_plus"

    public var label: String {
        switch self {
        case .territorial: "territorial"
        case .basic: "BASIC"
        case .basicPlus: "BASIC+"
        }
    }
}

/// Which gases a total covers. CEADs is CO2 only (`city_series_ne_asia.md`); a GPC inventory
/// covers all seven.
public enum GasCoverage: String, Sendable, Hashable, Codable, CaseIterable {
    case allGHG = "all_ghg"
    case co2Only = "co2_only"
}

/// The IPCC assessment report whose 100-year GWPs turned gases into CO2e.
public enum IPCCReport: String, Sendable, Hashable, Codable, CaseIterable {
    case sar = "SAR"
    case ar4 = "AR4"
    case ar5 = "AR5"
    case ar6 = "AR6"
}

/// The GPC sectors; raw values are the GPC reference numbers.
public enum GPCSector: String, Sendable, Hashable, Codable, CaseIterable {
    case stationaryEnergy = "I"
    case transportation = "II"
    case waste = "III"
    case ippu = "IV"
    case afolu = "V"
    case otherScope3 = "VI"
}

/// Current prices, or constant prices of a base year. GDP at current prices must never be
/// divided across years (`city_series_ne_asia.md`, "Read before computing").
public enum PriceBasis: Sendable, Hashable, Codable, CustomStringConvertible {
    case current
    case constant(year: Int)

    public var description: String {
        switch self {
        case .current: "current prices"
        case .constant(let year): "constant \(year) prices"
        }
    }
}

/// What a figure must share with another to be compared with it: the emissions total, the gases,
/// the GWP set, and for money the currency and price basis. Nil fields do not apply.
public struct ComparisonBasis: Sendable, Hashable, Codable {
    public var emissions: EmissionsBasis?
    public var gases: GasCoverage?
    public var gwp: IPCCReport?
    public var currency: String?
    public var priceBasis: PriceBasis?

    public init(
        emissions: EmissionsBasis? = nil, gases: GasCoverage? = nil, gwp: IPCCReport? = nil, currency: String? = nil,
        priceBasis: PriceBasis? = nil
    ) {
        self.emissions = emissions
        self.gases = gases
        self.gwp = gwp
        self.currency = currency
        self.priceBasis = priceBasis
    }

    /// For figures that are not emissions or money (shares, levels).
    public static let none = ComparisonBasis()

    /// In words, for a page ("BASIC, all greenhouse gases, AR5").
    public var label: String {
        var parts: [String] = []
        if let emissions { parts.append(emissions.label) }
        if let gases { parts.append(gases == .co2Only ? "CO2 only" : "all greenhouse gases") }
        if let gwp { parts.append(gwp.rawValue) }
        if let currency { parts.append(currency) }
        if let priceBasis { parts.append(priceBasis.description) }
        return parts.joined(separator: ", ")
    }
}
