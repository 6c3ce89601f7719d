/// One input a computed value used, shown next to it so a reader can trace it.
public struct FormulaInput: Sendable, Hashable, Codable {
    /// What the input is: "inventory", "population", "gdp", "growth", "area", "waste", "grid factor",
    /// "actions", "target".
    public let role: String
    public let year: Int?
    /// The figure and its provenance in words ("2021 version 3, BASIC 12345678 t CO2e, AR5; source …").
    public let detail: String

    public init(role: String, year: Int?, detail: String) {
        self.role = role
        self.year = year
        self.detail = detail
    }
}

/// A computed value in the unit asked for, with the inputs it rests on.
public struct ComputedValue: Sendable, Hashable {
    public let value: Double
    public let unit: IndicatorUnit
    /// The year the value describes (the inventory's, not the assessment's).
    public let year: Int?
    public let basis: ComparisonBasis
    public let inputs: [FormulaInput]

    public init(value: Double, unit: IndicatorUnit, year: Int?, basis: ComparisonBasis, inputs: [FormulaInput]) {
        self.value = value
        self.unit = unit
        self.year = year
        self.basis = basis
        self.inputs = inputs
    }
}

/// A formula's answer: a value, or why there is none. Missing is never 0.
public enum FormulaResult: Sendable, Hashable {
    case value(ComputedValue)
    case missing(reason: String)

    public var computed: ComputedValue? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var missingReason: String? {
        if case .missing(let reason) = self { return reason }
        return nil
    }
}
