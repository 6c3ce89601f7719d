import Foundation
import Indicators

/// Pieces every review page shows: the heading with the illustrative label, the stages with
/// their deadlines, the links to the stage pages the reader may open, and small formatters.
enum ReviewPageParts {
    static func heading(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        .fragment([
            para(.class("hint")) {
                link(.href(Paths.reviews)) { t("review.list_title") }
                " · " + t("review.kind.\(workspace.record.kindRaw)")
            },
            h1 { workspace.record.title + " — " + t.pick(workspace.city.names) },
            illustrative(workspace.record.illustrative, t: t),
            span(.class("badge")) { t("review.state.\(workspace.state.rawValue)") },
        ])
    }

    static func illustrative(_ flag: Bool, t: Translator) -> Node {
        flag ? para(.class("notice")) { strong { t("review.illustrative") } } : .fragment([])
    }

    /// The stages with their deadlines; the current one marked.
    static func timetable(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        guard !workspace.record.deadlines.isEmpty else { return .fragment([]) }
        return table(.class("compact")) {
            caption { t("review.timetable") }
            tbody {
                for stage in ReviewState.stages {
                    tr(
                        .when(stage == workspace.state, .class("current")),
                        .when(stage == workspace.state, .aria("current", "step"))
                    ) {
                        th { t("review.state.\(stage.rawValue)") }
                        td { workspace.record.deadlines[stage.rawValue] ?? "—" }
                        td {
                            if stage == workspace.state && workspace.isLate { strong { t("review.deadline_passed") } }
                        }
                    }
                }
            }
        }
    }

    /// Links to the stage pages this reader may open.
    static func stageLinks(_ workspace: ReviewWorkspace, t: Translator) -> Node {
        let id = workspace.id
        var links: [(String, String)] = [(Paths.review(id), t("review.page.overview"))]
        if workspace.isSecretariat { links.append((Paths.reviewSetup(id), t("review.page.setup"))) }
        if workspace.isReviewer || workspace.isSecretariat { links.append((Paths.reviewMarking(id), t("review.page.marking"))) }
        if workspace.isCityEditor { links.append((Paths.reviewReply(id), t("review.page.reply"))) }
        if workspace.mayModerate { links.append((Paths.reviewModeration(id), t("review.page.moderation"))) }
        guard links.count > 1 else { return .fragment([]) }
        return nav(.class("tabs"), .aria("label", t("review.pages"))) {
            ul(.class("inline")) { for (href, label) in links { li { link(.href(href)) { label } } } }
        }
    }

    static func criterionName(_ workspace: ReviewWorkspace, _ id: String, t: Translator) -> String {
        guard let item = workspace.criteria?.item(id) else { return id }
        return id + " " + item.name.resolved(t.locale.rawValue)
    }

    static func level(_ level: Int?) -> String { level.map(String.init) ?? "—" }

    /// The city's self-assessment scored by the criteria's rule, beside the final marks' score.
    static func selfScore(_ own: AssessmentScores?, finals: AssessmentScores?, t: Translator) -> Node {
        guard let own else { return .fragment([]) }
        return para(.class("self-score")) {
            strong { t("review.self_score") + ": " }
            own.composite.score.map { score($0) } ?? "—"
            if let finals, let final = finals.composite.score { " · " + t("review.final_score") + ": " + score(final) }
            span(.class("hint")) { " " + t("review.self_score_hint") }
        }
    }

    /// A file's size as people read it: bytes under a kilobyte, then KB and MB (one decimal).
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
    }

    /// A 0–100 score for display (one decimal, half away from zero); the stored value keeps full precision.
    static func score(_ score: Double?) -> String {
        guard let score else { return "—" }
        return String(format: "%.1f", (score * 10).rounded(.toNearestOrAwayFromZero) / 10)
    }

    static func evidence(_ items: [ReviewEvidence], t: Translator) -> Node {
        ul(.class("evidence")) {
            for item in items {
                li {
                    switch item.kind {
                    case .link: link(.href(item.reference), .rel("nofollow")) { item.reference }
                    case .page: t("review.evidence.page", ["page": String(item.page ?? 0)])
                    case .record:
                        code { item.reference }
                        " " + t("review.evidence.frozen", ["version": item.recordVersion ?? ""]) + ": " + (item.snapshot ?? "")
                    }
                }
            }
        }
    }

    /// The criterion's level options, each with its descriptor.
    static func levelOptions(_ workspace: ReviewWorkspace, _ id: String, t: Translator) -> [(value: String, label: String)] {
        guard let item = workspace.criteria?.item(id), case .qualitative(let scale) = item.kind else { return [] }
        return scale.levels.map { level in
            let descriptor = scale.descriptors[level]?.resolved(t.locale.rawValue) ?? ""
            return (String(level), "\(level) — \(descriptor)")
        }
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        input(.type("hidden"), .name(name), .value(value))
    }
}
