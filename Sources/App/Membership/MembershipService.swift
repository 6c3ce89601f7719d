import FluentKit
import Foundation

/// Submitting, approving and rejecting applications: the rules shared by the site and the API.
/// Each operation is one transaction; nothing half-written stays behind.
struct MembershipService: Sendable {
    let services: Services
    var db: any Database { services.db }

    struct Submitted: Sendable {
        let application: MembershipApplication
        let token: String
    }

    struct Approved: Sendable {
        let organisation: Organisation
        let user: User
        let setupToken: String
    }

    func cityCountry(slug: String) async throws -> String?? {
        guard !slug.isEmpty else { return .some(nil) }
        guard let city = try await CityQueries.bySlug(slug, on: db) else { return .none }
        return .some(city.country)
    }

    func submit(_ form: ApplicationForm, locale: AppLocale) async throws -> Result<Submitted, AppError> {
        let errors = form.validate(cityCountry: try await cityCountry(slug: form.city))
        guard errors.isEmpty else { return .failure(.validation(errors)) }
        let token = Token.random()
        let application = MembershipApplication()
        application.tokenHash = Token.digest(token)
        application.organisationName = form.organisationName
        application.organisationLocalName = form.organisationLocalName.isEmpty ? nil : form.organisationLocalName
        application.organisationType = form.organisationType
        application.country = form.country
        application.$city.id = form.city.isEmpty ? nil : try await CityQueries.bySlug(form.city, on: db)?.requireID()
        application.cityName = form.cityName.isEmpty ? nil : form.cityName
        application.contactName = form.contactName
        application.contactEmail = UserQueries.normalise(email: form.contactEmail)
        application.website = form.website.isEmpty ? nil : form.website
        application.motivation = form.motivation
        application.acceptedTerms = true
        application.status = ApplicationStatus.pending.rawValue
        application.locale = locale.rawValue
        let now = services.clock.now()
        try await db.transaction { db in
            try await application.create(on: db)
            try await services.outbox.send(
                ApplicationReceived(organisation: form.organisationName, statusPath: Paths.applicationStatus(token)),
                to: MailRecipient(address: application.contactEmail, name: form.contactName, locale: locale, userID: nil), on: db)
            try await Audit.record(
                "application.submit", entity: "membership_application", id: try application.requireID().uuidString,
                actor: nil, after: ["organisation_name": form.organisationName, "contact_email": application.contactEmail],
                at: now, on: db)
        }
        return .success(Submitted(application: application, token: token))
    }

    func byToken(_ token: String) async throws -> MembershipApplication? {
        try await MembershipApplication.query(on: db).filter(\.$tokenHash == Token.digest(token)).with(\.$city).first()
    }

    func find(_ id: UUID) async throws -> MembershipApplication? {
        try await MembershipApplication.query(on: db).filter(\.$id == id).with(\.$city).with(\.$organisation).first()
    }

    func list(status: String?, page: Int, perPage: Int) async throws -> PageOf<MembershipApplication> {
        let query = MembershipApplication.query(on: db)
        if let status, !status.isEmpty { query.filter(\.$status == status) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).range(Paging.rows(page: page, perPage: perPage))
            .with(\.$city).all()
        return PageOf(items: items, page: page, perPage: perPage, total: total)
    }

    /// Creates the organisation (and its city when the applicant named a new one), its first user
    /// and a one-time link to set the password. The applicant's e-mail must not already have an account.
    func approve(_ application: MembershipApplication, by actor: CurrentUser, note: String) async throws -> Approved {
        guard application.status == ApplicationStatus.pending.rawValue else { throw AppError.conflict("error.already_decided") }
        if try await UserQueries.byEmail(application.contactEmail, on: db) != nil {
            throw AppError.conflict("error.email_taken")
        }
        let now = services.clock.now()
        let token = Token.random()
        return try await db.transaction { db in
            var cityID = application.$city.id
            if cityID == nil, let cityName = application.cityName {
                let slug = try await Slug.unique(Slug.make(cityName)) { try await CityQueries.bySlug($0, on: db) != nil }
                let city = City(
                    slug: slug, names: ["en": cityName], country: application.country,
                    details: nil, sources: ["membership application"])
                try await city.create(on: db)
                cityID = city.id
                try await Audit.record(
                    "city.create", entity: "city", id: slug, actor: actor, after: city.auditFields, at: now, on: db)
            }
            var names = ["en": application.organisationName]
            if let local = application.organisationLocalName {
                let language = Self.guessLanguage(local, country: application.country)
                if language != "en" { names[language] = local }
            }
            let slug = try await Slug.unique(Slug.make(application.organisationName)) {
                try await Organisation.query(on: db).filter(\.$slug == $0).count() > 0
            }
            let organisation = Organisation(
                slug: slug, names: names, type: application.organisationType, country: application.country, cityID: cityID,
                website: application.website, contactName: application.contactName, contactEmail: application.contactEmail,
                details: nil, status: .member, sources: ["membership application"], joinedAt: now
            )
            try await organisation.create(on: db)
            let user = User(
                email: application.contactEmail, name: application.contactName, passwordHash: nil, role: .member,
                organisationID: try organisation.requireID())
            try await user.create(on: db)
            try await SetupToken(
                tokenHash: Token.digest(token), userID: try user.requireID(),
                expiresAt: now.addingTimeInterval(7 * 24 * 3600)
            ).create(on: db)
            let locale = application.locale.flatMap(AppLocale.init(rawValue:)) ?? .en
            try await MailPreferences(locale: locale).save(try user.requireID(), at: now, on: db)
            try await services.outbox.send(
                ApplicationApproved(organisation: application.organisationName, setupPath: Paths.setupPassword(token), days: 7),
                to: MailRecipient(address: user.email, name: user.name, locale: locale, userID: user.id), on: db)
            let before: [String: String?] = ["status": application.status]
            application.status = ApplicationStatus.approved.rawValue
            application.decisionReason = note.isEmpty ? nil : note
            application.$decidedBy.id = actor.id
            application.decidedAt = now
            application.$organisation.id = organisation.id
            try await application.save(on: db)
            let id = try application.requireID().uuidString
            try await Audit.record(
                "application.approve", entity: "membership_application", id: id, actor: actor, before: before,
                after: ["status": application.status, "reason": application.decisionReason, "organisation": slug],
                at: now, on: db)
            try await Audit.record(
                "organisation.create", entity: "organisation", id: slug, actor: actor,
                after: organisation.auditFields, at: now, on: db)
            try await Audit.record(
                "user.create", entity: "user", id: try user.requireID().uuidString, actor: actor,
                after: user.auditFields, at: now, on: db)
            return Approved(organisation: organisation, user: user, setupToken: token)
        }
    }

    func reject(_ application: MembershipApplication, by actor: CurrentUser, reason: String) async throws {
        guard application.status == ApplicationStatus.pending.rawValue else { throw AppError.conflict("error.already_decided") }
        guard !reason.isEmpty else { throw AppError.validation(["reason": "validation.reason_required"]) }
        guard reason.count <= 2000 else { throw AppError.validation(["reason": "validation.too_long"]) }
        let now = services.clock.now()
        try await db.transaction { db in
            let before: [String: String?] = ["status": application.status]
            application.status = ApplicationStatus.rejected.rawValue
            application.decisionReason = reason
            application.$decidedBy.id = actor.id
            application.decidedAt = now
            try await application.save(on: db)
            try await services.outbox.send(
                ApplicationRejected(organisation: application.organisationName, reason: reason),
                to: MailRecipient(
                    address: application.contactEmail, name: application.contactName,
                    locale: application.locale.flatMap(AppLocale.init(rawValue:)) ?? .en, userID: nil), on: db)
            try await Audit.record(
                "application.reject", entity: "membership_application", id: try application.requireID().uuidString,
                actor: actor, before: before, after: ["status": application.status, "reason": reason],
                at: now, on: db)
        }
    }

    /// The language a local name is probably written in, from its script and the country.
    static func guessLanguage(_ name: String, country: String) -> String {
        if name.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { return "ko" }
        if name.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { return "ja" }
        if name.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) { return country == "MN" ? "mn" : "ru" }
        if name.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { return country == "JP" ? "ja" : "zh" }
        return "en"
    }
}
