import CarbonAccounting
import Foundation
import Indicators

/// The form a city's editors fill: one block per item — a value in the item's unit or a level of
/// its scale, evidence, a comment, or a reason to exclude it. Computed items show what the
/// platform computed and may only be excluded.
struct AssessmentEditModel: Sendable {
    let cohort: AssessmentCohort
    let view: AssessmentView
    let fields: [String: String]
    let errors: [String: String]
    let problems: [ImportProblem]
}

enum AssessmentEditPage {
    static func render(_ model: AssessmentEditModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        let cohort = model.cohort
        let edition = cohort.edition.edition
        let city = model.view.city
        let title = t(
            "assessment.edit_title",
            ["framework": t.pick(cohort.framework.framework.name), "city": t.pick(city.names), "year": String(cohort.year)])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.assessment(city.slug, cohort.framework.slug, cohort.year))) { t("assessment.back") }
            }
            h1 { title }
            para(.class("hint")) { t("assessment.edit_hint") }
            Components.importProblems(model.problems, t: t)
            form(.action(Paths.editAssessment(city.slug, cohort.framework.slug, cohort.year)), .post, .class("assessment-form")) {
                Forms.csrf(csrf)
                for group in edition.groups {
                    fieldset {
                        legend { t.pick(group.name) }
                        for item in edition.items(inGroup: group.id) {
                            itemFields(item, model: model, t: t)
                        }
                    }
                }
                Forms.submit(t("assessment.save"))
            }
            section {
                h2 { t("assessment.import") }
                para(.class("hint")) {
                    t("assessment.import_hint") + " "
                    link(.href(Paths.assessmentTemplate(cohort.framework.slug, edition.version))) {
                        t("frameworks.assessment_template")
                    }
                }
                Components.uploadForm(
                    action: Paths.importAssessment(city.slug, cohort.framework.slug, cohort.year), csrf: csrf, t: t)
            }
        }
    }

    private static func itemFields(_ item: FrameworkItem, model: AssessmentEditModel, t: Translator) -> Node {
        let id = item.id.rawValue
        let fields = model.fields
        let error = model.errors[id]
        return div(.class(error == nil ? "item-fields" : "item-fields has-error"), .id("item-\(id)")) {
            h3 {
                code { id }
                " "
                t.pick(item.name)
            }
            if let error { para(.class("field-error")) { error } }
            if !item.description.isEmpty { para(.class("hint")) { t.pick(item.description) } }
            if item.isEntered {
                switch item.kind {
                case .quantitative(let spec):
                    Forms.text(
                        "value_\(id)", label: t("assessment.value_in", ["unit": spec.unit.symbol]),
                        value: fields["value_\(id)"] ?? "",
                        errors: [:], t: t, type: "number")
                case .qualitative(let scale):
                    Forms.select(
                        "level_\(id)", label: t("assessment.level_label"),
                        options: scale.levels.map { level in
                            (String(level), "\(level) — " + (scale.descriptors[level].map { t.pick($0) } ?? ""))
                        }, selected: fields["level_\(id)"] ?? "", errors: [:], t: t, blank: t("assessment.no_answer"))
                case .deduction:
                    Forms.text(
                        "value_\(id)", label: t("assessment.points_label"), value: fields["value_\(id)"] ?? "", errors: [:], t: t,
                        type: "number")
                }
                Forms.text(
                    "evidence_\(id)", label: t(item.evidenceRequired ? "assessment.evidence_required" : "assessment.evidence"),
                    value: fields["evidence_\(id)"] ?? "", errors: [:], t: t, hint: t("assessment.evidence_hint"), maxLength: 2000
                )
                Forms.text(
                    "comment_\(id)", label: t("assessment.comment"), value: fields["comment_\(id)"] ?? "", errors: [:], t: t)
            } else {
                para {
                    t("assessment.computed_value") + ": "
                    AssessmentPages.answer(item, response: model.view.assessment.responses[item.id], t: t)
                }
            }
            Forms.text(
                "exclude_\(id)", label: t("assessment.exclude"), value: fields["exclude_\(id)"] ?? "", errors: [:], t: t,
                hint: t("assessment.exclude_hint"))
        }
    }
}

/// A city's assessments: each framework's current edition, the years with a record, and the
/// year the platform can compute now.
enum AssessmentListPage {
    struct Row: Sendable {
        let framework: FrameworkEntry
        let years: [(year: Int, state: AssessmentState)]
    }

    static func render(city: IndicatorCity, rows: [Row], defaultYear: Int, chrome: Chrome) -> String {
        let t = chrome.t
        let cityName = t.pick(city.names)
        return Layout.render(title: t("assessments.city_title", ["city": cityName]), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(city.slug))) { cityName } }
            h1 { t("assessments.city_title", ["city": cityName]) }
            para(.class("lead")) { t("assessments.lead") }
            table {
                thead {
                    tr {
                        th { t("frameworks.name") }
                        th { t("assessments.years") }
                    }
                }
                tbody {
                    for row in rows {
                        tr {
                            td { link(.href(Paths.framework(row.framework.slug))) { t.pick(row.framework.framework.name) } }
                            td {
                                for entry in row.years {
                                    link(.href(Paths.assessment(city.slug, row.framework.slug, entry.year))) {
                                        "\(entry.year) (\(t("assessment_state.\(entry.state.rawValue)")))"
                                    }
                                    " "
                                }
                                if !row.years.contains(where: { $0.year == defaultYear }) {
                                    link(.href(Paths.assessment(city.slug, row.framework.slug, defaultYear))) {
                                        t("assessments.computed_now", ["year": String(defaultYear)])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
