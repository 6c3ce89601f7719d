import FluentKit
import Foundation
import Hummingbird

/// Capacity building for signed-in members: requests (demand) from member cities, offers (supply),
/// suggestions with scores and reasons, and the match the secretariat confirms; then delivered and
/// closed with the outcome and feedback.
struct CapacityController: Sendable {
    let services: Services
    static let requestFields = ["city", "title", "description", "audience", "timing", "baseline"]
    static let offerFields = ["provider", "title", "description", "regions", "available_from", "available_to"]

    func index(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: CapacityPages.index(
                try await CapacityQueries.index(on: services.db), chrome: services.chrome(request, context.base)))
    }

    func newRequest(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        try await services.formPage(request, context.base) { chrome, csrf in
            CapacityPages.requestForm(fields: [:], sets: [:], errors: [:], user: context.user, csrf: csrf, chrome: chrome)
        }
    }

    func createRequest(_ request: Request, context: SignedInContext) async throws -> Response {
        let (fields, sets, found) = try await Self.read(request, fields: Self.requestFields)
        var errors = found
        let title = fields["title"] ?? ""
        if title.isEmpty { errors["title"] = "validation.required" }
        for (name, limit) in [("title", 300), ("description", 5000), ("audience", 500), ("timing", 200), ("baseline", 5000)]
        where (fields[name] ?? "").count > limit {
            errors[name] = "validation.too_long"
        }
        // A member asks for their own city; the secretariat for any.
        var city: City?
        let slug = fields["city"] ?? ""
        if context.user.isSecretariat, !slug.isEmpty {
            city = try await CityQueries.bySlug(slug, on: services.db)
            if city == nil { errors["city"] = "validation.unknown_city" }
        } else if let cityID = context.user.cityID {
            city = try await City.find(cityID, on: services.db)
        }
        if city == nil && errors["city"] == nil { errors["city"] = "capacity.error.city" }
        guard errors.isEmpty, let city else {
            let found = errors
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                CapacityPages.requestForm(
                    fields: fields, sets: sets, errors: found, user: context.user, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        let record = CapacityRequest()
        record.$city.id = try city.requireID()
        record.title = title
        record.details = fields["description"] ?? ""
        record.audience = fields["audience"] ?? ""
        record.timing = fields["timing"] ?? ""
        record.baseline = fields["baseline"] ?? ""
        record.topics = sets["topics", default: []].joined(separator: ";")
        record.languages = sets["languages", default: []].joined(separator: ";")
        record.formats = sets["formats", default: []].joined(separator: ";")
        record.status = .open
        (record.outcome, record.feedback) = ("", "")
        record.createdBy = context.user.id
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(
                "capacity.request", entity: "capacity_request", id: try record.requireID().uuidString, actor: context.user,
                after: ["title": title, "city": city.slug], at: now, on: db)
        }
        return try SeeOther(location: Paths.capacityRequest(try record.requireID())).response(
            from: request, context: context)
    }

    func newOffer(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        try await services.formPage(request, context.base) { chrome, csrf in
            CapacityPages.offerForm(fields: [:], sets: [:], errors: [:], csrf: csrf, chrome: chrome)
        }
    }

    func createOffer(_ request: Request, context: SignedInContext) async throws -> Response {
        let (fields, sets, found) = try await Self.read(request, fields: Self.offerFields)
        var errors = found
        for name in ["provider", "title"] where (fields[name] ?? "").isEmpty { errors[name] = "validation.required" }
        let regions = (fields["regions"] ?? "").uppercased().split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map(
            String.init)
        if regions.contains(where: { !Validate.isCountryCode($0) }) { errors["regions"] = "validation.country" }
        for name in ["available_from", "available_to"] {
            if let day = fields[name], !day.isEmpty, ISODay.parse(day) == nil { errors[name] = "actions.error.date" }
        }
        if let from = fields["available_from"], let to = fields["available_to"], !from.isEmpty, !to.isEmpty, to < from {
            errors["available_to"] = "knowledge.error.ends_before"
        }
        guard errors.isEmpty else {
            let found = errors
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                CapacityPages.offerForm(fields: fields, sets: sets, errors: found, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        let offer = CapacityOffer()
        offer.provider = fields["provider", default: ""]
        offer.$organisation.id = context.user.organisationID
        offer.title = fields["title", default: ""]
        offer.details = fields["description"] ?? ""
        offer.topics = sets["topics", default: []].joined(separator: ";")
        offer.languages = sets["languages", default: []].joined(separator: ";")
        offer.formats = sets["formats", default: []].joined(separator: ";")
        offer.regions = regions.joined(separator: ";")
        offer.availableFrom = (fields["available_from"] ?? "").isEmpty ? nil : fields["available_from"]
        offer.availableTo = (fields["available_to"] ?? "").isEmpty ? nil : fields["available_to"]
        offer.createdBy = context.user.id
        try await offer.create(on: services.db)
        return try SeeOther(location: Paths.capacity).response(from: request, context: context)
    }

    /// The text fields and the three choice lists of a request or offer form, with the choices checked.
    static func read(_ request: Request, fields names: [String]) async throws -> (
        [String: String], [String: [String]], [String: String]
    ) {
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in names { fields[name] = form[name] }
        let sets = ["topics": form.all("topics"), "languages": form.all("languages"), "formats": form.all("formats")]
        return (fields, sets, checkSets(sets))
    }

    static func checkSets(_ sets: [String: [String]]) -> [String: String] {
        var errors: [String: String] = [:]
        let (topics, languages, formats) = (
            sets["topics", default: []], sets["languages", default: []], sets["formats", default: []]
        )
        if topics.isEmpty { errors["topics"] = "capacity.error.topics" }
        if topics.contains(where: { !CapacityTaxonomy.topics.contains($0) }) { errors["topics"] = "validation.choice" }
        if languages.isEmpty || languages.contains(where: { !Vocabulary.contentLanguages.contains($0) }) {
            errors["languages"] = "capacity.error.languages"
        }
        if formats.isEmpty || formats.contains(where: { !CapacityTaxonomy.formats.contains($0) }) {
            errors["formats"] = "capacity.error.formats"
        }
        return errors
    }

    func show(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let record = try await load(context)
        let model = try await CapacityQueries.page(
            record, user: context.user, today: ISODay.format(services.clock.now()), on: services.db)
        return try await services.formPage(request, context.base) { chrome, csrf in
            CapacityPages.request(model, csrf: csrf, chrome: chrome)
        }
    }

    /// `POST …/match`: the secretariat confirms an offer or a peer city; the request becomes matched.
    func match(_ request: Request, context: SignedInContext) async throws -> Response {
        guard context.user.isSecretariat else { throw AppError.forbidden }
        let record = try await load(context)
        let form = try await FormData.read(request)
        let matched: CapacityMail.Match
        if let id = UUID(uuidString: form["offer"]), let offer = try await CapacityOffer.find(id, on: services.db) {
            record.$offer.id = id
            matched = .offer(offer)
        } else if let id = UUID(uuidString: form["peer"]), let city = try await City.find(id, on: services.db) {
            record.$peerCity.id = id
            matched = .peer(city)
        } else {
            throw AppError.validation(["offer": "validation.choice"])
        }
        record.status = .matched
        try await save(record, action: "capacity.match", user: context.user) { db in
            try await CapacityMail.matched(record, with: matched, services: services, on: db)
        }
        return try SeeOther(location: Paths.capacityRequest(try record.requireID())).response(
            from: request, context: context)
    }

    /// `POST …/status`: delivered or closed, with the outcome and feedback (the secretariat, or the
    /// requesting city's members).
    func status(_ request: Request, context: SignedInContext) async throws -> Response {
        let record = try await load(context)
        guard CapacityQueries.mayReport(context.user, on: record) else { throw AppError.forbidden }
        let form = try await FormData.read(request)
        guard let next = CapacityRequestStatus(rawValue: form["status"]), record.status.mayReport(next) else {
            throw AppError.validation(["status": "capacity.error.status"])
        }
        if next == .closed && form["outcome"].isEmpty { throw AppError.validation(["outcome": "validation.required"]) }
        record.status = next
        if !form["outcome"].isEmpty { record.outcome = String(form["outcome"].prefix(5000)) }
        if !form["feedback"].isEmpty { record.feedback = String(form["feedback"].prefix(5000)) }
        try await save(record, action: "capacity.status", user: context.user)
        return try SeeOther(location: Paths.capacityRequest(try record.requireID())).response(
            from: request, context: context)
    }

    /// Saves and audits in one transaction, with whatever else the change brings (its mail).
    private func save(
        _ record: CapacityRequest, action: String, user: CurrentUser,
        also: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws {
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await record.save(on: db)
            try await also(db)
            try await Audit.record(
                action, entity: "capacity_request", id: try record.requireID().uuidString, actor: user,
                after: ["status": record.status.rawValue], at: now, on: db)
        }
    }

    private func load(_ context: SignedInContext) async throws -> CapacityRequest {
        guard let id = UUID(uuidString: try context.parameters.require("id")),
            let record = try await CapacityRequest.query(on: services.db).filter(\.$id == id).with(\.$city).with(\.$offer)
                .with(\.$peerCity).first()
        else { throw AppError.notFound }
        return record
    }
}
