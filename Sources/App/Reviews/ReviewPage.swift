import Foundation
import Indicators

/// `GET /reviews/{id}`: the published report (any version) for everyone; before publication, the
/// review's overview for its participants: the request, documents, reviewers, the marks side by
/// side, and the reviewer's answer to an assignment.
enum ReviewPage {
    static func render(
        _ workspace: ReviewWorkspace, version: Int?, csrf: String?, chrome: Chrome, refusal: ReviewRefusal? = nil
    ) -> String {
        let t = chrome.t
        return Layout.render(title: workspace.record.title, chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            if let report = workspace.reports.first(where: { $0.version == version }) ?? workspace.reports.last {
                ReviewReportView.render(
                    workspace.isParticipant ? report : report.publicView, workspace: workspace, t: t)
                ReviewLearning.peers(workspace.strongPeers, t: t)
                section {
                    h2 { t("review.follow_up") }
                    ReviewFollowUpView.render(
                        workspace.recommendations, updates: workspace.updates, reviewID: workspace.id,
                        editable: workspace.isCityEditor, csrf: csrf, refusal: refusal, t: t)
                }
            } else {
                overview(workspace, csrf: csrf, refusal: refusal, t: t)
            }
        }
    }

    private static func overview(_ workspace: ReviewWorkspace, csrf: String?, refusal: ReviewRefusal?, t: Translator) -> Node {
        .fragment([
            ReviewPageParts.timetable(workspace, t: t),
            workspace.record.declineReason.map { reason in
                para(.class("notice")) { t("review.declined_because") + " " + reason }
            } ?? .fragment([]),
            section {
                h2 { t("review.request") }
                para { workspace.record.summary }
                if !workspace.record.scope.isEmpty { para { t("review.field.scope") + ": " + workspace.record.scope } }
                if !workspace.record.sectors.isEmpty {
                    para { t("review.field.sectors") + ": " + workspace.record.sectors.joined(separator: ", ") }
                }
                if !workspace.record.baseline.isEmpty {
                    dl {
                        for field in ReviewRequestService.baselineFields {
                            if let value = workspace.record.baseline[field] {
                                dt { t("review.field.\(field)") }
                                dd { value }
                            }
                        }
                    }
                }
                if !workspace.documents.isEmpty {
                    ul {
                        for document in workspace.documents {
                            li {
                                if let documentID = document.id {
                                    link(.href(Paths.reviewDocument(workspace.id, documentID))) { document.filename }
                                }
                                " (" + ReviewPageParts.size(document.size) + ")"
                            }
                        }
                    }
                }
            },
            reviewers(workspace, t: t),
            respondForm(workspace, fill: refusal.fill("respond"), csrf: csrf, t: t),
            workspace.criteria == nil ? .fragment([]) : ReviewMarksTable.render(workspace, t: t),
            previous(workspace, t: t),
        ])
    }

    /// The next review shows what happened to the previous review's recommendations.
    private static func previous(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        guard let previous = workspace.previous, let id = previous.review.id else { return .fragment([]) }
        return section {
            h2 { t("review.previous") }
            para { link(.href(Paths.review(id))) { previous.review.title } }
            ReviewFollowUpView.render(
                previous.recommendations, updates: previous.updates, reviewID: id, editable: false, csrf: nil, t: t)
        }
    }

    private static func reviewers(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        section {
            h2 { t("review.reviewers") }
            if workspace.reviewers.isEmpty { para(.class("empty")) { t("review.no_reviewers") } }
            ul {
                for reviewer in workspace.reviewers {
                    li {
                        reviewer.name + " — " + t("review.reviewer_kind.\(reviewer.kind.rawValue)")
                        if reviewer.lead { " (" + t("review.lead") + ")" }
                        " · " + t("review.assignment.\(reviewer.state.rawValue)")
                        if !reviewer.reason.isEmpty { " — " + reviewer.reason }
                    }
                }
            }
        }
    }

    private static func respondForm(_ workspace: ReviewWorkspace, fill: ReviewFormFill, csrf: String?, t: Translator) -> Node {
        guard let csrf, let assignment = workspace.assignment, assignment.state == .invited else { return .fragment([]) }
        return form(.action(Paths.reviewAction(workspace.id, "respond")), .post, .class("stack")) {
            Forms.csrf(csrf)
            h2 { t("review.respond") }
            fill.summary(labels: ["decision": t("review.decision"), "reason": t("review.decline_reason")], t: t)
            Forms.select(
                "decision", label: t("review.decision"),
                options: [("accept", t("review.accept")), ("decline", t("review.decline"))],
                selected: fill.value("decision", "accept"), errors: fill.errors, t: t, required: true)
            Forms.checkbox(
                "show_name", label: t("review.show_name"), checked: fill.checked("show_name", false), errors: fill.errors, t: t)
            Forms.textArea(
                "reason", label: t("review.decline_reason"), value: fill.value("reason", ""), errors: fill.errors, t: t, rows: 2)
            Forms.submit(t("review.send"))
        }
    }
}

/// The marks side by side: self-assessment, first mark, the city's reply, the final mark (and the
/// private note for the city and the secretariat).
enum ReviewMarksTable {
    static func render(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        section {
            h2 { t("review.marks") }
            ReviewPageParts.selfScore(workspace.selfScores(), finals: workspace.scores(), t: t)
            table {
                thead {
                    tr {
                        th { t("review.criterion") }
                        th { t("review.self_level") }
                        th { t("review.first_mark") }
                        th { t("review.reply") }
                        th { t("review.final_mark") }
                    }
                }
                tbody {
                    for item in workspace.criteria?.items ?? [] {
                        let mark = workspace.marks[item.id.rawValue]
                        tr {
                            td { ReviewPageParts.criterionName(workspace, item.id.rawValue, t: t) }
                            td {
                                ReviewPageParts.level(mark?.selfLevel)
                                if let mark, !mark.selfComment.isEmpty { para(.class("hint")) { mark.selfComment } }
                            }
                            td {
                                strong { ReviewPageParts.level(mark?.level) }
                                if let mark, !mark.publicComment.isEmpty {
                                    para(.lang(mark.language)) { mark.publicComment }
                                }
                                if let mark, workspace.seesPrivateNotes, !mark.privateNote.isEmpty {
                                    para(.class("hint"), .lang(mark.language)) {
                                        t("review.private_note") + ": " + mark.privateNote
                                    }
                                }
                                if let mark { ReviewPageParts.evidence(mark.evidence, t: t) }
                            }
                            td {
                                if let reply = mark?.reply {
                                    t(reply.agree ? "review.agree" : "review.disagree")
                                    if !reply.comment.isEmpty { para { reply.comment } }
                                    if !reply.evidence.isEmpty { para(.class("hint")) { reply.evidence } }
                                } else {
                                    "—"
                                }
                            }
                            td {
                                strong { ReviewPageParts.level(mark?.finalLevel) }
                                if let mark, !mark.finalReason.isEmpty { para { mark.finalReason } }
                            }
                        }
                    }
                }
            }
        }
    }
}
