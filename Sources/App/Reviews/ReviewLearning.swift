import FluentKit
import Foundation

/// What the published reviews teach together: per criterion, how cities score (the secretariat's
/// view of where cities are weakest), and for a city weak on a criterion, the peers strong on it
/// (a score of 75 or more in their latest published review: same rule as the report's strengths).
enum ReviewLearning {
    struct CriterionSummary: Sendable, Hashable {
        let criterion: String
        let name: String
        let reviews: Int
        /// Mean of the scored reviews, full precision.
        let mean: Double
        let weak: Int
    }

    struct StrongPeer: Sendable, Hashable {
        let reviewID: UUID
        let cityNames: [String: String]
        let score: Double
    }

    /// The latest version of every published report, one per review.
    static func latestReports(on db: any Database) async throws -> [ReviewReport] {
        let records = try await ReviewReportRecord.query(on: db).sort(\.$number).all()
        var latest: [UUID: ReviewReportRecord] = [:]
        for record in records { latest[record.$request.id] = record }
        return try latest.values.map { try ReviewReport.decoder.decode(ReviewReport.self, from: Data($0.body.utf8)) }
            .sorted { $0.publishedAt < $1.publishedAt }
    }

    /// Criteria by mean score, weakest first (only criteria scored in some review; illustrative
    /// reports are demo data and never counted).
    static func criteria(_ reports: [ReviewReport]) -> [CriterionSummary] {
        var scores: [String: [Double]] = [:]
        var names: [String: String] = [:]
        for report in reports where !report.illustrative {
            for criterion in report.criteria {
                guard let score = criterion.score else { continue }
                scores[criterion.id, default: []].append(score)
                names[criterion.id] = criterion.name
            }
        }
        return scores.map { id, values in
            CriterionSummary(
                criterion: id, name: names[id] ?? id, reviews: values.count, mean: values.reduce(0, +) / Double(values.count),
                weak: values.filter { $0 <= 34 }.count)
        }
        .sorted { ($0.mean, $0.criterion) < ($1.mean, $1.criterion) }
    }

    /// For each of `report`'s weaknesses, other cities strong on that criterion.
    static func strongPeers(for report: ReviewReport, among reports: [ReviewReport]) -> [String: [StrongPeer]] {
        var result: [String: [StrongPeer]] = [:]
        for weakness in report.weaknesses {
            result[weakness] = reports.compactMap { other in
                // Demo data is no evidence for a real city (an illustrative report may point to either).
                guard other.city != report.city, report.illustrative || !other.illustrative,
                    let score = other.criteria.first(where: { $0.id == weakness })?.score,
                    score >= 75
                else { return nil }
                return StrongPeer(reviewID: other.reviewID, cityNames: other.cityNames, score: score)
            }
        }
        return result
    }

    static func summaryTable(_ summaries: [CriterionSummary], t: Translator) -> Node {
        section {
            h2 { t("review.learning_title") }
            para(.class("hint")) { t("review.learning_hint") }
            table {
                thead {
                    tr {
                        th { t("review.criterion") }
                        th { t("review.learning_reviews") }
                        th { t("review.learning_mean") }
                        th { t("review.learning_weak") }
                    }
                }
                tbody {
                    for summary in summaries {
                        tr {
                            td { summary.criterion + " " + summary.name }
                            td { String(summary.reviews) }
                            td { ReviewPageParts.score(summary.mean) }
                            td { String(summary.weak) }
                        }
                    }
                }
            }
        }
    }

    static func peers(_ peers: [String: [StrongPeer]], t: Translator) -> Node {
        let found = peers.filter { !$0.value.isEmpty }
        guard !found.isEmpty else { return .fragment([]) }
        return section {
            h2 { t("review.strong_peers") }
            ul {
                for (criterion, list) in found.sorted(by: { $0.key < $1.key }) {
                    li {
                        criterion + ": "
                        for (index, peer) in list.enumerated() {
                            if index > 0 { ", " }
                            link(.href(Paths.review(peer.reviewID))) { t.pick(peer.cityNames) }
                            " (" + ReviewPageParts.score(peer.score) + ")"
                        }
                    }
                }
            }
        }
    }
}
