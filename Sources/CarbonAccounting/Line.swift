import Foundation

/// GPC notation keys (GPC v1.1 Table 2.2): used instead of a number, each with its explanation.
public enum NotationKey: String, Sendable, CaseIterable, Codable {
    case notOccurring = "NO"
    case includedElsewhere = "IE"
    case notEstimated = "NE"
    case confidential = "C"

    public var name: String {
        switch self {
        case .notOccurring: "Not occurring"
        case .includedElsewhere: "Included elsewhere"
        case .notEstimated: "Not estimated"
        case .confidential: "Confidential"
        }
    }
}

public enum DataQuality: String, Sendable, CaseIterable, Codable {
    case high = "H"
    case medium = "M"
    case low = "L"
}

/// GPC v1.1 §6.3: location-based scope 2 goes into the totals; a market-based figure is a memo.
public enum Scope2Method: String, Sendable, CaseIterable, Codable {
    case location, market
}

/// How a line's emissions are obtained when it is not plain activity × factor or measured.
public enum WasteMethod: String, Sendable, CaseIterable, Codable {
    case methaneCommitment = "methane_commitment"
    case firstOrderDecay = "first_order_decay"
    case biologicalTreatment = "biological_treatment"
    case incineration
    case openBurning = "open_burning"
    case wastewater
}

public struct Activity: Sendable, Hashable {
    public var value: Double
    public var unit: ActivityUnit
    public init(value: Double, unit: ActivityUnit) {
        self.value = value
        self.unit = unit
    }
}

/// Emission factors of one line, all in one unit (the template's `ef_co2`, `ef_ch4`, `ef_n2o`, `ef_unit`).
public struct Factors: Sendable, Hashable {
    public var co2: Double?
    public var ch4: Double?
    public var n2o: Double?
    public var unit: FactorUnit
    public init(co2: Double? = nil, ch4: Double? = nil, n2o: Double? = nil, unit: FactorUnit) {
        self.co2 = co2
        self.ch4 = ch4
        self.n2o = n2o
        self.unit = unit
    }
}

/// Emissions measured directly, tonnes of each gas: the same shape as what a line computes.
public typealias Measured = GasAmounts

/// One inventory line: the unit of data entry, import, export and calculation.
public struct Line: Sendable, Hashable {
    public var id: String
    public var gpcRef: String
    public var notationKey: NotationKey?
    public var explanation: String
    public var description: String
    public var activity: Activity?
    public var fuel: String
    public var factors: Factors?
    public var measured: Measured
    public var method: WasteMethod?
    /// `name=value;…` as written; parsed when the line is calculated.
    public var parameters: String
    public var scope2Method: Scope2Method
    public var dataQuality: DataQuality?
    public var source: String
    public var comment: String
    /// The library factor (`EmissionFactor.id`) the greenhouse-gas factors were taken from: filled
    /// when a line without factors takes the defaults for its fuel and sub-category, so that an
    /// export says which factors it used. Empty when the factors were typed in.
    public var factorID: String
    /// The road vehicle class, which chooses the EMEP/EEA road factors (on-road lines only).
    public var vehicle: VehicleClass?
    /// Pollutants measured directly, tonnes: each replaces the computed amount of its pollutant.
    public var measuredPollutants: PollutantValues {
        get { pollutants?.measured ?? PollutantValues() }
        set { pollutants = .box(measured: newValue, factors: pollutantFactors) }
    }
    /// City-specific pollutant factors overriding the library's defaults, with source and reason.
    public var pollutantFactors: PollutantFactors? {
        get { pollutants?.factors }
        set { pollutants = .box(measured: measuredPollutants, factors: newValue) }
    }
    var pollutants: LinePollutants?

    public init(
        id: String = "", gpcRef: String, notationKey: NotationKey? = nil, explanation: String = "", description: String = "",
        activity: Activity? = nil, fuel: String = "", factors: Factors? = nil, measured: Measured = Measured(),
        method: WasteMethod? = nil, parameters: String = "", scope2Method: Scope2Method = .location,
        dataQuality: DataQuality? = nil, source: String = "", comment: String = "", factorID: String = "",
        vehicle: VehicleClass? = nil, measuredPollutants: PollutantValues = PollutantValues(),
        pollutantFactors: PollutantFactors? = nil
    ) {
        self.id = id
        self.gpcRef = gpcRef
        self.notationKey = notationKey
        self.explanation = explanation
        self.description = description
        self.activity = activity
        self.fuel = fuel
        self.factors = factors
        self.measured = measured
        self.method = method
        self.parameters = parameters
        self.scope2Method = scope2Method
        self.dataQuality = dataQuality
        self.source = source
        self.comment = comment
        self.factorID = factorID
        self.vehicle = vehicle
        pollutants = .box(measured: measuredPollutants, factors: pollutantFactors)
    }

    public var isMemo: Bool { scope2Method == .market }

    /// Whether the line has anything for the optional template columns.
    var usesOptionalColumns: Bool {
        !factorID.isEmpty || vehicle != nil || pollutants != nil
    }
}
