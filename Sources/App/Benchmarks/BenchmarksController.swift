import FluentKit
import Foundation
import Hummingbird
import Indicators

/// Benchmarks and peers for everyone; the settings and named groups for the secretariat.
struct BenchmarksController: Sendable {
    let services: Services

    /// The indicator a request names (framework, indicator, year), with the platform's defaults:
    /// the first framework with a published edition, its first computed item, the latest year with
    /// at least three figures.
    func observations(_ request: Request) async throws -> (IndicatorObservations, year: Int, catalog: [FrameworkEntry]) {
        let catalog = try await services.frameworkCatalog()
        let wanted = request.query("framework")
        guard
            let framework = wanted.isEmpty
                ? (catalog.first { $0.slug == "lcc-index" && $0.current != nil } ?? catalog.first { $0.current != nil })
                : catalog.first(where: { $0.slug == wanted }),
            let edition = framework.current
        else { throw AppError.notFound }
        let itemText = request.query("indicator")
        guard
            let item = itemText.isEmpty
                ? (edition.edition.items.first { $0.formula != nil } ?? edition.edition.items.first)
                : edition.edition.item(ItemID(itemText))
        else { throw AppError.validation(["indicator": "validation.choice"]) }
        let key = IndicatorKey(framework: framework.slug, version: edition.version, item: item.id.rawValue)
        guard let observations = try await services.cache.value(BenchmarkReads.observations, key, in: services.query) else {
            throw AppError.notFound
        }
        let yearText = request.query("year")
        var year: Int
        if yearText.isEmpty {
            year = observations.defaultYear
        } else {
            guard let value = Int(yearText), (1900...2100).contains(value) else {
                throw AppError.validation(["year": "validation.year"])
            }
            year = value
        }
        return (observations, year, catalog)
    }

    func page(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let (observations, year, catalog) = try await observations(request)
        let groups = try await services.peerGroups()
        let focus = request.query("city").isEmpty ? nil : request.query("city")
        if let focus, observations.cities.city(focus) == nil { throw AppError.validation(["city": "validation.choice"]) }
        let group = request.query("group")
        var members: Set<String>?
        if group.hasPrefix("peers:") {
            let slug = String(group.dropFirst("peers:".count))
            guard let peers = try await services.cache.value(PeerReads.peers, slug, in: services.query) else {
                throw AppError.validation(["group": "validation.choice"])
            }
            members = Set(peers.result.matches.map(\.peer) + [slug])
        } else if !group.isEmpty {
            guard let found = groups.first(where: { $0.slug == group }) else {
                throw AppError.validation(["group": "validation.choice"])
            }
            members = Set(found.cities)
        }
        let key = IndicatorKey(
            framework: observations.framework.slug, version: observations.edition.version, item: observations.item.id.rawValue)
        let chosen = members
        return try await services.cachedPage(BenchmarkReads.observations, key, request, context) { data, chrome in
            guard let data else { throw AppError.notFound }
            let view = data.view(year: year, among: chosen, focus: focus)
            let earlier = data.years.filter { $0 < year }
            let from = earlier.first { $0 >= year - 5 } ?? earlier.last
            let improved = from.map { from in
                MostImproved.rank(
                    direction: data.direction,
                    observations: chosen.map { set in data.observations.filter { set.contains($0.city) } } ?? data.observations,
                    from: from, to: year, thresholds: data.settings.thresholds)
            }
            return BenchmarkPages.page(
                BenchmarkPageModel(
                    frameworks: catalog, groups: groups, observations: data, year: year, group: group,
                    members: chosen, focus: focus, view: view, improved: improved),
                chrome: chrome)
        }
    }

    func peers(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        return try await services.cachedPage(PeerReads.page, slug, request, context) { model, chrome in
            guard let model else { throw AppError.notFound }
            return PeerPages.page(model, chrome: chrome)
        }
    }
}

extension BenchmarksController {
    func settings(_ request: Request, context: SecretariatContext) async throws -> HTMLResponse {
        let current = try await services.benchmarkSettings()
        return try await renderSettings(
            request, context, fields: BenchmarkSettingsPage.fields(current), errors: [:], groupErrors: [:])
    }

    func saveSettings(_ request: Request, context: SecretariatContext) async throws -> Response {
        let form = try await FormData.read(request)
        let (settings, errors) = BenchmarkSettingsPage.validate(form, current: try await services.benchmarkSettings())
        guard let settings else {
            var fields: [String: String] = [:]
            for (name, values) in form.values { fields[name] = values.first ?? "" }
            return try await renderSettings(
                request, context, fields: fields, errors: errors, groupErrors: [:], status: .unprocessableContent
            ).response(from: request, context: context)
        }
        try await BenchmarkSettingsReads.save(settings, by: context.user, at: services.clock.now(), on: services.db)
        return try SeeOther(location: Paths.benchmarkSettings).response(from: request, context: context)
    }

    /// A named peer group: its slug, English name and member cities (slugs of the directory).
    func saveGroup(_ request: Request, context: SecretariatContext) async throws -> Response {
        let form = try await FormData.read(request)
        var errors: [String: String] = [:]
        let slug = form["slug"]
        if !Slug.isValid(slug) { errors["slug"] = "benchmarks.group_slug_invalid" }
        let name = String(form["name_en"].prefix(200))
        if name.isEmpty { errors["name_en"] = "validation.required" }
        let cities = form["cities"].split(whereSeparator: { $0 == "," || $0.isNewline || $0 == " " }).map(String.init)
        let known = Set(try await services.cache.value(DirectoryReads.cities, Whole(), in: services.query).map(\.slug))
        if cities.isEmpty || cities.contains(where: { !known.contains($0) }) {
            errors["cities"] = "benchmarks.group_unknown_city"
        }
        if errors.isEmpty, try await PeerGroupRecord.query(on: services.db).filter(\.$slug == slug).count() > 0 {
            errors["slug"] = "benchmarks.group_exists"
        }
        guard errors.isEmpty else {
            return try await renderSettings(
                request, context, fields: BenchmarkSettingsPage.fields(try await services.benchmarkSettings()), errors: [:],
                groupErrors: errors, status: .unprocessableContent
            ).response(from: request, context: context)
        }
        let now = services.clock.now()
        let names = String(decoding: try JSONEncoder().encode(["en": name]), as: UTF8.self)
        let members = String(decoding: try JSONEncoder().encode(cities), as: UTF8.self)
        try await services.db.transaction { db in
            try await PeerGroupRecord(
                slug: slug, names: names, details: String(form["description"].prefix(1000)), cities: members,
                source: String(form["source"].prefix(500))
            ).create(on: db)
            try await Audit.record(
                "peer_group.create", entity: "peer_group", id: slug, actor: context.user, before: nil,
                after: ["name": name, "cities": cities.joined(separator: ",")], at: now, on: db)
        }
        return try SeeOther(location: Paths.benchmarkSettings).response(from: request, context: context)
    }

    private func renderSettings(
        _ request: Request, _ context: SecretariatContext, fields: [String: String], errors: [String: String],
        groupErrors: [String: String], status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let groups = try await services.peerGroups()
        return try await services.formPage(request, context.base, status: status) { chrome, csrf in
            BenchmarkSettingsPage.render(
                fields: fields, errors: errors, groups: groups, groupErrors: groupErrors, chrome: chrome, csrf: csrf)
        }
    }
}
