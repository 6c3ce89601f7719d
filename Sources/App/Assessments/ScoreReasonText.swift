import Indicators

/// Why a composite score is not shown, in the reader's language. The scoring (`Indicators`) states
/// the reason in English for the API; pages say it again from the same numbers — the weight with a
/// value, the applicable weight and the edition's minimum share — so no English sentence sits in a
/// Chinese, Japanese or Korean page.
enum ScoreReasonText {
    static func notShown(present: Double, applicable: Double, minimumShare: Double, t: Translator) -> String {
        guard applicable > 0 else { return t("score.not_shown.no_applicable") }
        return t(
            "score.not_shown.share",
            [
                "present": t.number(present), "applicable": t.number(applicable),
                "share": t.number(minimumShare * 100, maxFractionDigits: 1),
            ])
    }

    /// Nil when the score is shown.
    static func notShown(_ summary: ScoreSummary, t: Translator) -> String? {
        guard summary.score == nil else { return nil }
        return notShown(
            present: summary.weightPresent, applicable: summary.weightApplicable, minimumShare: summary.minimumShare, t: t)
    }
}
