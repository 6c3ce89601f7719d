import Foundation
import Indicators

/// `GET /reviews/{id}/marking`: the reviewer's workspace. Each criterion with its level
/// descriptors, the current mark and a form; a criterion another reviewer marked first is shown,
/// not offered. Recommendations below.
enum ReviewMarkingPage {
    static func render(_ workspace: ReviewWorkspace, csrf: String, chrome: Chrome, refusal: ReviewRefusal? = nil) -> String {
        let t = chrome.t
        let open = workspace.state == .marking && workspace.isReviewer && !workspace.isLate
        return Layout.render(title: t("review.page.marking"), chrome: chrome) {
            ReviewPageParts.heading(workspace, t: t)
            ReviewPageParts.stageLinks(workspace, t: t)
            ReviewPageParts.timetable(workspace, t: t)
            if !open {
                refusal.any.summary(labels: [:], t: t)
                para(.class("notice")) { t("review.marking_closed") }
            }
            overview(workspace, t: t)
            for item in workspace.criteria?.items ?? [] {
                let id = item.id.rawValue
                let mark = workspace.marks[id]
                Forms.scoped(id) {
                    section(.class("criterion"), .id(anchor(id))) {
                        h2 { ReviewPageParts.criterionName(workspace, id, t: t) }
                        para(.class("hint")) { item.description.resolved(t.locale.rawValue) }
                        ul { for option in ReviewPageParts.levelOptions(workspace, id, t: t) { li { option.label } } }
                        if let mark, let level = mark.level {
                            para { strong { t("review.first_mark") + ": " + String(level) } }
                            if !mark.publicComment.isEmpty { para(.lang(mark.language)) { mark.publicComment } }
                            ReviewPageParts.evidence(mark.evidence, t: t)
                        }
                        if open && (mark?.reviewerID == nil || mark?.reviewerID == workspace.user?.id) {
                            markForm(workspace, id, mark: mark, fill: refusal.fill("marks", id), csrf: csrf, t: t)
                        } else {
                            refusal.fill("marks", id).summary(labels: [:], t: t)
                        }
                    }
                }
            }
            if open || (workspace.state == .moderation && workspace.mayModerate) {
                ReviewRecommendationForm.render(workspace, fill: refusal.fill("recommendations"), csrf: csrf, t: t)
            }
        }
    }

    /// Where the marking stands, above the long page of forms: how many criteria have a mark, and
    /// each criterion's mark and whose it is, linked to its form.
    private static func overview(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        let items = workspace.criteria?.items ?? []
        guard !items.isEmpty else { return .fragment([]) }
        let marked = items.filter { workspace.marks[$0.id.rawValue]?.level != nil }.count
        return section(.class("marking-overview")) {
            h2 { t("review.marking_overview") }
            para { t("review.marked_count", ["marked": String(marked), "total": String(items.count)]) }
            table(.class("compact")) {
                thead {
                    tr {
                        th(.scope("col")) { t("review.criterion") }
                        th(.scope("col")) { t("review.first_mark") }
                        th(.scope("col")) { t("review.marked_by") }
                    }
                }
                tbody {
                    for item in items {
                        let id = item.id.rawValue
                        let mark = workspace.marks[id]
                        tr {
                            td { link(.href("#" + anchor(id))) { ReviewPageParts.criterionName(workspace, id, t: t) } }
                            td { mark?.level.map(String.init) ?? "—" }
                            td { t("review.marked_by." + markedBy(mark, reader: workspace.user?.id)) }
                        }
                    }
                }
            }
        }
    }

    /// `nobody`, `you` or `other`: whose first mark a criterion has, for its reader.
    static func markedBy(_ mark: ReviewWorkspace.Mark?, reader: UUID?) -> String {
        guard let mark, mark.level != nil, let reviewer = mark.reviewerID else { return "nobody" }
        return reviewer == reader ? "you" : "other"
    }

    private static func anchor(_ criterion: String) -> String {
        "criterion-" + criterion.filter { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    private static func markForm(
        _ workspace: ReviewWorkspace, _ id: String, mark: ReviewWorkspace.Mark?, fill: ReviewFormFill, csrf: String,
        t: Translator
    )
        -> Node
    {
        form(.action(Paths.reviewAction(workspace.id, "marks")), .post, .class("stack")) {
            Forms.csrf(csrf)
            fill.summary(
                labels: [
                    "level": t("review.level"), "evidence": t("review.evidence"), "public_comment": t("review.public_comment"),
                    "private_note": t("review.private_note"), "language": t("review.comment_language"), "why": t("review.why"),
                    "criterion": t("review.criterion"),
                ], t: t)
            ReviewPageParts.hidden("criterion", id)
            Forms.select(
                "level", label: t("review.level"), options: ReviewPageParts.levelOptions(workspace, id, t: t),
                selected: fill.value("level", mark?.level.map(String.init) ?? ""), errors: fill.errors, t: t, required: true,
                blank: "—")
            Forms.textArea(
                "evidence", label: t("review.evidence"),
                value: fill.value("evidence", mark?.evidence.map(\.reference).joined(separator: "\n") ?? ""),
                errors: fill.errors, t: t, hint: t("review.evidence_hint"), rows: 3)
            Forms.textArea(
                "public_comment", label: t("review.public_comment"),
                value: fill.value("public_comment", mark?.publicComment ?? ""),
                errors: fill.errors, t: t)
            Forms.textArea(
                "private_note", label: t("review.private_note"), value: fill.value("private_note", mark?.privateNote ?? ""),
                errors: fill.errors, t: t, hint: t("review.private_note_hint"), rows: 2)
            Forms.select(
                "language", label: t("review.comment_language"),
                options: ContentLanguage.allCases.map { ($0.rawValue, $0.endonym) },
                selected: fill.value("language", mark?.language ?? t.locale.rawValue),
                errors: fill.errors, t: t)
            if mark?.level != nil {
                Forms.text("why", label: t("review.why"), value: fill.value("why", ""), errors: fill.errors, t: t, required: true)
            }
            Forms.submit(t("review.save_mark"))
        }
    }
}

/// A recommendation: text, priority, criterion and, where it applies, a GPC sub-sector, a target
/// or an action of the city.
enum ReviewRecommendationForm {
    static func render(_ workspace: ReviewWorkspace, fill: ReviewFormFill = .none, csrf: String, t: Translator) -> Node {
        section {
            h2 { t("review.recommendations") }
            ol {
                for item in workspace.recommendations {
                    li { t("review.priority.\(item.priorityRaw)") + " · " + item.criterion + " · " + item.text }
                }
            }
            form(.action(Paths.reviewAction(workspace.id, "recommendations")), .post, .class("stack")) {
                Forms.csrf(csrf)
                fill.summary(
                    labels: [
                        "criterion": t("review.criterion"), "text": t("review.recommendation"), "priority": t("review.priority"),
                        "gpc_ref": t("review.gpc_ref"), "target": t("review.target_id"), "action": t("review.action_id"),
                    ], t: t)
                Forms.select(
                    "criterion", label: t("review.criterion"),
                    options: (workspace.criteria?.items ?? []).map {
                        ($0.id.rawValue, ReviewPageParts.criterionName(workspace, $0.id.rawValue, t: t))
                    }, selected: fill.value("criterion", ""), errors: fill.errors, t: t, required: true)
                Forms.textArea(
                    "text", label: t("review.recommendation"), value: fill.value("text", ""), errors: fill.errors, t: t,
                    required: true, rows: 3)
                Forms.select(
                    "priority", label: t("review.priority"),
                    options: RecommendationPriority.allCases.map { ($0.rawValue, t("review.priority.\($0.rawValue)")) },
                    selected: fill.value("priority", "medium"), errors: fill.errors, t: t, required: true)
                Forms.text(
                    "gpc_ref", label: t("review.gpc_ref"), value: fill.value("gpc_ref", ""), errors: fill.errors, t: t,
                    maxLength: 20)
                Forms.text("target", label: t("review.target_id"), value: fill.value("target", ""), errors: fill.errors, t: t)
                Forms.text("action", label: t("review.action_id"), value: fill.value("action", ""), errors: fill.errors, t: t)
                Forms.submit(t("review.add_recommendation"))
            }
        }
    }
}
