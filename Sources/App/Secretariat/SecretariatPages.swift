import Foundation

enum SecretariatPages {
    static func tabs(_ t: Translator) -> Node {
        nav(.class("tabs"), .aria("label", t("nav.secretariat"))) {
            ul {
                li { link(.href(Paths.applications)) { t("secretariat.applications") } }
                li { link(.href(Paths.users)) { t("secretariat.users") } }
                li { link(.href(Paths.audit)) { t("secretariat.audit") } }
                li { link(.href(Paths.secretariatMail)) { t("mail.desk.tab") } }
            }
        }
    }

    static func applications(_ model: ApplicationListModel, chrome: Chrome) -> String {
        let t = chrome.t
        let (page, status) = (model.page, model.status)
        return Layout.render(title: t("secretariat.applications"), chrome: chrome) {
            tabs(t)
            h1 { t("secretariat.applications") }
            form(.class("filters"), .action(Paths.applications), .get) {
                Forms.select(
                    "status", label: t("status.state"),
                    options: ApplicationStatus.allCases.map { ($0.rawValue, t("application_status.\($0.rawValue)")) },
                    selected: status, errors: [:], t: t, blank: t("filter.any"))
                Forms.submit(t("filter.apply"))
            }
            para(.class("count")) { t("list.count", ["count": String(page.total)]) }
            if page.items.isEmpty {
                para(.class("empty")) { t("list.empty") }
            } else {
                table {
                    thead {
                        tr {
                            th { t("apply.organisation_name") }
                            th { t("apply.organisation_type") }
                            th { t("city.country") }
                            th { t("status.submitted") }
                            th { t("status.state") }
                        }
                    }
                    tbody {
                        for application in page.items {
                            tr {
                                td { link(.href(Paths.application(application.id))) { application.organisationName } }
                                td { t("org_type.\(application.organisationType)") }
                                td { Components.country(application.country, t: t) }
                                td { application.createdAt.map { t.date($0) } ?? "—" }
                                td {
                                    span(.class("status status-\(application.status.rawValue)")) {
                                        t("application_status.\(application.status.rawValue)")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Components.pager(page, path: Paths.applications, query: [("status", status)], t: t)
        }
    }

    static func application(_ model: ApplicationPageModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        let application = model.application
        let id = application.id
        return Layout.render(title: application.organisationName, chrome: chrome) {
            tabs(t)
            h1 { application.organisationName }
            if let approved = model.approved {
                div(.class("notice"), .custom("role", "status")) {
                    para { strong { t("review.approved", ["organisation": approved.organisationName]) } }
                    para { t("review.setup_link_explain", ["email": approved.email]) }
                    para(.class("mail-state")) {
                        t(model.mailOn ? "mail.state.link_sent" : "mail.state.link_by_hand", ["email": approved.email])
                    }
                    para { link(.id("setup-link"), .href(approved.setupLink)) { approved.setupLink } }
                }
            }
            dl {
                dt { t("status.state") }
                dd {
                    span(
                        .class("status status-\(application.status.rawValue)"),
                        .custom("data-status", application.status.rawValue)
                    ) {
                        t("application_status.\(application.status.rawValue)")
                    }
                }
                dt { t("apply.organisation_local_name") }
                dd { application.organisationLocalName ?? "—" }
                dt { t("apply.organisation_type") }
                dd { t("org_type.\(application.organisationType)") }
                dt { t("city.country") }
                dd { Components.country(application.country, t: t) }
                dt { t("apply.city") }
                dd {
                    if let city = application.city {
                        link(.href(Paths.city(city.slug))) { t.pick(city.names) }
                    } else {
                        application.cityName.map { t("review.new_city", ["name": $0]) } ?? "—"
                    }
                }
                dt { t("apply.contact_name") }
                dd { application.contactName }
                dt { t("apply.contact_email") }
                dd { application.contactEmail }
                dt { t("organisation.website") }
                dd { application.website ?? "—" }
                dt { t("apply.motivation") }
                dd(.class("motivation")) { application.motivation }
                dt { t("status.submitted") }
                dd { application.createdAt.map { t.date($0) } ?? "—" }
                if let reason = application.decisionReason {
                    dt { t("status.reason") }
                    dd { reason }
                }
                if let organisation = application.organisation {
                    dt { t("review.organisation") }
                    dd { link(.href(Paths.organisation(organisation.slug))) { organisation.name } }
                }
            }
            if application.status == .pending {
                section(.class("decide")) {
                    h2 { t("review.decide") }
                    para(.class("hint")) { t("review.criteria") }
                    Forms.errorSummary(model.errors, order: ["reason"], labels: ["reason": t("review.reason")], t: t)
                    form(.class("approve"), .action(Paths.approveApplication(id)), .post) {
                        Forms.csrf(csrf)
                        Forms.text(
                            "note", label: t("review.note"), value: "", errors: [:], t: t, hint: t("review.note_hint"),
                            maxLength: 2000)
                        Forms.submit(t("review.approve"))
                    }
                    form(.class("reject"), .action(Paths.rejectApplication(id)), .post) {
                        Forms.csrf(csrf)
                        Forms.textArea(
                            "reason", label: t("review.reason"), value: model.reason, errors: model.errors, t: t, required: true,
                            hint: t("review.reason_hint"), rows: 3)
                        Forms.submit(t("review.reject"), secondary: true)
                    }
                }
            }
        }
    }

    static func users(_ users: [UserRow], chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("secretariat.users"), chrome: chrome) {
            tabs(t)
            h1 { t("secretariat.users") }
            para { link(.class("button"), .href(Paths.newUser)) { t("users.new") } }
            table {
                thead {
                    tr {
                        th { t("user.name") }
                        th { t("user.email") }
                        th { t("user.role") }
                        th { t("user.organisation") }
                        th { t("user.state") }
                    }
                }
                tbody {
                    for user in users {
                        tr {
                            td { link(.href(Paths.user(user.id))) { user.name } }
                            td { user.email }
                            td { t("role.\(user.role)") + (user.isExpert ? " · " + t("user.expert") : "") }
                            td { user.organisationName ?? "—" }
                            td { user.isActive ? t("user.active") : t("user.inactive") }
                        }
                    }
                }
            }
        }
    }

    static func userForm(_ model: UserFormModel, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        let (form, errors) = (model.form, model.errors)
        let title = model.editing.map { t("users.edit", ["name": $0.name]) } ?? t("users.new")
        return Layout.render(title: title, chrome: chrome) {
            tabs(t)
            h1 { title }
            if let setupLink = model.setupLink {
                div(.class("notice"), .custom("role", "status")) {
                    para { t("review.setup_link_explain", ["email": form.email]) }
                    para { link(.id("setup-link"), .href(setupLink)) { setupLink } }
                }
            }
            Forms.errorSummary(
                errors, order: UserForm.fieldOrder,
                labels: [
                    "name": t("user.name"), "email": t("user.email"), "role": t("user.role"),
                    "organisation": t("user.organisation"),
                ], t: t)
            App.form(
                .class("edit-user"), .action(model.editing.map { Paths.user($0.id) } ?? Paths.newUser), .post,
                .custom("novalidate", nil)
            ) {
                Forms.csrf(csrf)
                Forms.text("name", label: t("user.name"), value: form.name, errors: errors, t: t, required: true, maxLength: 200)
                Forms.text(
                    "email", label: t("user.email"), value: form.email, errors: errors, t: t, type: "email", required: true)
                Forms.select(
                    "role", label: t("user.role"), options: Role.allCases.map { ($0.rawValue, t("role.\($0.rawValue)")) },
                    selected: form.role, errors: errors, t: t, required: true)
                Forms.select(
                    "organisation", label: t("user.organisation"), options: model.organisations.map { ($0.slug, $0.name) },
                    selected: form.organisation, errors: errors, t: t, blank: t("common.none"))
                Forms.checkbox("is_expert", label: t("user.expert"), checked: form.isExpert, errors: errors, t: t)
                Forms.checkbox("is_active", label: t("user.active"), checked: form.isActive, errors: errors, t: t)
                Forms.submit(t("common.save"))
            }
            if let id = model.editing?.id {
                App.form(.class("setup-link"), .action(Paths.userSetupLink(id)), .post) {
                    Forms.csrf(csrf)
                    Forms.submit(t("users.new_setup_link"), secondary: true)
                }
            }
        }
    }

    static let auditEntities = ["membership_application", "organisation", "city", "user"]

    static func audit(_ model: AuditLogModel, chrome: Chrome) -> String {
        let t = chrome.t
        let (page, entity, record) = (model.page, model.entity, model.record)
        return Layout.render(title: t("secretariat.audit"), chrome: chrome) {
            tabs(t)
            h1 { t("secretariat.audit") }
            form(.class("filters"), .action(Paths.audit), .get) {
                Forms.select(
                    "entity", label: t("audit.record"), options: auditEntities.map { ($0, $0) }, selected: entity, errors: [:],
                    t: t,
                    blank: t("filter.any"))
                Forms.text("record", label: t("audit.record_id"), value: record, errors: [:], t: t, hint: t("audit.record_hint"))
                Forms.submit(t("filter.apply"))
            }
            para(.class("count")) { t("list.count", ["count": String(page.total)]) }
            table(.class("audit")) {
                thead {
                    tr {
                        th { t("audit.when") }
                        th { t("audit.who") }
                        th { t("audit.what") }
                        th { t("audit.record") }
                        th { t("audit.before") }
                        th { t("audit.after") }
                    }
                }
                tbody {
                    for entry in page.items {
                        tr {
                            td { t.date(entry.createdAt) }
                            td { entry.actorLabel }
                            td { code { entry.action } }
                            td { "\(entry.entityType) \(entry.entityID)" }
                            td { if let before = entry.before { code(.class("json")) { before } } }
                            td { if let after = entry.after { code(.class("json")) { after } } }
                        }
                    }
                }
            }
            Components.pager(page, path: Paths.audit, query: [("entity", entity), ("record", record)], t: t)
        }
    }
}
