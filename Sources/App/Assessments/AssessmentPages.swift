import CarbonAccounting
import Foundation
import Indicators

/// A city's assessment page: the composite and group scores with the rule that made them, a chart
/// per group, every item's answer with its evidence, comment and — for computed items — the inputs
/// it used; missing items shown as missing.
struct AssessmentPageModel: Sendable {
    let cohort: AssessmentCohort
    let view: AssessmentView
    let canEdit: Bool
    let canPublish: Bool
}

enum AssessmentPages {
    static func page(_ model: AssessmentPageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let cohort = model.cohort
        let edition = cohort.edition.edition
        let view = model.view
        let city = view.city
        let frameworkName = t.pick(cohort.framework.framework.name)
        let cityName = t.pick(city.names)
        let title = t("assessment.title", ["framework": frameworkName, "city": cityName, "year": String(cohort.year)])
        let base = Paths.assessment(city.slug, cohort.framework.slug, cohort.year)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.city(city.slug))) { cityName }
                " › "
                link(.href(Paths.cityAssessments(city.slug))) { t("assessments.title") }
            }
            h1 { title }
            para(.class("lead")) {
                link(.href(Paths.frameworkEdition(cohort.framework.slug, edition.version))) {
                    t("assessment.edition", ["edition": edition.version])
                }
                " · "
                if let record = view.record {
                    span(.class("badge state-\(record.state.rawValue)")) { t("assessment_state.\(record.state.rawValue)") }
                    " · " + t("assessment.version", ["version": String(record.version)])
                } else {
                    span(.class("badge unverified")) { t("assessment.computed_only") }
                }
            }
            if view.record?.illustrative == true { para(.class("notice illustrative")) { t("assessment.illustrative") } }
            if view.record == nil { para(.class("notice")) { t("assessment.computed_only_hint") } }
            actions(model, base: base, t: t, csrf: chrome.csrfToken)
            composite(model, t: t)
            for group in edition.groups {
                groupSection(group, model: model, t: t)
            }
            section {
                h2 { t("assessment.rule_title") }
                para { t("assessment.rule", ["share": t.number(edition.minimumShare * 100, maxFractionDigits: 0)]) }
            }
        }
    }

    private static func actions(_ model: AssessmentPageModel, base: String, t: Translator, csrf: String?) -> Node {
        let view = model.view
        let cohort = model.cohort
        return para(.class("actions")) {
            if view.record != nil {
                link(.class("button secondary"), .href(Paths.assessmentCSV(view.city.slug, cohort.framework.slug, cohort.year))) {
                    t("assessment.export")
                }
                " "
            }
            if model.canEdit, view.record == nil || view.record?.state == .draft {
                link(.class("button"), .href(Paths.editAssessment(view.city.slug, cohort.framework.slug, cohort.year))) {
                    t(view.record == nil ? "assessment.start" : "assessment.edit")
                }
                " "
            }
            if let csrf, let record = view.record {
                let transitions: [AssessmentService.Transition] =
                    (model.canEdit && record.state == .draft ? [.submit] : [])
                    + (model.canPublish && record.state == .submitted ? [.publish] : [])
                    + (model.canPublish && record.state != .draft ? [.return] : [])
                for transition in transitions {
                    form(
                        .action(Paths.assessmentState(view.city.slug, cohort.framework.slug, cohort.year)), .post,
                        .class("inline")
                    ) {
                        Forms.csrf(csrf)
                        input(.type("hidden"), .name("action"), .value(transition.rawValue))
                        if transition == .return {
                            label(.for("f-comment")) { t("assessment.return_reason") }
                            input(.type("text"), .id("f-comment"), .name("comment"), .required(true), .maxlength(500))
                        }
                        Forms.submit(t("assessment.\(transition.rawValue)"), secondary: transition == .return)
                    }
                }
            }
        }
    }

    private static func composite(_ model: AssessmentPageModel, t: Translator) -> Node {
        let summary = model.view.scores.composite
        let equal = model.view.equalScores.composite
        let sensitivity = model.cohort.sensitivity[model.view.city.slug]
        return section(.class("score-summary")) {
            h2 { t("assessment.composite") }
            para(.class("score")) {
                if let score = summary.score {
                    strong { t.number(score, maxFractionDigits: 1) }
                    " / 100"
                } else {
                    strong { t("assessment.not_shown") }
                    if let reason = ScoreReasonText.notShown(summary, t: t) { " — " + reason }
                }
            }
            para(.class("hint")) {
                t(
                    "assessment.rests_on",
                    [
                        "scored": String(summary.itemsScored), "applicable": String(summary.itemsApplicable),
                        "missing": String(summary.itemsMissing),
                        "share": t.number((summary.share ?? 0) * 100, maxFractionDigits: 0),
                    ])
            }
            para(.class("hint")) {
                t("assessment.equal_weights") + ": "
                    + (equal.score.map { t.number($0, maxFractionDigits: 1) } ?? t("assessment.not_shown"))
                if let sensitivity, let rank = sensitivity.frameworkRank, let equalRank = sensitivity.equalRank {
                    " · "
                        + t(
                            "assessment.sensitivity",
                            [
                                "rank": String(rank), "equal_rank": String(equalRank),
                                "count": String(model.cohort.sensitivity.count),
                            ])
                }
            }
        }
    }

    private static func groupSection(_ group: FrameworkGroup, model: AssessmentPageModel, t: Translator) -> Node {
        let edition = model.cohort.edition.edition
        let items = edition.items(inGroup: group.id)
        let scores = model.view.scores
        let summary = scores.group(group.id)?.summary
        return section(.id("group-\(group.id)")) {
            h2 {
                t.pick(group.name)
                " — "
                summary?.score.map { t.number($0, maxFractionDigits: 1) } ?? t("assessment.not_shown")
            }
            Charts.bars(
                items.map { item in
                    Charts.Bar(
                        label: item.id.rawValue, value: scores.item(item.id)?.status.score, href: "#item-\(item.id.rawValue)")
                }, title: t("assessment.chart", ["group": t.pick(group.name)]), unit: t("assessment.score_unit"), t: t,
                maximum: 100)
            table(.class("items")) {
                thead {
                    tr {
                        th { t("frameworks.item") }
                        th { t("assessment.answer") }
                        th(.class("number")) { t("assessment.score") }
                        th(.class("number")) { t("frameworks.weight") }
                        th { t("assessment.evidence") }
                    }
                }
                tbody {
                    for item in items {
                        itemRow(item, model: model, t: t)
                    }
                }
            }
        }
    }

    private static func itemRow(_ item: FrameworkItem, model: AssessmentPageModel, t: Translator) -> Node {
        let response = model.view.assessment.responses[item.id]
        let score = model.view.scores.item(item.id)
        return tr(.id("item-\(item.id.rawValue)")) {
            td {
                code { item.id.rawValue }
                " "
                t.pick(item.name)
            }
            td { answer(item, response: response, t: t) }
            td(.class("number")) { status(score?.status, t: t) }
            td(.class("number")) { t.number(item.weight) }
            td {
                if let response {
                    for evidence in response.evidence { para { EvidenceLink.node(evidence, city: model.view.city.slug) } }
                    if !response.comment.isEmpty { para(.class("hint")) { response.comment } }
                    if let computed = response.computed {
                        ul(.class("inputs")) {
                            for input in computed.inputs {
                                li { input.role + (input.year.map { " \($0)" } ?? "") + ": " + input.detail }
                            }
                        }
                    }
                }
            }
        }
    }

    static func answer(_ item: FrameworkItem, response: ItemResponse?, t: Translator) -> Node {
        guard let response else { return span(.class("missing")) { t("assessment.missing") } }
        switch response.answer {
        case .value(let value):
            let unit: String =
                if case .quantitative(let spec) = item.kind { spec.unit.symbol } else { "" }
            return .text("\(t.number(value, maxFractionDigits: 3)) \(unit)")
        case .points(let points): return .text(t("assessment.points", ["points": t.number(points)]))
        case .level(let level):
            var text = t("assessment.level", ["level": String(level)])
            if case .qualitative(let scale) = item.kind, let descriptor = scale.descriptors[level] {
                text += " — " + t.pick(descriptor)
            }
            return .text(text)
        case .missing(let reason): return span(.class("missing")) { t("assessment.missing") + ": " + reason }
        case .excluded(let reason): return span(.class("excluded")) { t("assessment.excluded") + ": " + reason }
        }
    }

    static func status(_ status: ItemStatus?, t: Translator) -> String {
        switch status {
        case .scored(let score): t.number(score, maxFractionDigits: 1)
        case .context: t("assessment.context")
        case .deducted(let points): t.number(points)
        case .missing: "—"
        case .notApplicable: t("assessment.not_applicable")
        case .excluded: t("assessment.excluded")
        case nil: "—"
        }
    }
}

/// Evidence as a link where it points somewhere: a web page, or a record of the platform.
enum EvidenceLink {
    static func node(_ evidence: Evidence, city: String) -> Node {
        switch evidence.kind {
        case .link:
            return link(.href(evidence.reference), .rel("noopener nofollow")) { evidence.reference }
        case .document:
            return .text(evidence.reference)
        case .record:
            return path(evidence.reference, city: city).map { href in link(.href(href)) { evidence.reference } }
                ?? .text(evidence.reference)
        }
    }

    /// `inventory:2021`, `action:<id>`, `target:<id>`, `case-study:<slug>`, `publication:<slug>`.
    static func path(_ reference: String, city: String) -> String? {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "inventory": return Int(parts[1]).map { Paths.inventory(city, $0) }
        case "action": return UUID(uuidString: parts[1]).map { Paths.action(city, $0) }
        case "target": return Paths.cityTargets(city)
        case "case-study": return Paths.knowledgeRecord(.caseStudy, parts[1])
        case "publication": return Paths.knowledgeRecord(.publication, parts[1])
        default: return nil
        }
    }
}
