import Foundation

struct CityEditModel: Sendable {
    let city: CityEntry
    let form: CityForm
    let errors: [String: String]
    let facts: [FactRow]
    let factForm: CityFactForm
    let factErrors: [String: String]
    let programmes: [NamedLink]
}

enum CityEditPage {
    static func render(_ model: CityEditModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        let form = model.form
        let errors = model.errors
        return Layout.render(title: t("city.edit_title", ["name": model.city.nameEn]), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(model.city.slug))) { t.pick(model.city.names) } }
            h1 { t("city.edit_title", ["name": t.pick(model.city.names)]) }
            Forms.errorSummary(
                errors, order: CityForm.fieldOrder,
                labels: Forms.nameLabels().merging([
                    "country": t("city.country"), "region": t("city.region"), "latitude": t("city.latitude"),
                    "longitude": t("city.longitude"), "city_type": t("city.type"), "pathways": t("city.pathways"),
                    "programmes": t("city.programmes"), "description": t("city.description"),
                ]) { $1 }, t: t)
            App.form(.class("edit-city"), .action(Paths.editCity(model.city.slug)), .post, .custom("novalidate", nil)) {
                Forms.csrf(csrf)
                fieldset {
                    legend { t("city.names") }
                    for language in ContentLanguage.allCases {
                        Forms.text(
                            "name_\(language.rawValue)", label: language.endonym, value: form.names[language.rawValue] ?? "",
                            errors: errors, t: t, required: language == .en, maxLength: 200, lang: language.rawValue)
                    }
                }
                Forms.select(
                    "country", label: t("city.country"),
                    options: Vocabulary.countries.map { ($0, Components.country($0, t: t)) },
                    selected: form.country, errors: errors, t: t, required: true)
                Forms.text("region", label: t("city.region"), value: form.region, errors: errors, t: t, maxLength: 200)
                Forms.text(
                    "latitude", label: t("city.latitude"), value: form.latitude, errors: errors, t: t,
                    hint: t("city.latitude_hint"))
                Forms.text(
                    "longitude", label: t("city.longitude"), value: form.longitude, errors: errors, t: t,
                    hint: t("city.longitude_hint"))
                Forms.select(
                    "city_type", label: t("city.type"),
                    options: Vocabulary.cityTypes.map { ($0, t("city_type.\($0)")) },
                    selected: form.cityType, errors: errors, t: t, blank: t("common.none"))
                Forms.checkboxes(
                    "pathways", legend: t("city.pathways"),
                    options: Vocabulary.pathways.map { ($0, t("pathway.\($0)")) },
                    selected: form.pathways, errors: errors, t: t)
                Forms.checkboxes(
                    "programmes", legend: t("city.programmes"),
                    options: model.programmes.map { ($0.slug, t.pick($0.names)) },
                    selected: form.programmes, errors: errors, t: t)
                Forms.textArea("description", label: t("city.description"), value: form.details, errors: errors, t: t)
                Forms.submit(t("common.save"))
            }
            section {
                h2 { t("city.facts") }
                para(.class("hint")) { t("city.facts_edit_hint") }
                if !model.facts.isEmpty {
                    CityPages.factsTable(model.facts, t: t, deleteFor: model.city.slug, csrf: csrf)
                }
                h3 { t("fact.add") }
                Forms.errorSummary(
                    model.factErrors, order: CityFactForm.fieldOrder,
                    labels: [
                        "indicator": t("fact.indicator"), "year": t("fact.year"), "value": t("fact.value"),
                        "unit": t("fact.unit"),
                        "source": t("fact.source"),
                    ], t: t)
                App.form(.class("add-fact"), .action(Paths.cityFacts(model.city.slug)), .post) {
                    Forms.csrf(csrf)
                    Forms.select(
                        "indicator", label: t("fact.indicator"),
                        options: Vocabulary.indicators.map { ($0.key, t("indicator.\($0.key)")) },
                        selected: model.factForm.indicator, errors: model.factErrors, t: t, required: true)
                    Forms.text(
                        "year", label: t("fact.year"), value: model.factForm.year, errors: model.factErrors, t: t,
                        required: true, maxLength: 4)
                    Forms.text(
                        "value", label: t("fact.value"), value: model.factForm.value, errors: model.factErrors, t: t,
                        required: true, hint: t("fact.value_hint"))
                    Forms.select(
                        "unit", label: t("fact.unit"),
                        options: Array(Set(Vocabulary.indicators.flatMap(\.units))).sorted().map { ($0, $0) },
                        selected: model.factForm.unit, errors: model.factErrors, t: t, required: true,
                        hint: t("fact.unit_hint"))
                    Forms.text(
                        "source", label: t("fact.source"), value: model.factForm.source, errors: model.factErrors,
                        t: t, required: true, hint: t("fact.source_hint"))
                    Forms.submit(t("fact.add"))
                }
            }
        }
    }
}
