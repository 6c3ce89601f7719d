import Foundation
import Indicators

/// `GET /reviews/{id}/moderation`: the lead reviewer and the secretariat set the final marks from
/// the first mark and the city's reply, side by side; a criterion's first reviewer is shown the
/// rule instead of the form.
enum ReviewModerationPage {
    static func render(_ workspace: ReviewWorkspace, csrf: String, chrome: Chrome, refusal: ReviewRefusal? = nil) -> String {
        let t = chrome.t
        let open = workspace.state == .moderation && !workspace.isLate
        return Layout.render(title: t("review.page.moderation"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if !open {
                refusal.any.summary(labels: [:], t: t)
                para(.class("notice")) { t("review.moderation_closed") }
            }
            ReviewMarksTable.render(workspace, t: t)
            if open {
                for item in workspace.criteria?.items ?? [] {
                    let id = item.id.rawValue
                    let mark = workspace.marks[id]
                    Forms.scoped(id) {
                        section(.class("criterion")) {
                            h3 { ReviewPageParts.criterionName(workspace, id, t: t) }
                            if let reviewer = mark?.reviewerID, reviewer == workspace.user?.id {
                                refusal.fill("final", id).summary(labels: [:], t: t)
                                para(.class("hint")) { t("review.error.moderator_is_first_reviewer") }
                            } else {
                                form(.action(Paths.reviewAction(workspace.id, "final")), .post, .class("stack")) {
                                    let fill = refusal.fill("final", id)
                                    Forms.csrf(csrf)
                                    fill.summary(
                                        labels: ["level": t("review.final_mark"), "reason": t("review.final_reason")], t: t)
                                    ReviewPageParts.hidden("criterion", id)
                                    Forms.select(
                                        "level", label: t("review.final_mark"),
                                        options: ReviewPageParts.levelOptions(workspace, id, t: t),
                                        selected: fill.value("level", (mark?.finalLevel ?? mark?.level).map(String.init) ?? ""),
                                        errors: fill.errors, t: t, required: true, blank: "—")
                                    Forms.textArea(
                                        "reason", label: t("review.final_reason"),
                                        value: fill.value("reason", mark?.finalReason ?? ""),
                                        errors: fill.errors, t: t, hint: t("review.final_reason_hint"), rows: 2)
                                    Forms.submit(t("review.save_final"))
                                }
                            }
                        }
                    }
                }
                ReviewRecommendationForm.render(workspace, fill: refusal.fill("recommendations"), csrf: csrf, t: t)
            }
        }
    }
}
