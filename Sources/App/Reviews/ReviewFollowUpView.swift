import Foundation

/// The follow-up of a review's recommendations: the city's answer, the linked action and dated
/// progress for everyone; the forms for the city's editors once the review is published. Also
/// used for the previous review's recommendations on the next review's page.
enum ReviewFollowUpView {
    static func render(
        _ recommendations: [ReviewRecommendation], updates: [UUID: [RecommendationUpdate]], reviewID: UUID, editable: Bool,
        csrf: String?, t: Translator
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
                    if editable, let csrf, let id = item.id { forms(id, reviewID: reviewID, csrf: csrf, t: t) }
                }
            }
        }
    }

    private static func forms(_ id: UUID, reviewID: UUID, csrf: String, t: Translator) -> Node {
        details {
            summary { t("review.follow_up_update") }
            form(.action(Paths.reviewAction(reviewID, "follow-up")), .post, .class("stack")) {
                Forms.csrf(csrf)
                ReviewPageParts.hidden("recommendation", id.uuidString)
                Forms.select(
                    "response", label: t("review.follow_up"),
                    options: RecommendationResponse.allCases.map { ($0.rawValue, t("review.response.\($0.rawValue)")) },
                    selected: "accepted", errors: [:], t: t, required: true)
                Forms.textArea("reason", label: t("review.response_reason"), value: "", errors: [:], t: t, rows: 2)
                Forms.text("action", label: t("review.action_id"), value: "", errors: [:], t: t)
                Forms.submit(t("review.save"))
            }
            form(.action(Paths.reviewAction(reviewID, "progress")), .post, .class("stack")) {
                Forms.csrf(csrf)
                ReviewPageParts.hidden("recommendation", id.uuidString)
                Forms.text("date", label: t("review.progress_date"), value: "", errors: [:], t: t, type: "date", required: true)
                Forms.textArea("note", label: t("review.progress_note"), value: "", errors: [:], t: t, required: true, rows: 2)
                Forms.submit(t("review.add_progress"))
            }
        }
    }
}
