import FluentKit
import Foundation
import Hummingbird

/// The JSON API under /api/v1. Mirrors the site's rules: same queries, same validation, same service.
struct APIController: Sendable {
    let services: Services
    var membership: MembershipService { MembershipService(services: services) }

    func cities(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        let (page, perPage) = try APIRequest.paging(request)
        try APIRequest.checkFilters(request, types: Vocabulary.cityTypes)
        let filter = ListFilter(
            query: request.query("q"), country: request.query("country"), type: request.query("type"),
            page: page, perPage: perPage)
        let body = try await services.cache.text(
            DirectoryReads.cities, Whole(), variant: "api|\(filter.cacheKey)", in: services.query
        ) { entries in
            let result = entries.filtered(filter).page
            return try APIJSON.encode(
                ListDocument(items: result.items.map { CityDocument($0) }, page: page, perPage: perPage, total: result.total))
        }
        return RawJSON(body: body)
    }

    func city(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CityDocument> {
        guard
            let profile = try await services.cache.value(
                CityReads.profile, try context.parameters.require("slug"), in: services.query)
        else { throw AppError.notFound }
        return JSONBody(value: CityDocument(profile))
    }

    struct CityPatch: Decodable, Sendable {
        var names: [String: String]?
        var country: String?
        var region: String??
        var latitude: Double??
        var longitude: Double??
        var cityType: String??
        var pathways: [String]?
        var description: String??

        enum CodingKeys: String, CodingKey {
            case names, country, region, latitude, longitude
            case cityType = "city_type"
            case pathways, description
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            names = try c.decodeIfPresent([String: String].self, forKey: .names)
            country = try c.decodeIfPresent(String.self, forKey: .country)
            // Present-and-null clears a field; absent leaves it.
            region = c.contains(.region) ? .some(try c.decodeIfPresent(String.self, forKey: .region)) : .none
            latitude = c.contains(.latitude) ? .some(try c.decodeIfPresent(Double.self, forKey: .latitude)) : .none
            longitude = c.contains(.longitude) ? .some(try c.decodeIfPresent(Double.self, forKey: .longitude)) : .none
            cityType = c.contains(.cityType) ? .some(try c.decodeIfPresent(String.self, forKey: .cityType)) : .none
            pathways = try c.decodeIfPresent([String].self, forKey: .pathways)
            description = c.contains(.description) ? .some(try c.decodeIfPresent(String.self, forKey: .description)) : .none
        }
    }

    func updateCity(_ request: Request, context: CityEditorContext) async throws -> JSONBody<CityDocument> {
        let city = context.city
        let patch = try await APIRequest.decode(
            CityPatch.self, from: request,
            allowedKeys: ["names", "country", "region", "latitude", "longitude", "city_type", "pathways", "description"])
        let links = try await CityProgramme.query(on: services.db).filter(\.$city.$id == city.requireID()).with(\.$programme)
            .all()
            .map(\.programme.slug)
        var form = CityForm(city: city, programmeSlugs: links)
        if let names = patch.names {
            let unknown = names.keys.filter { ContentLanguage(rawValue: $0) == nil }
            if !unknown.isEmpty { throw AppError.validation(["names": "validation.language"]) }
            form.names = names.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        if let country = patch.country { form.country = country.uppercased() }
        if let region = patch.region { form.region = region ?? "" }
        if let latitude = patch.latitude { form.latitude = latitude.map { String($0) } ?? "" }
        if let longitude = patch.longitude { form.longitude = longitude.map { String($0) } ?? "" }
        if let cityType = patch.cityType { form.cityType = cityType ?? "" }
        if let pathways = patch.pathways { form.pathways = Set(pathways) }
        if let description = patch.description { form.details = description ?? "" }
        let errors = form.validate(knownProgrammes: Set(links))
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let before = city.auditFields
        let now = services.clock.now()
        let validForm = form
        try await services.db.transaction { db in
            validForm.apply(to: city)
            try await city.save(on: db)
            try await Audit.record(
                "city.update", entity: "city", id: city.slug, actor: context.user, before: before,
                after: city.auditFields, at: now, on: db)
        }
        try await SearchIndexer(db: services.db).refresh(city: city)
        return JSONBody(value: CityDocument(city))
    }

    func organisations(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        let (page, perPage) = try APIRequest.paging(request)
        try APIRequest.checkFilters(request, types: Vocabulary.organisationTypes)
        let filter = ListFilter(
            query: request.query("q"), country: request.query("country"), type: request.query("type"),
            page: page, perPage: perPage)
        let body = try await services.cache.text(
            DirectoryReads.organisations, Whole(), variant: "api|\(filter.cacheKey)", in: services.query
        ) { entries in
            let result = entries.filtered(filter).page
            return try APIJSON.encode(
                ListDocument(
                    items: result.items.map { OrganisationDocument($0) }, page: page, perPage: perPage, total: result.total))
        }
        return RawJSON(body: body)
    }

    func organisation(_ request: Request, context: AppRequestContext) async throws -> JSONBody<OrganisationDocument> {
        guard let organisation = try await OrganisationQueries.bySlug(try context.parameters.require("slug"), on: services.db)
        else {
            throw AppError.notFound
        }
        return JSONBody(value: OrganisationDocument(organisation))
    }

    func submitApplication(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ApplicationStatusDocument> {
        let form = try await APIRequest.decode(
            ApplicationForm.self, from: request, allowedKeys: Set(ApplicationForm.fieldOrder))
        switch try await membership.submit(form, locale: context.locale) {
        case .failure(let error): throw error
        case .success(let submitted):
            let statusURL = Paths.apiApplicationStatus(submitted.token)
            return JSONBody(
                value: ApplicationStatusDocument(
                    status: submitted.application.status, decisionReason: nil, decidedAt: nil,
                    statusURL: statusURL, token: submitted.token),
                status: .created, location: statusURL
            )
        }
    }

    func applicationStatus(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ApplicationStatusDocument> {
        let token = try context.parameters.require("token")
        guard let application = try await membership.byToken(token) else { throw AppError.notFound }
        return JSONBody(
            value: ApplicationStatusDocument(
                status: application.status, decisionReason: application.decisionReason,
                decidedAt: application.decidedAt,
                statusURL: Paths.apiApplicationStatus(token), token: nil))
    }

    func applications(_ request: Request, context: SecretariatContext) async throws -> JSONBody<ListDocument<ApplicationDocument>>
    {
        let (page, perPage) = try APIRequest.paging(request)
        let status = request.query("status")
        if !status.isEmpty, ApplicationStatus(rawValue: status) == nil {
            throw AppError.validation(["status": "validation.choice"])
        }
        let result = try await membership.list(status: status, page: page, perPage: perPage)
        return JSONBody(
            value: ListDocument(
                items: result.items.map(ApplicationDocument.init), page: page, perPage: perPage,
                total: result.total))
    }

    func application(_ request: Request, context: SecretariatContext) async throws -> JSONBody<ApplicationDocument> {
        JSONBody(value: ApplicationDocument(try await load(context)))
    }

    struct Decision: Decodable, Sendable {
        var reason: String?
        var note: String?
    }

    func approve(_ request: Request, context: SecretariatContext) async throws -> JSONBody<ApprovalDocument> {
        let application = try await load(context)
        let decision = try await optionalBody(request)
        let approved = try await membership.approve(
            application, by: context.user,
            note: (decision.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let reloaded = try await load(context)
        return JSONBody(
            value: ApprovalDocument(
                application: ApplicationDocument(reloaded), organisation: OrganisationDocument(approved.organisation),
                userEmail: approved.user.email, setupURL: Paths.setupPassword(approved.setupToken)))
    }

    func reject(_ request: Request, context: SecretariatContext) async throws -> JSONBody<ApplicationDocument> {
        let application = try await load(context)
        let decision = try await APIRequest.decode(Decision.self, from: request, allowedKeys: ["reason"])
        try await membership.reject(
            application, by: context.user, reason: (decision.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        return JSONBody(value: ApplicationDocument(try await load(context)))
    }

    func me(_ request: Request, context: SignedInContext) async throws -> JSONBody<MeDocument> {
        let user = context.user
        return JSONBody(
            value: MeDocument(
                id: user.id, email: user.email, name: user.name, role: user.role.rawValue,
                isExpert: user.isExpert, organisation: user.organisationSlug))
    }

    private func optionalBody(_ request: Request) async throws -> Decision {
        guard request.headers[.contentType] != nil else { return Decision() }
        return try await APIRequest.decode(Decision.self, from: request, allowedKeys: ["note"])
    }

    private func load(_ context: SecretariatContext) async throws -> MembershipApplication {
        guard let id = UUID(uuidString: try context.parameters.require("id")), let application = try await membership.find(id)
        else {
            throw AppError.notFound
        }
        return application
    }
}
