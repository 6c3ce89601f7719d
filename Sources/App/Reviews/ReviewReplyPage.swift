import Foundation
import Indicators

/// `GET /reviews/{id}/reply`: the city's page — its self-assessment while that stage is open,
/// then its right of reply to each mark (agree, or disagree with evidence and a comment), with
/// the private notes the reviewers left it.
enum ReviewReplyPage {
    static func render(_ workspace: ReviewWorkspace, csrf: String, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("review.page.reply"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if workspace.isLate || ![.selfAssessment, .reply].contains(workspace.state) {
                para(.class("notice")) { t("review.reply_closed") }
            }
            for item in workspace.criteria?.items ?? [] {
                let id = item.id.rawValue
                let mark = workspace.marks[id]
                section(.class("criterion")) {
                    h2 { ReviewPageParts.criterionName(workspace, id, t: t) }
                    if workspace.state == .selfAssessment && !workspace.isLate {
                        form(.action(Paths.reviewAction(workspace.id, "self")), .post, .class("stack")) {
                            Forms.csrf(csrf)
                            ReviewPageParts.hidden("criterion", id)
                            Forms.select(
                                "level", label: t("review.self_level"),
                                options: ReviewPageParts.levelOptions(workspace, id, t: t),
                                selected: mark?.selfLevel.map(String.init) ?? "", errors: [:], t: t, required: true, blank: "—")
                            Forms.textArea(
                                "comment", label: t("review.comment"), value: mark?.selfComment ?? "", errors: [:], t: t, rows: 2)
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
                            replyForm(workspace, id, mark: mark, csrf: csrf, t: t)
                        }
                    }
                }
            }
        }
    }

    private static func replyForm(
        _ workspace: ReviewWorkspace, _ id: String, mark: ReviewWorkspace.Mark, csrf: String, t: Translator
    )
        -> Node
    {
        form(.action(Paths.reviewAction(workspace.id, "replies")), .post, .class("stack")) {
            Forms.csrf(csrf)
            ReviewPageParts.hidden("criterion", id)
            Forms.select(
                "answer", label: t("review.reply"), options: [("agree", t("review.agree")), ("disagree", t("review.disagree"))],
                selected: mark.reply.map { $0.agree ? "agree" : "disagree" } ?? "agree", errors: [:], t: t, required: true)
            Forms.textArea(
                "evidence", label: t("review.evidence"), value: mark.reply?.evidence ?? "", errors: [:], t: t,
                hint: t("review.disagree_hint"), rows: 2)
            Forms.textArea("comment", label: t("review.comment"), value: mark.reply?.comment ?? "", errors: [:], t: t, rows: 3)
            Forms.submit(t("review.send_reply"))
        }
    }
}
