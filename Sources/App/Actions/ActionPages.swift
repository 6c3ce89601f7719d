import CarbonAccounting
import Foundation

enum ActionPages {
    static func list(plan: CityPlan, canEdit: Bool, now: Date, planErrors: [String: String], csrf: String?, chrome: Chrome)
        -> String
    {
        let t = chrome.t
        let cityName = t.pick(plan.cityNames)
        let title = t("actions.city_title", ["city": cityName])
        let due = plan.actions.filter { $0.updateDue(now: now) }
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(plan.citySlug))) { cityName } }
            h1 { title }
            para(.class("lead")) { t("actions.lead") }
            PlanNavigation.links(plan.citySlug, t: t)
            if canEdit {
                para { link(.class("button"), .href(Paths.newAction(plan.citySlug))) { t("actions.add") } }
                if !due.isEmpty {
                    div(.class("notice reminders"), .custom("role", "status")) {
                        h2 { t("actions.reminders", ["count": String(due.count)]) }
                        ul {
                            for action in due {
                                li {
                                    link(.href(Paths.action(plan.citySlug, action.id))) { t.pick(action.titles) }
                                    " — " + t("actions.reminder_text", ["days": String(action.updateEveryDays)])
                                }
                            }
                        }
                    }
                }
            }
            if plan.actions.isEmpty {
                para(.class("empty")) { t("actions.none") }
            } else {
                actionTable(plan.actions, showCity: false, now: now, showDue: canEdit, t: t)
            }
            section {
                h2 { t("plans.title") }
                para(.class("hint")) { t("plans.lead") }
                if plan.plans.isEmpty { para(.class("empty")) { t("plans.none") } }
                for item in plan.plans {
                    let members = plan.actions.filter { $0.planID == item.id }
                    div(.class("plan"), .id("plan-\(item.id.uuidString)")) {
                        h3 { item.title }
                        para(.class("hint")) {
                            item.origin
                            if let drafted = item.draftedOn { " · " + t("plans.drafted", ["date": drafted]) }
                            if let follow = item.followUpBy { " · " + t("plans.follow_up", ["date": follow]) }
                        }
                        if !item.summary.isEmpty { para { item.summary } }
                        if let follow = item.followUpBy, let day = ISODay.parse(follow), day < now,
                            members.allSatisfy({ $0.updates.isEmpty })
                        {
                            para(.class("badge unverified")) { t("plans.follow_up_due") }
                        }
                        if members.isEmpty {
                            para(.class("empty")) { t("plans.no_actions") }
                        } else {
                            ul {
                                for action in members {
                                    li {
                                        link(.href(Paths.action(plan.citySlug, action.id))) { t.pick(action.titles) }
                                        " — " + t("action_status.\(action.status)")
                                        if let latest = action.updates.first {
                                            " · " + t("actions.last_update", ["date": latest.onDate])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if canEdit, let csrf {
                    details(.when(!planErrors.isEmpty, .custom("open", "open"))) {
                        summary { t("plans.add") }
                        if let summary = Forms.errorSummary(planErrors, order: planFields, t: t) { summary }
                        form(.action(Paths.actionPlans(plan.citySlug)), .post, .class("line-form")) {
                            Forms.csrf(csrf)
                            for name in planFields {
                                Forms.text(
                                    name, label: t("plan_field.\(name)"), value: "", errors: planErrors, t: t,
                                    type: name.hasSuffix("_on") || name.hasSuffix("_by") ? "date" : "text",
                                    required: name == "title" || name == "origin", maxLength: name == "summary" ? 2000 : 300)
                            }
                            Forms.submit(t("plans.add"))
                        }
                    }
                }
            }
        }
    }

    static let planFields = ["title", "origin", "drafted_on", "follow_up_by", "summary"]

    static func actionTable(_ actions: [ActionSummary], showCity: Bool, now: Date, showDue: Bool, t: Translator) -> Node {
        table(.class("actions")) {
            thead {
                tr {
                    if showCity { th { t("targets.city") } }
                    th { t("action_field.title") }
                    th { t("action_field.sector") }
                    th { t("action_field.status") }
                    th { t("actions.period") }
                    th(.class("number")) { t("actions.expected") }
                    th(.class("number")) { t("actions.achieved") }
                }
            }
            tbody {
                for action in actions {
                    tr {
                        if showCity { td { link(.href(Paths.cityActions(action.citySlug))) { t.pick(action.cityNames) } } }
                        td {
                            link(.href(Paths.action(action.citySlug, action.id))) { t.pick(action.titles) }
                            para(.class("hint")) { t("action_type.\(action.actionType)") + " · " + action.owner }
                            if showDue && action.updateDue(now: now) {
                                span(.class("badge unverified")) { t("actions.update_due") }
                            }
                        }
                        td { t("sector.\(action.sector.rawValue)") + (action.gpcRef.map { " (\($0))" } ?? "") }
                        td { t("action_status.\(action.status)") }
                        td { "\(action.startYear)–\(action.endYear.map(String.init) ?? "")" }
                        td(.class("number")) { action.expectedReduction.map { t.number($0, maxFractionDigits: 0) } ?? "—" }
                        td(.class("number")) {
                            if let latest = action.latestAchieved {
                                t.number(latest.value, maxFractionDigits: 0)
                                para(.class("hint")) { latest.on }
                            } else {
                                "—"
                            }
                        }
                    }
                }
            }
        }
    }

    static func detail(
        _ action: ActionSummary, plan: PlanSummary?, canEdit: Bool, now: Date, fields: [String: String], errors: [String: String],
        csrf: String?, chrome: Chrome, coBenefits: ActionCoBenefits? = nil
    ) -> String {
        let t = chrome.t
        let title = t.pick(action.titles)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.cityActions(action.citySlug))) { t("actions.city_title", ["city": t.pick(action.cityNames)]) }
            }
            h1 { title }
            Components.languages(action.titles, t: t)
            if canEdit && action.updateDue(now: now) {
                para(.class("notice reminders")) { t("actions.reminder_text", ["days": String(action.updateEveryDays)]) }
            }
            if let description = Components.translated(action.descriptions, t: t) { description }
            dl(.class("facts")) {
                dt { t("action_field.sector") }
                dd { t("sector.\(action.sector.rawValue)") + (action.gpcRef.map { " (\($0))" } ?? "") }
                dt { t("action_field.action_type") }
                dd { t("action_type.\(action.actionType)") }
                dt { t("action_field.owner") }
                dd { action.owner }
                dt { t("action_field.status") }
                dd { t("action_status.\(action.status)") }
                dt { t("actions.period") }
                dd { "\(action.startYear)–\(action.endYear.map(String.init) ?? "")" }
                dt { t("action_field.cost") }
                dd { action.cost.map { "\(t.number($0, maxFractionDigits: 2)) \(action.currency ?? "")" } ?? "—" }
                dt { t("action_field.funding") }
                dd { action.funding.isEmpty ? "—" : action.funding }
                dt { t("actions.expected") }
                dd {
                    if let expected = action.expectedReduction {
                        t(
                            "actions.expected_value",
                            ["value": t.number(expected, maxFractionDigits: 2), "years": String(action.rampUpYears)])
                        para(.class("hint")) { action.reductionMethod }
                    } else if let computed = coBenefits?.co2e {
                        t(
                            "actions.expected_value",
                            ["value": t.number(computed, maxFractionDigits: 2), "years": String(action.rampUpYears)])
                        para(.class("hint")) { t("pollutants.action_computed") }
                    } else {
                        "—"
                    }
                }
                dt { t("action_field.co_benefits") }
                dd { action.coBenefits.isEmpty ? "—" : action.coBenefits.map { t("co_benefit.\($0)") }.joined(separator: ", ") }
                dt { t("action_field.sdgs") }
                dd { action.sdgs.isEmpty ? "—" : action.sdgs.map { "SDG \($0)" }.joined(separator: ", ") }
                if let plan {
                    dt { t("action_field.plan") }
                    dd { link(.href(Paths.cityActions(action.citySlug) + "#plan-\(plan.id.uuidString)")) { plan.title } }
                }
            }
            if let coBenefits { ActionCoBenefitsView.render(coBenefits, t: t) }
            if !action.links.isEmpty {
                h2 { t("action_field.links") }
                ul { for url in action.links { li { link(.href(url), .rel("noopener")) { url } } } }
            }
            section {
                h2 { t("actions.updates") }
                if action.updates.isEmpty { para(.class("empty")) { t("actions.no_updates") } }
                for update in action.updates {
                    div(.class("update")) {
                        h3 { update.onDate + " — " + t("action_status.\(update.status)") }
                        if let achieved = update.achievedReduction {
                            para { t("actions.achieved_value", ["value": t.number(achieved, maxFractionDigits: 2)]) }
                        }
                        if !update.evidence.isEmpty {
                            para(.class("hint")) { t("update_field.evidence") + ": " + update.evidence }
                        }
                        if !update.note.isEmpty { para { update.note } }
                    }
                }
                if canEdit, let csrf {
                    h3 { t("actions.add_update") }
                    if let summary = Forms.errorSummary(errors, order: UpdateInput.fields, t: t) { summary }
                    form(.action(Paths.actionUpdates(action.citySlug, action.id)), .post, .class("line-form")) {
                        Forms.csrf(csrf)
                        Forms.text(
                            "on_date", label: t("update_field.on_date"), value: fields["on_date"] ?? ISODay.format(now),
                            errors: errors,
                            t: t, type: "date", required: true, maxLength: 10)
                        Forms.select(
                            "status", label: t("action_field.status"),
                            options: Vocabulary.actionStatuses.map { ($0, t("action_status.\($0)")) },
                            selected: fields["status"] ?? action.status, errors: errors, t: t, required: true)
                        Forms.text(
                            "achieved_reduction", label: t("update_field.achieved_reduction"),
                            value: fields["achieved_reduction"] ?? "",
                            errors: errors, t: t, type: "number", hint: t("update_hint.achieved_reduction"), maxLength: 30)
                        Forms.text(
                            "evidence", label: t("update_field.evidence"), value: fields["evidence"] ?? "", errors: errors, t: t,
                            hint: t("update_hint.evidence"), maxLength: 2000)
                        Forms.textArea(
                            "note", label: t("update_field.note"), value: fields["note"] ?? "", errors: errors, t: t, rows: 3)
                        Forms.submit(t("actions.add_update"))
                    }
                    para {
                        link(.href(Paths.editAction(action.citySlug, action.id))) { t("actions.edit") }
                    }
                    form(.action(Paths.deleteAction(action.citySlug, action.id)), .post, .class("inline")) {
                        Forms.csrf(csrf)
                        Forms.submit(t("actions.delete"), secondary: true)
                    }
                }
            }
        }
    }

    static func actionForm(
        citySlug: String, cityNames: [String: String], editing: UUID?, plans: [PlanSummary], fields: [String: String],
        errors: [String: String], csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(cityNames)
        let title = editing == nil ? t("actions.add_title", ["city": cityName]) : t("actions.edit_title", ["city": cityName])
        let target = editing.map { Paths.editAction(citySlug, $0) } ?? Paths.newAction(citySlug)
        let benefits = Set(fields["co_benefits", default: ""].split(separator: ";").map(String.init))
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.cityActions(citySlug))) { t("actions.city_title", ["city": cityName]) }
            }
            h1 { title }
            if let summary = Forms.errorSummary(errors, order: ActionForm.fields, t: t) { summary }
            form(.action(target), .post, .class("line-form")) {
                Forms.csrf(csrf)
                fieldset {
                    legend { t("action_field.title") }
                    for language in Vocabulary.contentLanguages {
                        Forms.text(
                            "title_\(language)", label: (ContentLanguage(rawValue: language)?.endonym ?? language),
                            value: fields["title_\(language)"] ?? "", errors: errors,
                            t: t, required: language == "en" && fields.values.allSatisfy(\.isEmpty), maxLength: 300,
                            lang: language)
                    }
                }
                details {
                    summary { t("action_field.description") }
                    for language in Vocabulary.contentLanguages {
                        Forms.textArea(
                            "description_\(language)", label: (ContentLanguage(rawValue: language)?.endonym ?? language),
                            value: fields["description_\(language)"] ?? "",
                            errors: errors, t: t, rows: 4)
                    }
                }
                Forms.select(
                    "sector", label: t("action_field.sector"),
                    options: ForecastPages.sectors.map { ($0.rawValue, t("sector.\($0.rawValue)")) },
                    selected: fields["sector"] ?? "I", errors: errors, t: t, required: true)
                Forms.text(
                    "gpc_ref", label: t("action_field.gpc_ref"), value: fields["gpc_ref"] ?? "", errors: errors, t: t,
                    hint: t("action_hint.gpc_ref"), maxLength: 20)
                Forms.select(
                    "action_type", label: t("action_field.action_type"),
                    options: Vocabulary.actionTypes.map { ($0, t("action_type.\($0)")) },
                    selected: fields["action_type"] ?? "policy",
                    errors: errors, t: t, required: true)
                Forms.text(
                    "owner", label: t("action_field.owner"), value: fields["owner"] ?? "", errors: errors, t: t, required: true,
                    maxLength: 300)
                Forms.select(
                    "status", label: t("action_field.status"),
                    options: Vocabulary.actionStatuses.map { ($0, t("action_status.\($0)")) },
                    selected: fields["status"] ?? "planned", errors: errors, t: t, required: true)
                for name in ["start_year", "end_year", "cost"] {
                    Forms.text(
                        name, label: t("action_field.\(name)"), value: fields[name] ?? "", errors: errors, t: t, type: "number",
                        required: name == "start_year", maxLength: 20)
                }
                Forms.text(
                    "currency", label: t("action_field.currency"), value: fields["currency"] ?? "", errors: errors, t: t,
                    hint: t("action_hint.currency"), maxLength: 3)
                Forms.text(
                    "funding", label: t("action_field.funding"), value: fields["funding"] ?? "", errors: errors, t: t,
                    maxLength: 500)
                Forms.text(
                    "expected_reduction", label: t("action_field.expected_reduction"), value: fields["expected_reduction"] ?? "",
                    errors: errors, t: t, type: "number", hint: t("action_hint.expected_reduction"), maxLength: 30)
                Forms.textArea(
                    "reduction_method", label: t("action_field.reduction_method"), value: fields["reduction_method"] ?? "",
                    errors: errors,
                    t: t, hint: t("action_hint.reduction_method"), rows: 3)
                ActionCoBenefitsView.formRows(fields, errors: errors, t: t)
                Forms.text(
                    "ramp_up_years", label: t("action_field.ramp_up_years"), value: fields["ramp_up_years"] ?? "1",
                    errors: errors, t: t,
                    type: "number", hint: t("action_hint.ramp_up_years"), maxLength: 3)
                Forms.checkboxes(
                    "co_benefits", legend: t("action_field.co_benefits"),
                    options: Vocabulary.coBenefits.map { ($0, t("co_benefit.\($0)")) }, selected: benefits, errors: errors, t: t)
                Forms.text(
                    "sdgs", label: t("action_field.sdgs"), value: fields["sdgs"] ?? "", errors: errors, t: t,
                    hint: t("action_hint.sdgs"), maxLength: 100)
                Forms.textArea(
                    "links", label: t("action_field.links"), value: fields["links"] ?? "", errors: errors, t: t,
                    hint: t("action_hint.links"), rows: 3)
                Forms.text(
                    "update_every_days", label: t("action_field.update_every_days"), value: fields["update_every_days"] ?? "180",
                    errors: errors, t: t, type: "number", hint: t("action_hint.update_every_days"), maxLength: 5)
                Forms.select(
                    "plan", label: t("action_field.plan"), options: plans.map { ($0.id.uuidString, $0.title) },
                    selected: fields["plan"] ?? "", errors: errors, t: t, blank: t("action_hint.no_plan"))
                Forms.submit(t("actions.save"))
            }
        }
    }
}

extension Components {
    /// A record's text in the reader's language; when it falls back to another language, says which.
    static func translated(_ texts: [String: String], t: Translator) -> Node? {
        guard !texts.isEmpty else { return nil }
        let language =
            texts[t.locale.rawValue] != nil ? t.locale.rawValue : (texts["en"] != nil ? "en" : texts.keys.sorted().first!)
        return div(.class("translated"), .lang(language)) {
            if language != t.locale.rawValue {
                para(.class("hint fallback")) {
                    t("content.fallback", ["language": (ContentLanguage(rawValue: language)?.endonym ?? language)])
                }
            }
            for paragraph in texts[language]!.components(separatedBy: "\n\n") { para { paragraph } }
        }
    }

    /// "Available in: English, 中文" for a record's translations.
    static func languages(_ texts: [String: String], t: Translator) -> Node {
        para(.class("hint languages")) {
            t("content.languages") + ": "
                + Vocabulary.contentLanguages.filter { texts[$0] != nil }.map { (ContentLanguage(rawValue: $0)?.endonym ?? $0) }
                .joined(separator: ", ")
        }
    }
}
