import CarbonAccounting
import FluentKit
import Foundation
import Reporting
import HTTPTypes
import Hummingbird
import NIOCore

/// Inventories in the JSON API: the same service, rules and documents as the site.
struct InventoryAPI: Sendable {
    let services: Services

    struct ListEntry: Encodable, Sendable {
        let year: Int
        /// community or government: the two are never summed.
        let kind: String
        let level: String
        let gwpSet: String
        let state: String
        let illustrative: Bool
        let levelTotal: Double?
        let territorial: Double?
        let url: String
        enum CodingKeys: String, CodingKey {
            case year, kind, level
            case gwpSet = "gwp_set"
            case state, illustrative
            case levelTotal = "level_total"
            case territorial, url
        }
    }

    struct ReportedEntry: Encodable, Sendable {
        let year: Int
        let total: Double?
        let scope1: Double?
        let scope2: Double?
        let scope3: Double?
        let basis: String
        let gases: String
        let unit: String
        let source: String
        let confidence: String
        let verified: Bool
        let note: String?
        enum CodingKeys: String, CodingKey {
            case year, total
            case scope1 = "scope_1"
            case scope2 = "scope_2"
            case scope3 = "scope_3"
            case basis, gases, unit, source, confidence
            case verified, note
        }
    }

    struct ListBody: Encodable, Sendable {
        let city: String
        let inventories: [ListEntry]
        let reported: [ReportedEntry]
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ListBody> {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        let cityID = try city.requireID()
        let user = context.user
        let items = try await InventoryQueries.items(city: cityID, on: services.db) {
            InventoryAccess(user: user, cityID: cityID, inventory: $0).canView
        }
        let reported = try await InventoryQueries.reported(city: cityID, on: services.db)
        return JSONBody(
            value: ListBody(
                city: city.slug,
                inventories: items.map {
                    ListEntry(
                        year: $0.year, kind: $0.kind.rawValue, level: $0.level, gwpSet: $0.gwpSet, state: $0.state.rawValue,
                        illustrative: $0.illustrative,
                        levelTotal: $0.levelTotal, territorial: $0.territorial,
                        url: Paths.apiInventory(city.slug, $0.year, kind: $0.kind))
                },
                reported: reported.map {
                    ReportedEntry(
                        year: $0.year, total: $0.total, scope1: $0.scopes[0], scope2: $0.scopes[1], scope3: $0.scopes[2],
                        basis: $0.basis, gases: $0.gases, unit: $0.unit, source: $0.source, confidence: $0.confidence,
                        verified: !Vocabulary.isUnverified($0.confidence), note: $0.note)
                }))
    }

    struct CreateBody: Decodable, Sendable {
        let year: Int
        let kind: String?
        let level: String?
        let gwpSet: String?
        let airEdition: String?
        let boundary: String?
        enum CodingKeys: String, CodingKey {
            case year, kind, level
            case gwpSet = "gwp_set"
            case airEdition = "air_edition"
            case boundary
        }
    }

    func create(_ request: Request, context: CityEditorContext) async throws -> JSONBody<InventoryDocument> {
        let city = context.city
        let body = try await APIRequest.decode(
            CreateBody.self, from: request, allowedKeys: ["year", "kind", "level", "gwp_set", "air_edition", "boundary"])
        let (settings, errors) = InventorySettingsForm.validate(
            [
                "year": String(body.year), "kind": body.kind ?? "", "level": body.level ?? "BASIC",
                "gwp_set": body.gwpSet ?? "AR5", "air_edition": body.airEdition ?? "", "boundary": body.boundary ?? "",
            ],
            withYear: true, now: services.clock.now())
        guard errors.isEmpty, let settings, let year = settings.year else { throw AppError.validation(errors) }
        let inventory = try await services.inventories.create(
            city: city, year: year, kind: settings.kind, level: settings.level, gwpSet: settings.gwpSet,
            boundary: settings.boundary, airEdition: settings.airEdition, by: context.user)
        let computed = try await services.inventories.computed(inventory, city: city)
        return JSONBody(
            value: InventoryDocument(computed), status: .created,
            location: Paths.apiInventory(city.slug, year, kind: settings.kind))
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> JSONBody<InventoryDocument> {
        let (data, _) = try await services.inventoryPage(try InventoriesController.pageKey(context), user: context.user)
        return JSONBody(value: InventoryDocument(data.computed))
    }

    /// `?format=json|csv|reporting-table|ecrf|cdp|cdp-xlsx`.
    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.inventoryPage(try InventoriesController.pageKey(context), user: context.user).data
        let computed = data.computed
        let inventory = computed.inventory
        switch request.query("format") {
        case "", "json": return try InventoryExport.json(computed)
        case "csv": return InventoryExport.csv(computed)
        case "reporting-table":
            return InventoryExport.file(ReportingTable.csv(computed), type: "text/csv; charset=utf-8", name: "gpc.csv")
        case "ecrf":
            return InventoryExport.workbook(
                try InventoryReports.ecrf(data, reference: services.reference),
                name: InventoryReports.fileName(inventory, "ecrf", "xlsx"))
        case "cdp":
            return InventoryExport.file(
                try InventoryReports.cdp(data, reference: services.reference).csv, type: "text/csv; charset=utf-8",
                name: InventoryReports.fileName(inventory, "cdp", "csv"))
        case "cdp-xlsx":
            let bytes: Data
            do { bytes = try InventoryReports.cdp(data, reference: services.reference).xlsx() } catch let error as AppError {
                throw error
            } catch { throw AppError.internal("\(error)") }
            return InventoryExport.workbook(bytes, name: InventoryReports.fileName(inventory, "cdp", "xlsx"))
        default: throw AppError.validation(["format": "validation.choice"])
        }
    }

    struct ImportBody: Encodable, Sendable {
        let created: Bool
        let lines: Int
        let inventory: InventoryDocument
    }

    /// PUT the lines as a CSV body (`Content-Type: text/csv`) or an eCRF workbook (the .xlsx type):
    /// replaces every line of a draft, or creates the inventory (`?level=`, `?gwp_set=`, else the
    /// workbook's own) when the city has none of this kind for that year.
    func importLines(_ request: Request, context: SignedInContext) async throws -> JSONBody<ImportBody> {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        let cityID = try city.requireID()
        guard let year = Int(try context.parameters.require("year")), (1990...9999).contains(year) else {
            throw AppError.validation(["year": "inventory.year_invalid"])
        }
        let kind = InventoryKind.of(context.parameters)
        let existing = try await services.inventories.find(city: city, year: year, kind: kind)
        let access = InventoryAccess(user: context.user, cityID: cityID, inventory: existing)
        guard access.isEditor else { throw existing == nil || access.canView ? AppError.forbidden : AppError.notFound }
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        let workbook = contentType.hasPrefix(InventoryUpload.xlsxType)
        guard contentType.hasPrefix("text/csv") || contentType.hasPrefix("text/plain") || workbook else {
            throw AppError(kind: .unsupportedMediaType, messageKey: "error.import_content_type")
        }
        let levelText = request.query("level")
        let setText = request.query("gwp_set")
        var errors: [String: String] = [:]
        let level = levelText.isEmpty ? nil : ReportingLevel.parse(levelText)
        if !levelText.isEmpty && level == nil { errors["level"] = "validation.choice" }
        let set = setText.isEmpty ? nil : GWPSet.parse(setText)
        if !setText.isEmpty && set == nil { errors["gwp_set"] = "validation.choice" }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: UploadLimits.importBytes) } catch {
            throw AppError(kind: .payloadTooLarge, messageKey: "error.upload_too_large")
        }
        let result = try await services.inventories.importLines(
            city: city, year: year, kind: kind, level: level, gwpSet: set, bytes: Array(buffer.readableBytesView),
            filename: nil, contentType: workbook ? InventoryUpload.xlsxType : nil, by: context.user)
        let computed = try await services.inventories.computed(result.inventory, city: city)
        return JSONBody(
            value: ImportBody(
                created: result.created, lines: result.lineCount, inventory: InventoryDocument(computed, includeLines: false)),
            status: result.created ? .created : .ok)
    }

    struct TransitionBody: Decodable, Sendable {
        let action: String
        let comment: String?
    }

    func transition(_ request: Request, context: SignedInContext) async throws -> JSONBody<InventoryDocument> {
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        let body = try await APIRequest.decode(TransitionBody.self, from: request, allowedKeys: ["action", "comment"])
        guard let transition = InventoryTransition(rawValue: body.action) else {
            throw AppError.validation(["action": "validation.choice"])
        }
        try await services.inventories.transition(
            target.inventory, city: target.city, transition, comment: String((body.comment ?? "").prefix(1000)), by: context.user)
        return JSONBody(
            value: InventoryDocument(
                try await services.inventories.computed(target.inventory, city: target.city), includeLines: false))
    }

    struct VersionsBody: Encodable, Sendable { let versions: [InventoryVersion] }

    func versions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<VersionsBody> {
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        return JSONBody(value: VersionsBody(versions: try await VersionStore.list(target.inventory.requireID(), on: services.db)))
    }

    struct FactorEntry: Encodable, Sendable {
        let id, kind, name, fuel, unit, publisher, document, table, year, region, confidence, source: String
        let co2, ch4, n2o: Double?
        let gpcRefs: [String]
        enum CodingKeys: String, CodingKey {
            case id, kind, name, fuel, unit, publisher, document, table, year, region, confidence, source, co2, ch4, n2o
            case gpcRefs = "gpc_refs"
        }
    }

    func factors(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ListDocument<FactorEntry>> {
        let kindText = request.query("kind")
        let kind = EmissionFactor.Kind(rawValue: kindText)
        if !kindText.isEmpty && kind == nil { throw AppError.validation(["kind": "validation.choice"]) }
        var library = services.reference.library.factors
        // `city=SLUG` adds that city's own (user-defined) factors, kind "custom".
        if !request.query("city").isEmpty {
            library =
                try await CustomFactorsController.factors(
                    of: try await services.city(slug: request.query("city")), on: services.db)
                + library
        }
        let factors = FactorSearch.filter(library, kind: kind, query: request.query("q"))
        let items = factors.map {
            FactorEntry(
                id: $0.id, kind: $0.kind.rawValue, name: $0.name, fuel: $0.fuel, unit: $0.unit.description,
                publisher: $0.publisher,
                document: $0.document, table: $0.table, year: $0.year, region: $0.region, confidence: $0.confidence,
                source: $0.source, co2: $0.co2, ch4: $0.ch4, n2o: $0.n2o, gpcRefs: $0.gpcRefs)
        }
        return JSONBody(value: ListDocument(items: items, page: 1, perPage: max(items.count, 1), total: items.count))
    }
}
