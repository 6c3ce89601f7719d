import Foundation
import Indicators

/// `GET /reviews/{id}/reply`: the city's page — its self-assessment while that stage is open,
/// then its right of reply to each mark (agree, or disagree with evidence and a comment), with
/// the private notes the reviewers left it.
enum ReviewReplyPage {
    static func render(_ workspace: ReviewWorkspace, csrf: String, chrome: Chrome, refusal: ReviewRefusal? = nil) -> String {
        let t = chrome.t
        return Layout.render(title: t("review.page.reply"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if workspace.isLate || ![.selfAssessment, .reply].contains(workspace.state) {
                refusal.any.summary(labels: [:], t: t)
                para(.class("notice")) { t("review.reply_closed") }
            }
            for item in workspace.criteria?.items ?? [] {
                let id = item.id.rawValue
                let mark = workspace.marks[id]
                Forms.scoped(id) {
                    section(.class("criterion")) {
                        h2 { ReviewPageParts.criterionName(workspace, id, t: t) }
                        if workspace.state == .selfAssessment && !workspace.isLate {
                            form(.action(Paths.reviewAction(workspace.id, "self")), .post, .class("stack")) {
                                let fill = refusal.fill("self", id)
                                Forms.csrf(csrf)
                                fill.summary(labels: ["level": t("review.self_level"), "comment": t("review.comment")], t: t)
                                ReviewPageParts.hidden("criterion", id)
                                Forms.select(
                                    "level", label: t("review.self_level"),
                                    options: ReviewPageParts.levelOptions(workspace, id, t: t),
                                    selected: fill.value("level", mark?.selfLevel.map(String.init) ?? ""), errors: fill.errors,
                                    t: t, required: true, blank: "—")
                                Forms.textArea(
                                    "comment", label: t("review.comment"), value: fill.value("comment", mark?.selfComment ?? ""),
                                    errors: fill.errors, t: t, rows: 2)
                                Forms.submit(t("review.save"))
                            }
                        }
                        if let mark, let level = mark.level, [.reply, .moderation, .published].contains(workspace.state) {
                            para { strong { t("review.first_mark") + ": " + String(level) } }
                            if !mark.publicComment.isEmpty { para(.lang(mark.language)) { mark.publicComment } }
                            if !mark.privateNote.isEmpty {
                                para(.class("hint"), .lang(mark.language)) { t("review.private_note") + ": " + mark.privateNote }
                            }
                            ReviewPageParts.evidence(mark.evidence, t: t)
                            if workspace.state == .reply && !workspace.isLate {
                                replyForm(workspace, id, mark: mark, fill: refusal.fill("replies", id), csrf: csrf, t: t)
                            }
                        }
                    }
                }
            }
        }
    }

    private static func replyForm(
        _ workspace: ReviewWorkspace, _ id: String, mark: ReviewWorkspace.Mark, fill: ReviewFormFill, csrf: String,
        t: Translator
    )
        -> Node
    {
        form(.action(Paths.reviewAction(workspace.id, "replies")), .post, .class("stack")) {
            Forms.csrf(csrf)
            fill.summary(
                labels: ["answer": t("review.reply"), "evidence": t("review.evidence"), "comment": t("review.comment")], t: t)
            ReviewPageParts.hidden("criterion", id)
            Forms.select(
                "answer", label: t("review.reply"), options: [("agree", t("review.agree")), ("disagree", t("review.disagree"))],
                selected: fill.value("answer", mark.reply.map { $0.agree ? "agree" : "disagree" } ?? "agree"),
                errors: fill.errors, t: t, required: true)
            Forms.textArea(
                "evidence", label: t("review.evidence"), value: fill.value("evidence", mark.reply?.evidence ?? ""),
                errors: fill.errors, t: t, hint: t("review.disagree_hint"), rows: 2)
            Forms.textArea(
                "comment", label: t("review.comment"), value: fill.value("comment", mark.reply?.comment ?? ""),
                errors: fill.errors, t: t, rows: 3)
            Forms.submit(t("review.send_reply"))
        }
    }
}
