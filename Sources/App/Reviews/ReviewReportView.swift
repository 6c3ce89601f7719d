import Foundation
import Indicators

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
            subject(report, t: t)
            para(.class("hint")) {
                t("review.criteria_edition", ["framework": frameworkName(report, workspace, t: t), "edition": report.edition])
            }
            h2 { t("review.scores") }
            para {
                strong { t("review.composite") + ": " }
                if let composite = report.composite {
                    ReviewPageParts.score(composite)
                } else {
                    // Why no composite, said again in the reader's language from the report's own numbers.
                    compositeNotShown(report, t: t)
                }
            }
            if sideBySide {
                // Participants: the city's self-assessment scored by the same rule, beside the report's.
                ReviewPageParts.selfScore(
                    workspace.selfScores(levels: report.criteria.reduce(into: [:]) { $0[$1.id] = $1.selfLevel }),
                    finals: nil, t: t)
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
                            th(.custom("colspan", sideBySide ? "5" : "4")) { groupName(group, workspace, t: t) }
                            td { ReviewPageParts.score(group.score) }
                        }
                        for criterion in report.criteria where criterion.group == group.id {
                            row(criterion, name: name(criterion.id, report, workspace, t: t), sideBySide: sideBySide, t: t)
                        }
                    }
                }
            }
            if !report.strengths.isEmpty {
                para {
                    t("review.strengths") + ": "
                        + report.strengths.map { name($0, report, workspace, t: t) }.joined(separator: "; ")
                }
            }
            if !report.weaknesses.isEmpty {
                para {
                    t("review.weaknesses") + ": "
                        + report.weaknesses.map { name($0, report, workspace, t: t) }.joined(separator: "; ")
                }
            }
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
                        (reviewer.name ?? anonymous(reviewer, t: t))
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

    /// A criterion's name in the reader's language from the edition the report was marked on (the
    /// report stores the English name; the edition never changes once published).
    private static func name(_ id: String, _ report: ReviewReport, _ workspace: ReviewWorkspace, t: Translator) -> String {
        if workspace.criteria?.edition.version == report.edition, workspace.criteria?.item(id) != nil {
            return ReviewPageParts.criterionName(workspace, id, t: t)
        }
        return id + " " + (report.criteria.first { $0.id == id }?.name ?? "")
    }

    private static func groupName(_ group: ReviewReport.Group, _ workspace: ReviewWorkspace, t: Translator) -> String {
        workspace.criteria?.edition.groups.first(where: { $0.id == group.id })?.name.resolved(t.locale.rawValue) ?? group.name
    }

    /// The weight with a final mark and the applicable weight (criteria not applicable or
    /// excluded count in neither), as the scoring summed them for the composite.
    static func compositeNotShown(_ report: ReviewReport, t: Translator) -> String {
        let present = report.criteria.filter { $0.status == "scored" }.reduce(0) { $0 + $1.weight }
        let applicable = report.criteria.filter { $0.status == "scored" || $0.status == "missing" }.reduce(0) { $0 + $1.weight }
        return ScoreReasonText.notShown(present: present, applicable: applicable, minimumShare: report.minimumShare, t: t)
    }

    /// What was reviewed, kept in the report: the plan's scope and sectors, or the study's baseline.
    private static func subject(_ report: ReviewReport, t: Translator) -> Node {
        .fragment([
            report.scope.map { scope in para { t("review.field.scope") + ": " + scope } } ?? .fragment([]),
            report.sectors.map { sectors in para { t("review.field.sectors") + ": " + sectors.joined(separator: ", ") } }
                ?? .fragment([]),
            report.baseline.map { baseline in
                section(.class("baseline")) {
                    h2 { t("review.baseline") }
                    dl {
                        for field in ReviewRequestService.baselineFields {
                            if let value = baseline[field] {
                                dt { t("review.field.\(field)") }
                                dd { value }
                            }
                        }
                    }
                }
            } ?? .fragment([]),
        ])
    }

    private static func frameworkName(_ report: ReviewReport, _ workspace: ReviewWorkspace, t: Translator) -> String {
        guard let criteria = workspace.criteria, criteria.frameworkSlug == report.framework else { return report.framework }
        return criteria.edition.framework.name.resolved(t.locale.rawValue)
    }

    /// A reviewer who chose not to be named: "A peer from Japan", "An expert from Japan".
    static func anonymous(_ reviewer: ReviewReport.Reviewer, t: Translator) -> String {
        let key = reviewer.kind == ReviewerKind.expert.rawValue ? "review.anonymous_expert" : "review.anonymous_peer"
        guard let country = reviewer.country, !country.isEmpty else { return t(key + "_nowhere") }
        return t(key, ["country": t("country.\(country)")])
    }

    private static func row(_ criterion: ReviewReport.Criterion, name: String, sideBySide: Bool, t: Translator) -> Node {
        tr {
            td {
                name
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
                    if !reply.evidence.isEmpty { para(.class("hint")) { t("review.evidence") + ": " + reply.evidence } }
                } else {
                    "—"
                }
            }
            td {
                ReviewPageParts.level(criterion.finalLevel) + " / " + String(criterion.maxLevel)
                if !criterion.finalReason.isEmpty { para(.class("hint")) { criterion.finalReason } }
            }
            td {
                if criterion.status == "scored" {
                    ReviewPageParts.score(criterion.score)
                } else {
                    t("review.status.\(criterion.status)")
                    // The scoring's own reason (English), unless it only repeats "missing".
                    if let reason = criterion.reason, criterion.status != "missing" {
                        para(.class("hint"), .lang("en")) { reason }
                    }
                }
            }
        }
    }
}
