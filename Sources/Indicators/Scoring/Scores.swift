/// What scoring made of one item.
public enum ItemStatus: Sendable, Hashable {
    /// Scored 0–100.
    case scored(Double)
    /// A value shown for context, never scored (no scoring function, weight 0).
    case context
    /// Points taken off by a deduction item.
    case deducted(Double)
    /// Applicable but without a usable value: out of the denominator, never 0, never best.
    case missing(reason: String)
    /// Removed by an applicability rule, which is named.
    case notApplicable(reason: String)
    /// Explicitly excluded for this city: out of both score and maximum.
    case excluded(reason: String)

    /// The 0–100 score, when scored.
    public var score: Double? {
        if case .scored(let score) = self { return score }
        return nil
    }
}

/// One item's result.
public struct ItemScore: Sendable, Hashable {
    public let item: ItemID
    public let group: String
    public let status: ItemStatus
    /// The weight used (the framework's, or 1 under equal weights).
    public let weight: Double
    /// The value in the item's unit, or the level, when answered.
    public let value: Double?
}

/// A weighted mean over the items that are applicable and present, with how much it rests on.
///
/// "Not shown" is `score == nil` with the reason: no applicable weight, or less than the
/// edition's minimum share of the applicable weight present.
public struct ScoreSummary: Sendable, Hashable {
    /// 0–100 (below 0 only through deductions); nil when not shown.
    public let score: Double?
    public let notShownReason: String?
    /// Items with weight > 0 that were scored: the number the score rests on.
    public let itemsScored: Int
    /// Items with weight > 0 that apply and are not excluded.
    public let itemsApplicable: Int
    public let itemsMissing: Int
    public let itemsNotApplicable: Int
    public let itemsExcluded: Int
    public let weightPresent: Double
    public let weightApplicable: Double
    /// Sum of deduction points included in the score.
    public let deductions: Double
    public let minimumShare: Double

    /// Present ÷ applicable weight, nil when nothing applies.
    public var share: Double? { weightApplicable > 0 ? weightPresent / weightApplicable : nil }
}

/// One group's result.
public struct GroupScore: Sendable, Hashable {
    public let group: String
    public let summary: ScoreSummary
}

/// The scores of one assessment: per item, per group (in the edition's order), and composite.
public struct AssessmentScores: Sendable, Hashable {
    public let items: [ItemScore]
    public let groups: [GroupScore]
    public let composite: ScoreSummary

    /// The result of one item, by id.
    public func item(_ id: ItemID) -> ItemScore? { items.first { $0.item == id } }
    /// The result of one group, by id.
    public func group(_ id: String) -> GroupScore? { groups.first { $0.group == id } }
}

/// Which weights to score with: the framework's, or 1 for every weighted item (the sensitivity
/// view, `peer_review_methods.md` §7.9).
public enum WeightScheme: String, Sendable, Hashable, CaseIterable {
    case framework, equal
}
