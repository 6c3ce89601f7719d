import Foundation
import Indicators

/// `GET /reviews/{id}/setup`: the secretariat accepts or declines, chooses the criteria and the
/// timetable, assigns reviewers (suggested by the matching rule, conflicts already left out),
/// moves the review along, publishes, and corrects a published report.
enum ReviewSetupPage {
    static func render(
        _ workspace: ReviewWorkspace, editions: [FrameworkEntry], suggestions: [ReviewSuggestions.Suggestion], csrf: String,
        chrome: Chrome, refusal: ReviewRefusal? = nil
    ) -> String {
        let t = chrome.t
        let id = workspace.id
        return Layout.render(title: t("review.page.setup"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if workspace.state == .requested {
                form(.action(Paths.reviewAction(id, "accept")), .post, .class("stack")) {
                    let fill = refusal.fill("accept")
                    Forms.csrf(csrf)
                    h2 { t("review.accept_request") }
                    fill.summary(
                        labels: Dictionary(
                            uniqueKeysWithValues: ReviewState.stages.map {
                                ("deadline_\($0.rawValue)", t("review.deadline_of", ["stage": t("review.state.\($0.rawValue)")]))
                            }
                        ).merging(["edition": t("review.criteria_choice")]) { first, _ in first }, t: t)
                    Forms.select(
                        "edition", label: t("review.criteria_choice"),
                        options: editions.flatMap { framework in
                            framework.editions.filter { $0.state == .published }.map {
                                ($0.id.uuidString, framework.framework.name.resolved(t.locale.rawValue) + " " + $0.version)
                            }
                        },
                        selected: fill.value(
                            "edition", editions.first { $0.slug == "plan-quality" }?.current?.id.uuidString ?? ""),
                        errors: fill.errors, t: t, required: true)
                    for stage in ReviewState.stages {
                        Forms.text(
                            "deadline_\(stage.rawValue)",
                            label: t("review.deadline_of", ["stage": t("review.state.\(stage.rawValue)")]),
                            value: fill.value("deadline_\(stage.rawValue)", ""), errors: fill.errors, t: t, type: "date",
                            required: true)
                    }
                    Forms.submit(t("review.accept"))
                }
                form(.action(Paths.reviewAction(id, "decline")), .post, .class("stack")) {
                    let fill = refusal.fill("decline")
                    Forms.csrf(csrf)
                    h2 { t("review.decline_request") }
                    fill.summary(labels: ["reason": t("review.decline_reason")], t: t)
                    Forms.textArea(
                        "reason", label: t("review.decline_reason"), value: fill.value("reason", ""), errors: fill.errors, t: t,
                        required: true, rows: 2)
                    Forms.submit(t("review.decline"), secondary: true)
                }
            }
            if [.accepted, .selfAssessment, .marking].contains(workspace.state) {
                assignForm(workspace, suggestions: suggestions, fill: refusal.fill("assign"), csrf: csrf, t: t)
            }
            if !workspace.state.next.isEmpty {
                form(.action(Paths.reviewAction(id, "advance")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    h2 { t("review.advance") }
                    refusal.fill("advance").summary(labels: ["to": t("review.next_stage")], t: t)
                    Forms.select(
                        "to", label: t("review.next_stage"),
                        options: ReviewState.allCases.filter { workspace.state.next.contains($0) }.map {
                            ($0.rawValue, t("review.state.\($0.rawValue)"))
                        }, selected: "", errors: [:], t: t, required: true)
                    Forms.submit(t("review.advance"))
                }
            }
            if workspace.state == .moderation {
                form(.action(Paths.reviewAction(id, "publish")), .post) {
                    Forms.csrf(csrf)
                    h2 { t("review.publish") }
                    refusal.fill("publish").summary(labels: [:], t: t)
                    para(.class("hint")) { t("review.publish_hint") }
                    Forms.submit(t("review.publish"))
                }
            }
            if workspace.state == .published { correctionForm(workspace, fill: refusal.fill("correct"), csrf: csrf, t: t) }
        }
    }

    private static func assignForm(
        _ workspace: ReviewWorkspace, suggestions: [ReviewSuggestions.Suggestion], fill: ReviewFormFill, csrf: String,
        t: Translator
    ) -> Node {
        form(.action(Paths.reviewAction(workspace.id, "assign")), .post, .class("stack")) {
            Forms.csrf(csrf)
            h2 { t("review.assign") }
            fill.summary(labels: ["reviewer": t("review.reviewer"), "kind": t("review.reviewer_kind")], t: t)
            let missing = workspace.reviewers.filter { $0.state != .accepted }
            if workspace.reviewers.isEmpty || !workspace.reviewers.contains(where: { $0.lead && $0.state == .accepted }) {
                para(.class("notice")) { t("review.missing_lead") }
            }
            if !missing.isEmpty {
                para(.class("hint")) { t("review.missing_answers", ["names": missing.map(\.name).joined(separator: ", ")]) }
            }
            Forms.select(
                "reviewer", label: t("review.reviewer"),
                options: suggestions.map { suggestion in
                    (
                        suggestion.userID.uuidString,
                        "\(suggestion.name) — \(t("review.reviewer_kind.\(suggestion.kind.rawValue)")) · \(suggestion.score): "
                            + suggestion.reasons.map { t($0.key, $0.arguments) }.joined(separator: "; ")
                    )
                }, selected: fill.value("reviewer", ""), errors: fill.errors, t: t, required: true)
            Forms.select(
                "kind", label: t("review.reviewer_kind"),
                options: ReviewerKind.allCases.map { ($0.rawValue, t("review.reviewer_kind.\($0.rawValue)")) },
                selected: fill.value("kind", "peer"), errors: fill.errors, t: t, required: true)
            Forms.checkbox("lead", label: t("review.lead"), checked: fill.checked("lead", false), errors: fill.errors, t: t)
            Forms.submit(t("review.assign"))
        }
    }

    private static func correctionForm(_ workspace: ReviewWorkspace, fill: ReviewFormFill, csrf: String, t: Translator)
        -> Node
    {
        form(.action(Paths.reviewAction(workspace.id, "correct")), .post, .class("stack")) {
            Forms.csrf(csrf)
            h2 { t("review.correct") }
            fill.summary(
                labels: [
                    "criterion": t("review.criterion"), "level": t("review.final_mark"), "reason": t("review.correction_reason"),
                ], t: t)
            para(.class("hint")) { t("review.correct_hint") }
            Forms.select(
                "criterion", label: t("review.criterion"),
                options: (workspace.criteria?.items ?? []).map {
                    ($0.id.rawValue, ReviewPageParts.criterionName(workspace, $0.id.rawValue, t: t))
                }, selected: fill.value("criterion", ""), errors: fill.errors, t: t, blank: t("review.no_mark_change"))
            Forms.text(
                "level", label: t("review.final_mark"), value: fill.value("level", ""), errors: fill.errors, t: t, type: "number")
            Forms.textArea(
                "reason", label: t("review.correction_reason"), value: fill.value("reason", ""), errors: fill.errors, t: t,
                required: true, rows: 2)
            Forms.submit(t("review.correct"))
        }
    }
}
