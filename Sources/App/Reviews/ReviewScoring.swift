import Foundation
import Indicators

/// A review's scores by criterion, group and overall, computed by the indicator scoring
/// (`Edition.score`) from the final marks: the same rule, maxima, weights and exclusions.
enum ReviewScoring {
    static func score(_ criteria: ReviewCriteria, finals: [String: Int], city: CityContext, year: Int) -> AssessmentScores {
        var assessment = Assessment(edition: criteria.edition, year: year, city: city)
        for (criterion, level) in finals { assessment.responses[ItemID(criterion)] = ItemResponse(.level(level)) }
        return criteria.edition.score(assessment)
    }

    /// The status word and reason of one item's result, as the report stores them.
    static func status(_ status: ItemStatus) -> (String, String?) {
        switch status {
        case .scored: ("scored", nil)
        case .missing(let reason): ("missing", reason)
        case .notApplicable(let reason): ("not_applicable", reason)
        case .excluded(let reason): ("excluded", reason)
        case .context: ("context", nil)
        case .deducted: ("deducted", nil)
        }
    }
}
