extension Edition {
    /// Scores an assessment. The rules, with their sources, are in `SCORING.md`:
    /// - item: its scoring function (quantitative) or level ÷ maximum level × 100 (qualitative);
    /// - group and composite: Σ wᵢ·sᵢ ÷ Σ wᵢ over items that apply and have a score, plus
    ///   100 × deduction points ÷ the same Σ wᵢ;
    /// - shown only when the present weight is at least ``minimumShare`` of the applicable weight.
    public func score(_ assessment: Assessment, weights: WeightScheme = .framework) -> AssessmentScores {
        let itemScores = items.map { item in score(item, in: assessment, weights: weights) }
        let groupScores = groups.map { group in
            GroupScore(group: group.id, summary: summarise(itemScores.filter { $0.group == group.id }))
        }
        return AssessmentScores(items: itemScores, groups: groupScores, composite: summarise(itemScores))
    }

    private func score(_ item: FrameworkItem, in assessment: Assessment, weights: WeightScheme) -> ItemScore {
        let weight = weights == .equal ? (item.weight > 0 ? 1 : 0) : item.weight
        let response = assessment.responses[item.id]
        func result(_ status: ItemStatus, _ value: Double? = nil) -> ItemScore {
            ItemScore(item: item.id, group: item.group, status: status, weight: weight, value: value)
        }
        let answer: (ItemID) -> Double? = { assessment.responses[$0]?.answer.comparable }
        if let reason = item.applicability.exclusionReason(for: assessment.city, answer: answer) {
            return result(.notApplicable(reason: reason), response?.answer.comparable)
        }
        guard let response else { return result(.missing(reason: "no value")) }
        switch (response.answer, item.kind) {
        case (.excluded(let reason), _):
            return result(.excluded(reason: reason))
        case (.missing(let reason), _):
            return result(.missing(reason: reason))
        case (.value(let value), .quantitative(let spec)):
            guard value.isFinite else { return result(.missing(reason: "the value is not a finite number")) }
            guard let scoring = spec.scoring else { return result(.context, value) }
            return result(.scored(scoring.score(value, direction: spec.direction)), value)
        case (.level(let level), .qualitative(let scale)):
            guard scale.levels.contains(level) else {
                return result(.missing(reason: "level \(level) is outside the scale 0–\(scale.maxLevel)"), Double(level))
            }
            return result(.scored(Double(level) / Double(scale.maxLevel) * 100), Double(level))
        case (.points(let points), .deduction(let floor, _)):
            guard points <= 0 && points >= floor else {
                return result(.missing(reason: "\(formatNumber(points)) points is outside \(formatNumber(floor))…0"), points)
            }
            return result(.deducted(points), points)
        default:
            return result(.missing(reason: "the answer does not fit a \(item.kind.name) item"))
        }
    }

    private func summarise(_ scores: [ItemScore]) -> ScoreSummary {
        var weighted = 0.0
        var present = 0.0
        var applicable = 0.0
        var deductions = 0.0
        var scored = 0
        var applicableCount = 0
        var missing = 0
        var notApplicable = 0
        var excluded = 0
        for item in scores {
            switch item.status {
            case .scored(let score):
                weighted += item.weight * score
                present += item.weight
                applicable += item.weight
                if item.weight > 0 {
                    scored += 1
                    applicableCount += 1
                }
            case .missing:
                applicable += item.weight
                if item.weight > 0 {
                    missing += 1
                    applicableCount += 1
                }
            case .deducted(let points): deductions += points
            case .notApplicable: notApplicable += 1
            case .excluded: excluded += 1
            case .context: break
            }
        }
        var score: Double?
        var reason: String?
        if applicable <= 0 {
            reason = "no applicable weighted item"
        } else if present / applicable < minimumShare - Self.shareTolerance {
            reason =
                "only \(formatNumber(present)) of \(formatNumber(applicable)) applicable weight is present, less than the edition's minimum share"
        } else {
            score = (weighted + 100 * deductions) / present
        }
        return ScoreSummary(
            score: score, notShownReason: reason, itemsScored: scored, itemsApplicable: applicableCount, itemsMissing: missing,
            itemsNotApplicable: notApplicable, itemsExcluded: excluded, weightPresent: present, weightApplicable: applicable,
            deductions: deductions, minimumShare: minimumShare)
    }

    /// Shares are compared with this slack so that 2 of 3 weights of 0.2 (0.4 ÷ 0.6000000000000001)
    /// still counts as two thirds.
    static let shareTolerance = 1e-12
}
