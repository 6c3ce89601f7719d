import FluentKit
import Foundation
import Hummingbird

/// The secretariat's desk: the application queue and decisions, users and roles, the audit log.
struct SecretariatController: Sendable {
    let services: Services
    var membership: MembershipService { MembershipService(services: services) }

    func applications(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let status =
            request.query("status").isEmpty && !request.uri.queryParameters.has("status")
            ? ApplicationStatus.pending.rawValue : request.query("status")
        let page = try await membership.list(status: status, page: request.pageNumber, perPage: 50)
        let model = ApplicationListModel(
            page: PageOf(
                items: try page.items.map(ApplicationSummary.init), page: page.page, perPage: page.perPage, total: page.total),
            status: status)
        return HTMLResponse(html: SecretariatPages.applications(model, chrome: services.chrome(request, context.base)))
    }

    func application(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        try await renderApplication(request, context, try await load(context), approved: nil, errors: [:], reason: "")
    }

    func approve(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let application = try await load(context)
        let form = try await FormData.read(request)
        let approved = try await membership.approve(application, by: context.user, note: form["note"])
        let reloaded = try await load(context)
        return try await renderApplication(request, context, reloaded, approved: approved, errors: [:], reason: "")
    }

    func reject(_ request: Request, context: SecretariatContext) async throws -> Response {
        let application = try await load(context)
        let form = try await FormData.read(request)
        do {
            try await membership.reject(application, by: context.user, reason: form["reason"])
        } catch let error as AppError where error.kind == .validation {
            return try await renderApplication(
                request, context, application, approved: nil, errors: error.fieldErrors,
                reason: form["reason"], status: .unprocessableContent
            )
            .response(from: request, context: context)
        }
        return try SeeOther(location: Paths.application(try application.requireID())).response(from: request, context: context)
    }

    func users(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: SecretariatPages.users(
                try await SecretariatQueries.users(on: services.db), chrome: services.chrome(request, context.base)))
    }

    func newUser(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        try await renderUser(request, context, nil, form: UserForm(), errors: [:], setupLink: nil)
    }

    func createUser(_ request: Request, context: SecretariatContext) async throws -> Response {
        let form = UserForm(form: try await FormData.read(request))
        let organisation =
            form.organisation.isEmpty ? nil : try await OrganisationQueries.bySlug(form.organisation, on: services.db)
        var errors = form.validate(organisationExists: organisation != nil)
        if errors["email"] == nil, try await UserQueries.byEmail(form.email, on: services.db) != nil {
            errors["email"] = "validation.email_taken"
        }
        guard errors.isEmpty else {
            return try await renderUser(
                request, context, nil, form: form, errors: errors, setupLink: nil, status: .unprocessableContent
            )
            .response(from: request, context: context)
        }
        let user = User(
            email: form.email, name: form.name, passwordHash: nil, role: Role(rawValue: form.role) ?? .member,
            isExpert: form.isExpert, organisationID: organisation?.id, isActive: form.isActive)
        let now = services.clock.now()
        let token = Token.random()
        try await services.db.transaction { db in
            try await user.create(on: db)
            try await SetupToken(
                tokenHash: Token.digest(token), userID: try user.requireID(),
                expiresAt: now.addingTimeInterval(7 * 24 * 3600)
            ).create(on: db)
            try await Audit.record(
                "user.create", entity: "user", id: try user.requireID().uuidString, actor: context.user,
                after: user.auditFields, at: now, on: db)
            for recipient in try await MailRecipients.users([user.requireID()], on: db) {
                try await services.outbox.send(
                    PasswordLink(setupPath: Paths.setupPassword(token), hours: 7 * 24, requested: false), to: recipient, on: db)
            }
        }
        // The form shows the new user as stored: with the organisation it was created in (not
        // loaded by `create`, so the form would offer "none" and a save would move the user out).
        user.$organisation.value = organisation
        return try await renderUser(
            request, context, user, form: UserForm(user: user), errors: [:],
            setupLink: request.absoluteURL(Paths.setupPassword(token), publicURL: services.config.publicURL)
        )
        .response(from: request, context: context)
    }

    func user(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let user = try await loadUser(context)
        return try await renderUser(request, context, user, form: UserForm(user: user), errors: [:], setupLink: nil)
    }

    func updateUser(_ request: Request, context: SecretariatContext) async throws -> Response {
        let user = try await loadUser(context)
        let form = UserForm(form: try await FormData.read(request))
        let organisation =
            form.organisation.isEmpty ? nil : try await OrganisationQueries.bySlug(form.organisation, on: services.db)
        var errors = form.validate(organisationExists: organisation != nil)
        if errors["email"] == nil, let other = try await UserQueries.byEmail(form.email, on: services.db), other.id != user.id {
            errors["email"] = "validation.email_taken"
        }
        // The secretariat cannot lock itself out: one's own role and activity stay.
        if user.id == context.user.id, form.role != user.role || !form.isActive { errors["role"] = "validation.own_role" }
        guard errors.isEmpty else {
            return try await renderUser(
                request, context, user, form: form, errors: errors, setupLink: nil, status: .unprocessableContent
            )
            .response(from: request, context: context)
        }
        let before = user.auditFields
        user.name = form.name
        user.email = form.email
        user.role = form.role
        user.isExpert = form.isExpert
        user.isActive = form.isActive
        user.$organisation.id = organisation?.id
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(
                "user.update", entity: "user", id: try user.requireID().uuidString, actor: context.user,
                before: before, after: user.auditFields, at: now, on: db)
        }
        return try SeeOther(location: Paths.user(try user.requireID())).response(from: request, context: context)
    }

    func setupLink(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let user = try await loadUser(context)
        let token = Token.random()
        let now = services.clock.now()
        try await services.db.transaction { db in
            let userID = try user.requireID()
            try await SetupToken.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(\.$usedAt, to: now)
                .update()
            try await SetupToken(tokenHash: Token.digest(token), userID: userID, expiresAt: now.addingTimeInterval(7 * 24 * 3600))
                .create(on: db)
            try await Audit.record("user.setup_link", entity: "user", id: userID.uuidString, actor: context.user, at: now, on: db)
            for recipient in try await MailRecipients.users([userID], on: db) {
                try await services.outbox.send(
                    PasswordLink(setupPath: Paths.setupPassword(token), hours: 7 * 24, requested: false), to: recipient, on: db)
            }
        }
        return try await renderUser(
            request, context, user, form: UserForm(user: user), errors: [:],
            setupLink: request.absoluteURL(Paths.setupPassword(token), publicURL: services.config.publicURL))
    }

    func audit(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let model = try await SecretariatQueries.audit(
            entity: request.query("entity"), record: request.query("record"), page: request.pageNumber, perPage: 100,
            on: services.db)
        return HTMLResponse(html: SecretariatPages.audit(model, chrome: services.chrome(request, context.base)))
    }

    private func load(_ context: SecretariatContext) async throws -> MembershipApplication {
        guard let id = UUID(uuidString: try context.parameters.require("id")), let application = try await membership.find(id)
        else {
            throw AppError.notFound
        }
        return application
    }

    private func loadUser(_ context: SecretariatContext) async throws -> User {
        guard let id = UUID(uuidString: try context.parameters.require("id")),
            let user = try await User.query(on: services.db).filter(\.$id == id).with(\.$organisation).first()
        else { throw AppError.notFound }
        return user
    }

    private func renderApplication(
        _ request: Request, _ context: SecretariatContext, _ application: MembershipApplication,
        approved: MembershipService.Approved?, errors: [String: String], reason: String, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let model = ApplicationPageModel(
            application: try ApplicationSummary(application),
            approved: approved.map {
                .init(
                    organisationName: $0.organisation.nameEn, email: $0.user.email,
                    setupLink: request.absoluteURL(Paths.setupPassword($0.setupToken), publicURL: services.config.publicURL))
            }, errors: errors, reason: reason, mailOn: services.outbox.isOn)
        return try await services.formPage(request, context.base, status: status) { chrome, csrf in
            SecretariatPages.application(model, chrome: chrome, csrf: csrf)
        }
    }

    private func renderUser(
        _ request: Request, _ context: SecretariatContext, _ user: User?, form: UserForm, errors: [String: String],
        setupLink: String?, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let model = UserFormModel(
            editing: try user.map { .init(id: try $0.requireID(), name: $0.name) }, form: form, errors: errors,
            organisations: try await SecretariatQueries.organisationChoices(on: services.db), setupLink: setupLink)
        return try await services.formPage(request, context.base, status: status) { chrome, csrf in
            SecretariatPages.userForm(model, chrome: chrome, csrf: csrf)
        }
    }
}
