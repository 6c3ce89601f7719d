import Foundation

struct ApplyModel: Sendable {
    let form: ApplicationForm
    let errors: [String: String]
    let cities: [(slug: String, name: String)]
}

enum MembershipPages {
    static func apply(_ model: ApplyModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        let form = model.form
        let errors = model.errors
        return Layout.render(title: t("apply.title"), chrome: chrome) {
            h1 { t("apply.title") }
            para(.class("lead")) { t("apply.lead") }
            Forms.errorSummary(
                errors, order: ApplicationForm.fieldOrder,
                labels: [
                    "organisation_name": t("apply.organisation_name"),
                    "organisation_local_name": t("apply.organisation_local_name"),
                    "organisation_type": t("apply.organisation_type"), "country": t("city.country"), "city": t("apply.city"),
                    "city_name": t("apply.city_name"), "contact_name": t("apply.contact_name"),
                    "contact_email": t("apply.contact_email"),
                    "website": t("organisation.website"), "motivation": t("apply.motivation"),
                    "accept_terms": t("apply.accept_terms"),
                ], t: t)
            App.form(.class("apply"), .action(Paths.apply), .post, .custom("novalidate", nil)) {
                Forms.csrf(csrf)
                fieldset {
                    legend { t("apply.organisation") }
                    Forms.text(
                        "organisation_name", label: t("apply.organisation_name"), value: form.organisationName, errors: errors,
                        t: t, required: true, hint: t("apply.organisation_name_hint"), autocomplete: "organization",
                        maxLength: 300)
                    Forms.text(
                        "organisation_local_name", label: t("apply.organisation_local_name"), value: form.organisationLocalName,
                        errors: errors, t: t, hint: t("apply.organisation_local_name_hint"), maxLength: 300)
                    Forms.select(
                        "organisation_type", label: t("apply.organisation_type"),
                        options: Vocabulary.organisationTypes.map { ($0, t("org_type.\($0)")) },
                        selected: form.organisationType, errors: errors, t: t, required: true, blank: t("common.choose"))
                    Forms.select(
                        "country", label: t("city.country"),
                        options: Vocabulary.countries.map { ($0, Components.country($0, t: t)) },
                        selected: form.country, errors: errors, t: t, required: true, blank: t("common.choose"))
                    Forms.select(
                        "city", label: t("apply.city"), options: model.cities.map { ($0.slug, $0.name) },
                        selected: form.city, errors: errors, t: t, blank: t("apply.city_not_listed"),
                        hint: t("apply.city_hint"))
                    Forms.text(
                        "city_name", label: t("apply.city_name"), value: form.cityName, errors: errors, t: t,
                        hint: t("apply.city_name_hint"), maxLength: 200)
                    Forms.text(
                        "website", label: t("organisation.website"), value: form.website, errors: errors, t: t,
                        type: "url", hint: t("apply.website_hint"), autocomplete: "url")
                }
                fieldset {
                    legend { t("apply.contact") }
                    Forms.text(
                        "contact_name", label: t("apply.contact_name"), value: form.contactName, errors: errors, t: t,
                        required: true, autocomplete: "name", maxLength: 200)
                    Forms.text(
                        "contact_email", label: t("apply.contact_email"), value: form.contactEmail, errors: errors, t: t,
                        type: "email", required: true, hint: t("apply.contact_email_hint"), autocomplete: "email", maxLength: 254)
                }
                Forms.textArea(
                    "motivation", label: t("apply.motivation"), value: form.motivation, errors: errors, t: t,
                    required: true, hint: t("apply.motivation_hint"), rows: 6)
                section(.class("terms")) {
                    h2 { t("terms.roles_title") }
                    ul { for key in TermsPage.roleKeys { li { t(key) } } }
                    para { link(.href(Paths.terms)) { t("apply.read_terms") } }
                }
                Forms.checkbox(
                    "accept_terms", label: t("apply.accept_terms"), checked: form.acceptTerms, errors: errors, t: t,
                    value: "yes", required: true)
                Forms.submit(t("apply.submit"))
            }
        }
    }

    static func status(_ application: ApplicationSummary, link statusLink: String, justSubmitted: Bool, chrome: Chrome)
        -> String
    {
        let t = chrome.t
        return Layout.render(title: t("status.title"), chrome: chrome) {
            h1 { t("status.title") }
            if justSubmitted {
                div(.class("notice"), .custom("role", "status")) {
                    para { strong { t("status.keep_link") } }
                    para { code(.id("status-link")) { statusLink } }
                }
            }
            dl {
                dt { t("apply.organisation_name") }
                dd { application.organisationName }
                dt { t("apply.organisation_type") }
                dd { t("org_type.\(application.organisationType)") }
                dt { t("status.submitted") }
                dd { application.createdAt.map { t.date($0) } ?? "—" }
                dt { t("status.state") }
                dd {
                    span(
                        .class("status status-\(application.status.rawValue)"),
                        .custom("data-status", application.status.rawValue)
                    ) {
                        t("application_status.\(application.status.rawValue)")
                    }
                }
                if let decided = application.decidedAt {
                    dt { t("status.decided") }
                    dd { t.date(decided) }
                }
                if let reason = application.decisionReason {
                    dt { t("status.reason") }
                    dd(.class("reason")) { reason }
                }
            }
            para { t("status.explain.\(application.status.rawValue)") }
        }
    }
}

enum TermsPage {
    /// Seed 004, Annex II, "Roles and responsibilities of Members".
    static let roleKeys = ["terms.role1", "terms.role2", "terms.role3"]

    static func render(chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("terms.title"), chrome: chrome) {
            h1 { t("terms.title") }
            para(.class("lead")) { t("terms.lead") }
            h2 { t("terms.objectives_title") }
            ul {
                li { t("terms.objective1") }
                li { t("terms.objective2") }
                li { t("terms.objective3") }
            }
            h2 { t("terms.membership_title") }
            para { t("terms.membership") }
            para { t("terms.registration") }
            h2 { t("terms.roles_title") }
            ul { for key in roleKeys { li { t(key) } } }
            h2 { t("terms.secretariat_title") }
            para { t("terms.secretariat") }
            h2 { t("terms.resource_centres_title") }
            para { t("terms.resource_centres") }
            para(.class("sources")) { t("terms.source") }
        }
    }
}
