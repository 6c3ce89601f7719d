import Foundation

/// A published report: summary, criteria edition and the scoring rule, scores by group and
/// criterion, first mark / reply / final mark side by side (for participants), strengths and
/// weaknesses, recommendations, reviewers and the versions with their reasons. Plain markup so a
/// browser's "save as PDF" gives a clean document.
enum ReviewReportView {
    static func render(_ report: ReviewReport, workspace: ReviewWorkspace, t: Translator) -> Node {
        let sideBySide = workspace.isParticipant
        return article(report, workspace: workspace, sideBySide: sideBySide, t: t)
    }

    private static func article(_ report: ReviewReport, workspace: ReviewWorkspace, sideBySide: Bool, t: Translator) -> Node {
        section(.class("report")) {
            para(.class("hint")) {
                t("review.report_version", ["version": String(report.version), "date": ISODay.format(report.publishedAt)])
                if !report.reason.isEmpty { " — " + t("review.correction_reason") + ": " + report.reason }
                " · "
                link(.href(Paths.reviewJSON(report.reviewID))) { "JSON" }
            }
            para { report.summary }
            para(.class("hint")) { t("review.criteria_edition", ["framework": report.framework, "edition": report.edition]) }
            h2 { t("review.scores") }
            para {
                strong { t("review.composite") + ": " + ReviewPageParts.score(report.composite) }
                if let reason = report.compositeNotShownReason { " — " + reason }
            }
            details {
                summary { t("review.rule") }
                para { report.rule }
            }
            table {
                thead {
                    tr {
                        th { t("review.criterion") }
                        th { t("review.weight") }
                        if sideBySide { th { t("review.first_mark") } }
                        th { t("review.reply") }
                        th { t("review.final_mark") }
                        th { t("review.score") }
                    }
                }
                tbody {
                    for group in report.groups {
                        tr(.class("group")) {
                            th(.custom("colspan", sideBySide ? "5" : "4")) { group.name }
                            td { ReviewPageParts.score(group.score) }
                        }
                        for criterion in report.criteria where criterion.group == group.id {
                            row(criterion, sideBySide: sideBySide, t: t)
                        }
                    }
                }
            }
            if !report.strengths.isEmpty { para { t("review.strengths") + ": " + report.strengths.joined(separator: ", ") } }
            if !report.weaknesses.isEmpty { para { t("review.weaknesses") + ": " + report.weaknesses.joined(separator: ", ") } }
            h2(.id("recommendations")) { t("review.recommendations") }
            if report.recommendations.isEmpty { para(.class("empty")) { t("review.no_recommendations") } }
            ol {
                for (number, item) in report.recommendations.enumerated() {
                    li(.id(ReviewSearch.anchor(number))) {
                        span(.class("badge")) { t("review.priority.\(item.priority)") }
                        " " + item.text + " (" + item.criterion + (item.gpcRef.map { ", GPC " + $0 } ?? "") + ")"
                    }
                }
            }
            h2 { t("review.reviewers") }
            ul {
                for reviewer in report.reviewers {
                    li {
                        (reviewer.name ?? t("review.anonymous_peer", ["country": t("country.\(reviewer.country ?? "")")]))
                            + " — " + t("review.reviewer_kind.\(reviewer.kind)")
                            + (reviewer.lead ? " (" + t("review.lead") + ")" : "")
                    }
                }
            }
            if workspace.reports.count > 1 {
                h2 { t("review.versions") }
                ul {
                    for version in workspace.reports {
                        li {
                            link(.href(Paths.with(Paths.review(report.reviewID), query: [("version", String(version.version))])))
                            {
                                t(
                                    "review.report_version",
                                    ["version": String(version.version), "date": ISODay.format(version.publishedAt)])
                            }
                            if !version.reason.isEmpty { " — " + version.reason }
                        }
                    }
                }
            }
        }
    }

    private static func row(_ criterion: ReviewReport.Criterion, sideBySide: Bool, t: Translator) -> Node {
        tr {
            td {
                criterion.id + " " + criterion.name
                if !criterion.publicComment.isEmpty {
                    para(.class("hint"), .lang(criterion.commentLanguage)) {
                        // The language the reviewer wrote in, labelled (comments are not translated).
                        span(.class("badge")) {
                            ContentLanguage(rawValue: criterion.commentLanguage)?.endonym ?? criterion.commentLanguage
                        }
                        " " + criterion.publicComment
                    }
                }
            }
            td { String(format: "%g", criterion.weight) }
            if sideBySide { td { ReviewPageParts.level(criterion.firstLevel) + " / " + String(criterion.maxLevel) } }
            td {
                if let reply = criterion.reply {
                    t(reply.agree ? "review.agree" : "review.disagree")
                    if !reply.comment.isEmpty { " — " + reply.comment }
                } else {
                    "—"
                }
            }
            td {
                ReviewPageParts.level(criterion.finalLevel) + " / " + String(criterion.maxLevel)
                if !criterion.finalReason.isEmpty { para(.class("hint")) { criterion.finalReason } }
            }
            td {
                criterion.status == "scored"
                    ? ReviewPageParts.score(criterion.score)
                    : t("review.status.\(criterion.status)") + (criterion.reason.map { ": " + $0 } ?? "")
            }
        }
    }
}
