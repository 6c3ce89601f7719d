/// One city's figure for one indicator and year, as benchmark views take it.
public struct IndicatorObservation: Sendable, Hashable {
    public var city: String
    public var value: Double
    public var year: Int
    public var basis: ComparisonBasis
    /// Inputs for the plausibility checks, when the figure is an emissions figure.
    public var plausibility: PlausibilityInputs?

    public init(city: String, value: Double, year: Int, basis: ComparisonBasis = .none, plausibility: PlausibilityInputs? = nil) {
        self.city = city
        self.value = value
        self.year = year
        self.basis = basis
        self.plausibility = plausibility
    }
}

/// When two figures may be compared.
public struct ComparisonRules: Sendable, Hashable, Codable {
    /// What to do with a figure on another GWP set than the reference.
    public enum GWPMismatch: String, Sendable, Hashable, Codable {
        /// Shown with a flag and left out of ranks (issue 11: "re-based from gas-level data when
        /// possible, flagged when not"; the caller re-bases where it can before calling).
        case flag
        /// Left out as not comparable.
        case exclude
    }

    /// Figures more years apart than this are not compared (default 2, our choice: reporting lags
    /// a year or two, while 167 cities' data years spanning 2005–2016 made a raw comparison
    /// meaningless, `benchmarking_methods.md`).
    public var maximumYearGap: Int
    public var gwpMismatch: GWPMismatch

    public init(maximumYearGap: Int = 2, gwpMismatch: GWPMismatch = .flag) {
        self.maximumYearGap = maximumYearGap
        self.gwpMismatch = gwpMismatch
    }
}

/// Why a figure is not compared with the reference.
public enum ComparabilityIssue: Sendable, Hashable, CustomStringConvertible {
    case emissionsBasis(EmissionsBasis?, reference: EmissionsBasis?)
    case gases(GasCoverage?, reference: GasCoverage?)
    case gwp(IPCCReport?, reference: IPCCReport?)
    case currency(String?, reference: String?)
    case priceBasis(PriceBasis?, reference: PriceBasis?)
    case years(Int, reference: Int, maximumGap: Int)
    /// Money at current prices compared across years (never divide current-price GDP across
    /// years, `city_series_ne_asia.md`).
    case currentPricesAcrossYears
    /// A relative change from a base of 0 is undefined.
    case zeroBase
    /// No figure for a year the view needs.
    case noFigure(year: Int)

    public var description: String {
        func text<T: CustomStringConvertible>(_ value: T?) -> String { value?.description ?? "unknown" }
        switch self {
        case .emissionsBasis(let own, let reference):
            return "basis \(own?.label ?? "unknown"), not \(reference?.label ?? "unknown")"
        case .gases(let own, let reference):
            return "gases \(own?.rawValue ?? "unknown"), not \(reference?.rawValue ?? "unknown")"
        case .gwp(let own, let reference):
            return "GWP set \(own?.rawValue ?? "unknown"), not \(reference?.rawValue ?? "unknown"), and not re-based"
        case .currency(let own, let reference):
            return "currency \(text(own)), not \(text(reference)); no exchange rate is applied"
        case .priceBasis(let own, let reference): return "\(text(own)), not \(text(reference))"
        case .years(let own, let reference, let gap): return "year \(own) is more than \(gap) years from \(reference)"
        case .currentPricesAcrossYears: return "money at current prices cannot be compared across years"
        case .zeroBase: return "the earlier figure is 0, so a relative change is undefined"
        case .noFigure(let year): return "no figure for \(year)"
        }
    }

    /// True for a GWP difference, which may be flagged rather than excluded.
    public var isGWP: Bool {
        if case .gwp = self { return true }
        return false
    }
}

/// The rules of a fair comparison (issue 11 "Compare fairly"; `benchmarking_methods.md`).
public enum Comparability {
    /// Everything that keeps a figure from being compared with the reference; empty when it may be.
    /// The GWP set matters only when both cover all greenhouse gases (CO2 has a GWP of 1 in every set).
    public static func issues(
        _ basis: ComparisonBasis, year: Int, against reference: ComparisonBasis, year referenceYear: Int,
        rules: ComparisonRules = ComparisonRules()
    ) -> [ComparabilityIssue] {
        var issues: [ComparabilityIssue] = []
        if basis.emissions != reference.emissions {
            issues.append(.emissionsBasis(basis.emissions, reference: reference.emissions))
        }
        if basis.gases != reference.gases { issues.append(.gases(basis.gases, reference: reference.gases)) }
        if basis.gases == .allGHG && reference.gases == .allGHG && basis.gwp != reference.gwp {
            issues.append(.gwp(basis.gwp, reference: reference.gwp))
        }
        if basis.currency != reference.currency { issues.append(.currency(basis.currency, reference: reference.currency)) }
        if basis.priceBasis != reference.priceBasis {
            issues.append(.priceBasis(basis.priceBasis, reference: reference.priceBasis))
        }
        if abs(year - referenceYear) > rules.maximumYearGap {
            issues.append(.years(year, reference: referenceYear, maximumGap: rules.maximumYearGap))
        }
        return issues
    }
}
