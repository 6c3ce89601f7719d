import Foundation

/// A published review report, as stored (immutable) and served as JSON. First marks and private
/// notes are never in it for the public: `publicView` drops what only participants may see.
struct ReviewReport: Codable, Sendable, Hashable {
    struct Criterion: Codable, Sendable, Hashable {
        let id: String
        let group: String
        let name: String
        let weight: Double
        let maxLevel: Int
        /// "scored", "missing", "not_applicable" or "excluded", with the reason.
        let status: String
        let reason: String?
        /// 0–100, full precision (round only to show).
        let score: Double?
        let selfLevel: Int?
        let firstLevel: Int?
        let finalLevel: Int?
        let finalReason: String
        let publicComment: String
        let commentLanguage: String
        let evidence: [ReviewEvidence]
        let reply: Reply?
    }

    struct Reply: Codable, Sendable, Hashable {
        let agree: Bool
        let evidence: String
        let comment: String
    }

    struct Group: Codable, Sendable, Hashable {
        let id: String
        let name: String
        let score: Double?
        let notShownReason: String?
    }

    struct Recommendation: Codable, Sendable, Hashable {
        let criterion: String
        let text: String
        let priority: String
        let gpcRef: String?
        let targetID: UUID?
        let actionID: UUID?
    }

    struct Reviewer: Codable, Sendable, Hashable {
        /// The name, when the reviewer chose to be named; otherwise nil and `country` is shown.
        let name: String?
        let country: String?
        let kind: String
        let lead: Bool
    }

    let reviewID: UUID
    let version: Int
    let reason: String
    let publishedAt: Date
    let illustrative: Bool
    let kind: String
    let city: String
    let cityNames: [String: String]
    let title: String
    let summary: String
    /// What the city asked to be reviewed, as it stood at publication: the plan's scope and GPC
    /// sectors, or a study's baseline form. Nil in reports published before they were kept.
    var scope: String? = nil
    var sectors: [String]? = nil
    var baseline: [String: String]? = nil
    let framework: String
    let edition: String
    /// How the scores were computed (the indicator scoring, `SCORING.md`).
    let rule: String
    let composite: Double?
    let compositeNotShownReason: String?
    let minimumShare: Double
    let groups: [Group]
    let criteria: [Criterion]
    let strengths: [String]
    let weaknesses: [String]
    let recommendations: [Recommendation]
    let reviewers: [Reviewer]

    static let rule =
        "Each criterion scores final level ÷ highest level × 100. A group's score and the composite are the weighted mean "
        + "Σ wᵢ·sᵢ ÷ Σ wᵢ over the criteria that apply and have a final mark; a criterion without a final mark is missing "
        + "(left out of both sums, never 0), one excluded by an applicability rule is named with its rule. A score is shown "
        + "only when the weight present is at least the edition's minimum share of the applicable weight."

    /// Without the first marks and the self-assessment: what a visitor sees.
    var publicView: ReviewReport {
        ReviewReport(
            reviewID: reviewID, version: version, reason: reason, publishedAt: publishedAt, illustrative: illustrative,
            kind: kind,
            city: city, cityNames: cityNames, title: title, summary: summary, scope: scope, sectors: sectors, baseline: baseline,
            framework: framework, edition: edition, rule: rule,
            composite: composite, compositeNotShownReason: compositeNotShownReason, minimumShare: minimumShare, groups: groups,
            criteria: criteria.map {
                Criterion(
                    id: $0.id, group: $0.group, name: $0.name, weight: $0.weight, maxLevel: $0.maxLevel, status: $0.status,
                    reason: $0.reason, score: $0.score, selfLevel: nil, firstLevel: nil, finalLevel: $0.finalLevel,
                    finalReason: $0.finalReason, publicComment: $0.publicComment, commentLanguage: $0.commentLanguage,
                    evidence: $0.evidence, reply: $0.reply)
            }, strengths: strengths, weaknesses: weaknesses, recommendations: recommendations, reviewers: reviewers)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
