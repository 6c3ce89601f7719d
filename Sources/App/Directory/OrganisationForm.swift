import Foundation

/// The organisation profile form. The resource-centre flag and status are the secretariat's.
struct OrganisationForm: Sendable {
    var names: [String: String] = [:]
    var country = ""
    var website = ""
    var contactName = ""
    var contactEmail = ""
    var details = ""
    var isResourceCentre = false
    /// As entered, so a wrong choice is shown back; checked against `OrganisationStatus`.
    var status = OrganisationStatus.member.rawValue

    static let fieldOrder = [
        "name_en", "name_zh", "name_ja", "name_ko", "name_mn", "name_ru", "country", "website",
        "contact_name", "contact_email", "description", "is_resource_centre", "status",
    ]

    init(organisation: Organisation) {
        names = organisation.names
        country = organisation.country ?? ""
        website = organisation.website ?? ""
        contactName = organisation.contactName ?? ""
        contactEmail = organisation.contactEmail ?? ""
        details = organisation.details ?? ""
        isResourceCentre = organisation.isResourceCentre
        status = organisation.status.rawValue
    }

    init(form: FormData, current: Organisation, bySecretariat: Bool) {
        for language in ContentLanguage.allCases {
            let value = form["name_\(language.rawValue)"]
            if !value.isEmpty { names[language.rawValue] = value }
        }
        country = form["country"].uppercased()
        website = form["website"]
        contactName = form["contact_name"]
        contactEmail = form["contact_email"]
        details = form["description"]
        isResourceCentre = bySecretariat ? form.has("is_resource_centre") : current.isResourceCentre
        status = bySecretariat ? form["status"] : current.status.rawValue
    }

    func validate() -> [String: String] {
        var errors: [String: String] = [:]
        if (names["en"] ?? "").isEmpty { errors["name_en"] = "validation.required" }
        for (language, value) in names where value.count > 300 { errors["name_\(language)"] = "validation.too_long" }
        if !country.isEmpty, !Validate.isCountryCode(country) { errors["country"] = "validation.country" }
        if !website.isEmpty, !Validate.isWebsite(website) { errors["website"] = "validation.website" }
        if contactName.count > 200 { errors["contact_name"] = "validation.too_long" }
        if !contactEmail.isEmpty, !Validate.isEmail(contactEmail) { errors["contact_email"] = "validation.email" }
        if details.count > 4000 { errors["description"] = "validation.too_long" }
        if OrganisationStatus(rawValue: status) == nil { errors["status"] = "validation.choice" }
        return errors
    }

    func apply(to organisation: Organisation) {
        organisation.setNames(names)
        organisation.country = country.isEmpty ? nil : country
        organisation.website = website.isEmpty ? nil : website
        organisation.contactName = contactName.isEmpty ? nil : contactName
        organisation.contactEmail = contactEmail.isEmpty ? nil : UserQueries.normalise(email: contactEmail)
        organisation.details = details.isEmpty ? nil : details
        organisation.isResourceCentre = isResourceCentre
        organisation.status = OrganisationStatus(rawValue: status) ?? organisation.status
    }
}

enum OrganisationEditPage {
    static func render(
        _ organisation: Organisation, form: OrganisationForm, errors: [String: String], bySecretariat: Bool,
        chrome: Chrome, csrf: String
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("organisation.edit_title", ["name": organisation.nameEn]), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.organisation(organisation.slug))) { t.pick(organisation.names) } }
            h1 { t("organisation.edit_title", ["name": t.pick(organisation.names)]) }
            Forms.errorSummary(
                errors, order: OrganisationForm.fieldOrder,
                labels: Forms.nameLabels().merging([
                    "country": t("city.country"), "website": t("organisation.website"),
                    "contact_name": t("organisation.contact_name"),
                    "contact_email": t("organisation.contact_email"), "description": t("organisation.description"),
                    "status": t("organisation.status"),
                ]) { $1 }, t: t)
            App.form(
                .class("edit-organisation"), .action(Paths.editOrganisation(organisation.slug)), .post, .custom("novalidate", nil)
            ) {
                Forms.csrf(csrf)
                fieldset {
                    legend { t("organisation.names") }
                    for language in ContentLanguage.allCases {
                        Forms.text(
                            "name_\(language.rawValue)", label: language.endonym, value: form.names[language.rawValue] ?? "",
                            errors: errors, t: t, required: language == .en, maxLength: 300, lang: language.rawValue)
                    }
                }
                Forms.select(
                    "country", label: t("city.country"),
                    options: Vocabulary.countries.map { ($0, Components.country($0, t: t)) },
                    selected: form.country, errors: errors, t: t, blank: t("common.none"))
                Forms.text("website", label: t("organisation.website"), value: form.website, errors: errors, t: t, type: "url")
                Forms.text("contact_name", label: t("organisation.contact_name"), value: form.contactName, errors: errors, t: t)
                Forms.text(
                    "contact_email", label: t("organisation.contact_email"), value: form.contactEmail, errors: errors,
                    t: t, type: "email")
                Forms.textArea("description", label: t("organisation.description"), value: form.details, errors: errors, t: t)
                if bySecretariat {
                    fieldset {
                        legend { t("organisation.secretariat_only") }
                        Forms.checkbox(
                            "is_resource_centre", label: t("organisation.resource_centre"),
                            checked: form.isResourceCentre, errors: errors, t: t)
                        Forms.select(
                            "status", label: t("organisation.status"),
                            options: OrganisationStatus.allCases.map { ($0.rawValue, t("org_status.\($0.rawValue)")) },
                            selected: form.status, errors: errors, t: t, required: true)
                    }
                }
                Forms.submit(t("common.save"))
            }
        }
    }
}
