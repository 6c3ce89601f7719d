import Foundation

/// The follow-up of a review's recommendations: the city's answer, the linked action and dated
/// progress for everyone; the forms for the city's editors once the review is published. Also
/// used for the previous review's recommendations on the next review's page.
enum ReviewFollowUpView {
    static func render(
        _ recommendations: [ReviewRecommendation], updates: [UUID: [RecommendationUpdate]], reviewID: UUID, editable: Bool,
        csrf: String?, refusal: ReviewRefusal? = nil, t: Translator
    ) -> Node {
        ol(.class("follow-up")) {
            for item in recommendations {
                li {
                    span(.class("badge")) { t("review.priority.\(item.priorityRaw)") }
                    " " + item.text + " (" + item.criterion + ")"
                    para {
                        strong { t("review.follow_up") + ": " }
                        item.response.map { t("review.response.\($0.rawValue)") } ?? t("review.response.none")
                        if !item.responseReason.isEmpty { " — " + item.responseReason }
                    }
                    ul {
                        for update in updates[item.id ?? UUID()] ?? [] { li { update.onDate + ": " + update.note } }
                    }
                    if editable, let csrf, let id = item.id { forms(id, reviewID: reviewID, refusal: refusal, csrf: csrf, t: t) }
                }
            }
        }
    }

    private static func forms(_ id: UUID, reviewID: UUID, refusal: ReviewRefusal?, csrf: String, t: Translator) -> Node {
        let answer = refusal.fill("follow-up", id.uuidString)
        let progress = refusal.fill("progress", id.uuidString)
        // Open when one of its forms was refused, so the person sees why.
        return Forms.scoped(id.uuidString) {
            details(.open(answer.refusal != nil || progress.refusal != nil)) {
                summary { t("review.follow_up_update") }
                form(.action(Paths.reviewAction(reviewID, "follow-up")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    answer.summary(
                        labels: [
                            "response": t("review.follow_up"), "reason": t("review.response_reason"),
                            "action": t("review.action_id"),
                        ], t: t)
                    ReviewPageParts.hidden("recommendation", id.uuidString)
                    Forms.select(
                        "response", label: t("review.follow_up"),
                        options: RecommendationResponse.allCases.map { ($0.rawValue, t("review.response.\($0.rawValue)")) },
                        selected: answer.value("response", "accepted"), errors: answer.errors, t: t, required: true)
                    Forms.textArea(
                        "reason", label: t("review.response_reason"), value: answer.value("reason", ""), errors: answer.errors,
                        t: t,
                        rows: 2)
                    Forms.text(
                        "action", label: t("review.action_id"), value: answer.value("action", ""), errors: answer.errors, t: t)
                    Forms.submit(t("review.save"))
                }
                form(.action(Paths.reviewAction(reviewID, "progress")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    progress.summary(labels: ["date": t("review.progress_date"), "note": t("review.progress_note")], t: t)
                    ReviewPageParts.hidden("recommendation", id.uuidString)
                    Forms.text(
                        "date", label: t("review.progress_date"), value: progress.value("date", ""), errors: progress.errors,
                        t: t,
                        type: "date", required: true)
                    Forms.textArea(
                        "note", label: t("review.progress_note"), value: progress.value("note", ""), errors: progress.errors,
                        t: t,
                        required: true, rows: 2)
                    Forms.submit(t("review.add_progress"))
                }
            }
        }
    }
}
