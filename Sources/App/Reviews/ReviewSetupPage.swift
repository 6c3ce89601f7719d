import Foundation
import Indicators

/// `GET /reviews/{id}/setup`: the secretariat accepts or declines, chooses the criteria and the
/// timetable, assigns reviewers (suggested by the matching rule, conflicts already left out),
/// moves the review along, publishes, and corrects a published report.
enum ReviewSetupPage {
    static func render(
        _ workspace: ReviewWorkspace, editions: [FrameworkEntry], suggestions: [ReviewSuggestions.Suggestion], csrf: String,
        chrome: Chrome
    ) -> String {
        let t = chrome.t
        let id = workspace.id
        return Layout.render(title: t("review.page.setup"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if workspace.state == .requested {
                form(.action(Paths.reviewAction(id, "accept")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    h2 { t("review.accept_request") }
                    Forms.select(
                        "edition", label: t("review.criteria_choice"),
                        options: editions.flatMap { framework in
                            framework.editions.filter { $0.state == .published }.map {
                                ($0.id.uuidString, framework.framework.name.resolved(t.locale.rawValue) + " " + $0.version)
                            }
                        },
                        selected: editions.first { $0.slug == "plan-quality" }?.current?.id.uuidString ?? "", errors: [:], t: t,
                        required: true)
                    for stage in ReviewState.stages {
                        Forms.text(
                            "deadline_\(stage.rawValue)",
                            label: t("review.deadline_of", ["stage": t("review.state.\(stage.rawValue)")]),
                            value: "", errors: [:], t: t, type: "date", required: true)
                    }
                    Forms.submit(t("review.accept"))
                }
                form(.action(Paths.reviewAction(id, "decline")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    h2 { t("review.decline_request") }
                    Forms.textArea(
                        "reason", label: t("review.decline_reason"), value: "", errors: [:], t: t, required: true, rows: 2)
                    Forms.submit(t("review.decline"), secondary: true)
                }
            }
            if [.accepted, .selfAssessment, .marking].contains(workspace.state) {
                assignForm(workspace, suggestions: suggestions, csrf: csrf, t: t)
            }
            if !workspace.state.next.isEmpty {
                form(.action(Paths.reviewAction(id, "advance")), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    h2 { t("review.advance") }
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
                    para(.class("hint")) { t("review.publish_hint") }
                    Forms.submit(t("review.publish"))
                }
            }
            if workspace.state == .published { correctionForm(workspace, csrf: csrf, t: t) }
        }
    }

    private static func assignForm(
        _ workspace: ReviewWorkspace, suggestions: [ReviewSuggestions.Suggestion], csrf: String, t: Translator
    ) -> Node {
        form(.action(Paths.reviewAction(workspace.id, "assign")), .post, .class("stack")) {
            Forms.csrf(csrf)
            h2 { t("review.assign") }
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
                }, selected: "", errors: [:], t: t, required: true)
            Forms.select(
                "kind", label: t("review.reviewer_kind"),
                options: ReviewerKind.allCases.map { ($0.rawValue, t("review.reviewer_kind.\($0.rawValue)")) }, selected: "peer",
                errors: [:], t: t, required: true)
            Forms.checkbox("lead", label: t("review.lead"), checked: false, errors: [:], t: t)
            Forms.submit(t("review.assign"))
        }
    }

    private static func correctionForm(_ workspace: ReviewWorkspace, csrf: String, t: Translator) -> Node {
        form(.action(Paths.reviewAction(workspace.id, "correct")), .post, .class("stack")) {
            Forms.csrf(csrf)
            h2 { t("review.correct") }
            para(.class("hint")) { t("review.correct_hint") }
            Forms.select(
                "criterion", label: t("review.criterion"),
                options: (workspace.criteria?.items ?? []).map {
                    ($0.id.rawValue, ReviewPageParts.criterionName(workspace, $0.id.rawValue, t: t))
                }, selected: "", errors: [:], t: t, blank: t("review.no_mark_change"))
            Forms.text("level", label: t("review.final_mark"), value: "", errors: [:], t: t, type: "number")
            Forms.textArea("reason", label: t("review.correction_reason"), value: "", errors: [:], t: t, required: true, rows: 2)
            Forms.submit(t("review.correct"))
        }
    }
}
