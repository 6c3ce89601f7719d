import CarbonAccounting
import Foundation

enum TargetPages {
    /// A city's targets with their progress; editors also get the add and import forms.
    static func list(
        plan: CityPlan, canEdit: Bool, problems: [ImportProblem], csrf: String?, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(plan.cityNames)
        let title = t("targets.city_title", ["city": cityName])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(plan.citySlug))) { cityName } }
            h1 { title }
            para(.class("lead")) { t("targets.lead") }
            PlanNavigation.links(plan.citySlug, t: t)
            if canEdit, let csrf {
                para { link(.class("button"), .href(Paths.newTarget(plan.citySlug))) { t("targets.add") } }
                details(.class("import"), .when(!problems.isEmpty, .custom("open", "open"))) {
                    summary { t("targets.import") }
                    para(.class("hint")) {
                        t("targets.import_hint")
                        " "
                        link(.href(Paths.targetTemplate)) { t("targets.template_title") }
                    }
                    if let summary = Components.importProblems(problems, t: t) { summary }
                    Components.uploadForm(action: Paths.importTargets(plan.citySlug), csrf: csrf, t: t)
                }
            }
            if plan.targets.isEmpty {
                para(.class("empty")) { t("targets.none") }
            } else {
                targetTable(plan.targets, showCity: false, canEdit: canEdit ? csrf : nil, t: t)
            }
        }
    }

    /// Targets with progress; `canEdit` carries the form token when edit and delete buttons are shown.
    static func targetTable(_ targets: [EvaluatedTarget], showCity: Bool, canEdit csrf: String?, t: Translator) -> Node {
        table(.class("targets")) {
            thead {
                tr {
                    if showCity { th { t("targets.city") } }
                    th { t("targets.commitment") }
                    th { t("targets.coverage") }
                    th { t("targets.progress") }
                    th { t("targets.source") }
                    if csrf != nil { th { t("targets.actions") } }
                }
            }
            tbody {
                for item in targets {
                    let row = item.target.row
                    tr(.id("target-\(item.target.id.uuidString)")) {
                        if showCity {
                            td { link(.href(Paths.cityTargets(item.target.citySlug))) { t.pick(item.target.cityNames) } }
                        }
                        td {
                            strong { TargetText.commitment(row, t: t) }
                            para(.class("hint")) {
                                t("target_kind.\(row.target.kind.rawValue)")
                                if row.conditional { " · " + t("targets.conditional") }
                                if let base = row.target.baseValue {
                                    " · " + t("targets.stated_base", ["value": t.number(base, maxFractionDigits: 0)])
                                }
                            }
                            if !row.target.milestones.isEmpty {
                                para(.class("hint")) {
                                    t("targets.milestones") + ": "
                                        + row.target.milestones.map {
                                            "\($0.year): −\(t.number($0.reductionPercent ?? 0, maxFractionDigits: 2)) %"
                                        }.joined(separator: ", ")
                                }
                            }
                        }
                        td { TargetText.coverage(row.coverage, t: t) }
                        td { TargetText.progressCell(item, t: t) }
                        td {
                            para { row.source }
                            if !row.setBy.isEmpty { para(.class("hint")) { t("targets.set_by", ["who": row.setBy]) } }
                            if !row.originalWording.isEmpty {
                                para(.class("hint")) { t("targets.wording") + ": “" + row.originalWording + "”" }
                            }
                            if !row.note.isEmpty { para(.class("hint")) { row.note } }
                        }
                        if let csrf {
                            td {
                                link(.href(Paths.editTarget(item.target.citySlug, item.target.id))) { t("targets.edit") }
                                form(.action(Paths.deleteTarget(item.target.citySlug, item.target.id)), .post, .class("inline")) {
                                    Forms.csrf(csrf)
                                    Forms.submit(t("targets.delete"), secondary: true)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static let formFields = [
        "kind", "base_year", "base_value_tco2e", "target_year", "reduction_percent", "target_level_tco2e", "coverage",
        "gases", "sectors", "gwp_set", "conditional", "milestones", "set_by", "source", "original_wording", "note",
    ]

    static func targetForm(
        citySlug: String, cityNames: [String: String], editing: UUID?, fields: [String: String], errors: [String: String],
        csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(cityNames)
        let title = editing == nil ? t("targets.add_title", ["city": cityName]) : t("targets.edit_title", ["city": cityName])
        let action = editing.map { Paths.editTarget(citySlug, $0) } ?? Paths.newTarget(citySlug)
        let sectors = Set(fields["sectors", default: ""].split(separator: ";").map(String.init))
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.cityTargets(citySlug))) { t("targets.city_title", ["city": cityName]) }
            }
            h1 { title }
            para(.class("lead")) { t("targets.form_lead") }
            if let summary = Forms.errorSummary(errors, order: formFields, labels: labels(t), t: t) { summary }
            form(.action(action), .post, .class("line-form")) {
                Forms.csrf(csrf)
                Forms.select(
                    "kind", label: t("target_field.kind"),
                    options: TargetKind.allCases.map { ($0.rawValue, t("target_kind.\($0.rawValue)")) },
                    selected: fields["kind"] ?? "base_year_absolute", errors: errors, t: t, required: true)
                for name in ["base_year", "base_value_tco2e", "target_year", "reduction_percent", "target_level_tco2e"] {
                    Forms.text(
                        name, label: t("target_field.\(name)"), value: fields[name] ?? "", errors: errors, t: t,
                        type: "number", required: name == "target_year", hint: t("target_hint.\(name)"), maxLength: 30)
                }
                Forms.select(
                    "coverage", label: t("target_field.coverage"),
                    options: [("basic", "BASIC"), ("basic+", "BASIC+"), ("territorial", t("coverage.territorial"))],
                    selected: fields["coverage"] ?? "basic", errors: errors, t: t)
                Forms.select(
                    "gases", label: t("target_field.gases"),
                    options: [("all", t("coverage.all_gases")), ("CO2", t("coverage.co2_only"))],
                    selected: fields["gases"] ?? "all", errors: errors, t: t)
                Forms.checkboxes(
                    "sectors", legend: t("target_field.sectors"),
                    options: Sector.allCases.filter { $0 != .otherScope3 }.map { ($0.rawValue, t("sector.\($0.rawValue)")) },
                    selected: sectors, errors: errors, t: t)
                Forms.select(
                    "gwp_set", label: t("target_field.gwp_set"),
                    options: GWPSet.allCases.map { ($0.rawValue, $0.rawValue) }, selected: fields["gwp_set"] ?? "",
                    errors: errors, t: t, blank: t("target_hint.gwp_set"))
                Forms.checkbox(
                    "conditional", label: t("target_field.conditional"), checked: fields["conditional"] == "true",
                    errors: errors, t: t, value: "true")
                Forms.text(
                    "milestones", label: t("target_field.milestones"), value: fields["milestones"] ?? "", errors: errors, t: t,
                    hint: t("target_hint.milestones"), maxLength: 200)
                Forms.text(
                    "set_by", label: t("target_field.set_by"), value: fields["set_by"] ?? "", errors: errors, t: t, maxLength: 300
                )
                Forms.text(
                    "source", label: t("target_field.source"), value: fields["source"] ?? "", errors: errors, t: t,
                    required: true,
                    maxLength: 1000)
                Forms.textArea(
                    "original_wording", label: t("target_field.original_wording"), value: fields["original_wording"] ?? "",
                    errors: errors, t: t, hint: t("target_hint.original_wording"), rows: 3)
                Forms.textArea("note", label: t("target_field.note"), value: fields["note"] ?? "", errors: errors, t: t, rows: 3)
                Forms.submit(t("targets.save"))
            }
        }
    }

    static func labels(_ t: Translator) -> [String: String] {
        Dictionary(uniqueKeysWithValues: formFields.map { ($0, t("target_field.\($0)")) })
    }
}

/// The links between a city's plan pages.
enum PlanNavigation {
    static func links(_ slug: String, t: Translator) -> Node {
        ul(.class("inline plan-nav")) {
            li { link(.href(Paths.cityTargets(slug))) { t("targets.title") } }
            li { link(.href(Paths.cityForecast(slug))) { t("forecast.title") } }
            li { link(.href(Paths.cityActions(slug))) { t("actions.title") } }
            li { link(.href(Paths.cityRegistry(slug))) { t("registry.city_link") } }
            li { link(.href(Paths.cityInventories(slug))) { t("nav.inventories") } }
        }
    }
}
