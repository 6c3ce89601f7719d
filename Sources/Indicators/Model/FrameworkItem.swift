/// The stable id of a framework item ("LC01", "E1", "TSS12"). Ids never change within a
/// framework; a new edition maps its ids to the previous edition's (``Edition/previousIDs``).
public struct ItemID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    /// Orders ids by their text, for stable listings.
    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a quantitative item gets its value.
public enum Obtain: Sendable, Hashable, Codable {
    /// Computed from platform data by a named formula; never entered by hand.
    case computed(formula: FormulaName)
    /// Entered by the city, with evidence when `evidenceRequired`.
    case entered(evidenceRequired: Bool)
}

/// A measured indicator: value, unit, direction, how it is obtained and how it scores.
public struct QuantitativeSpec: Sendable, Hashable, Codable {
    public var unit: IndicatorUnit
    public var direction: Direction
    public var obtain: Obtain
    /// Nil for a context item (weight 0): its value is shown, never scored.
    public var scoring: ScoringFunction?

    public init(unit: IndicatorUnit, direction: Direction, obtain: Obtain, scoring: ScoringFunction?) {
        self.unit = unit
        self.direction = direction
        self.obtain = obtain
        self.scoring = scoring
    }
}

/// A level scale from 0 to `maxLevel` with a descriptor for every level.
///
/// Each item has its own descriptors: UNDRR's criteria each carry six descriptors, and some are
/// quantified ("> 50 % of facilities fail…"), so one generic scale is not enough
/// (`frameworks/README.md` §1.3).
public struct LevelScale: Sendable, Hashable, Codable {
    public var maxLevel: Int
    /// Descriptor by level, 0…maxLevel, each at least in English.
    public var descriptors: [Int: LocalizedText]
    /// Optional short names by level ("Fully in place").
    public var labels: [Int: LocalizedText]
    public var evidenceRequired: Bool

    public init(
        maxLevel: Int, descriptors: [Int: LocalizedText], labels: [Int: LocalizedText] = [:], evidenceRequired: Bool = true
    ) {
        self.maxLevel = maxLevel
        self.descriptors = descriptors
        self.labels = labels
        self.evidenceRequired = evidenceRequired
    }

    public var levels: ClosedRange<Int> { 0...maxLevel }
}

/// What an item measures and how it is answered.
public enum ItemKind: Sendable, Hashable, Codable {
    case quantitative(QuantitativeSpec)
    case qualitative(LevelScale)
    /// Points taken off, entered as a number from `floor` (negative) to 0 and added to the
    /// group's weighted points as they are; it has no maximum and weight 0. CEUK's negatively
    /// marked questions (`peer_review_methods.md` §3.3, steps 1–4).
    case deduction(floor: Double, evidenceRequired: Bool)

    public var name: String {
        switch self {
        case .quantitative: "quantitative"
        case .qualitative: "qualitative"
        case .deduction: "deduction"
        }
    }
}

/// One item of a framework edition.
public struct FrameworkItem: Sendable, Hashable, Codable, Identifiable {
    public var id: ItemID
    /// The id of its ``FrameworkGroup``.
    public var group: String
    public var name: LocalizedText
    public var description: LocalizedText
    public var kind: ItemKind
    /// Relative weight, ≥ 0. Scores are weighted means, so only ratios between weights matter.
    public var weight: Double
    public var applicability: Applicability
    /// The id of the same item in the previous edition, if it existed there.
    public var previousID: ItemID?
    /// Why the floor, benchmark or thresholds are what they are (required for scored
    /// quantitative items: "publish benchmarks and point functions", `peer_review_methods.md` §7.9).
    public var benchmarkReason: String
    public var source: String
    public var confidence: Confidence

    public init(
        id: ItemID, group: String, name: LocalizedText, description: LocalizedText = LocalizedText(), kind: ItemKind,
        weight: Double, applicability: Applicability = .always, previousID: ItemID? = nil, benchmarkReason: String = "",
        source: String = "", confidence: Confidence = .provisional
    ) {
        self.id = id
        self.group = group
        self.name = name
        self.description = description
        self.kind = kind
        self.weight = weight
        self.applicability = applicability
        self.previousID = previousID
        self.benchmarkReason = benchmarkReason
        self.source = source
        self.confidence = confidence
    }

    /// The formula that computes this item, if it is computed.
    public var formula: FormulaName? {
        if case .quantitative(let spec) = kind, case .computed(let formula) = spec.obtain { return formula }
        return nil
    }

    /// True when a person enters the answer (everything but computed items).
    public var isEntered: Bool { formula == nil }

    /// Whether an entered answer must cite evidence.
    public var evidenceRequired: Bool {
        switch kind {
        case .quantitative(let spec):
            if case .entered(let required) = spec.obtain { return required }
            return false
        case .qualitative(let scale): return scale.evidenceRequired
        case .deduction(_, let required): return required
        }
    }

    /// True for a shown-but-unscored quantitative item (no scoring function).
    public var isContextOnly: Bool {
        if case .quantitative(let spec) = kind { return spec.scoring == nil }
        return false
    }
}
