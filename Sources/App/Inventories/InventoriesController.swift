import CarbonAccounting
import FluentKit
import Foundation
import Reporting
import HTTPTypes
import Hummingbird
import NIOCore

/// Reading inventories: lists, the inventory page, the lines behind a figure, exports, versions,
/// the template and the factor library. Drafts are shown only to those who may see them.
struct InventoriesController: Sendable {
    let services: Services

    func all(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let items = try await InventoryQueries.items(city: nil, on: services.db) { $0.state == .published }
        let reported = try await InventoryQueries.reported(city: nil, on: services.db)
        return HTMLResponse(
            html: InventoryListPages.all(inventories: items, reported: reported, chrome: services.chrome(request, context)))
    }

    func cityList(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        let cityID = try city.requireID()
        let user = context.user
        let items = try await InventoryQueries.items(city: cityID, on: services.db) {
            InventoryAccess(user: user, cityID: cityID, inventory: $0).canView
        }
        let reported = try await InventoryQueries.reported(city: cityID, on: services.db)
        let canCreate = EditorRule.mayEdit(city: cityID, user: user)
        return HTMLResponse(
            html: InventoryListPages.city(
                city: CityEntry(city), inventories: items, reported: reported, canCreate: canCreate,
                chrome: services.chrome(request, context)))
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = try Self.pageKey(context)
        let user = context.user
        var options: [(UUID, String)] = []
        if user?.isSecretariat == true {
            // Only the secretariat names verifiers; the list goes on its page alone.
            options = try await InventoryQueries.verifierCandidates(on: services.db).compactMap { candidate in
                candidate.id.map { ($0, "\(candidate.name) <\(candidate.email)>") }
            }
        }
        let verifiers = options
        return try await services.cachedPage(
            InventoryReads.page, key, request, context, rights: PageRights { data, user in data?.access(for: user).key ?? "" }
        ) { data, chrome in
            guard let data, data.access(for: user).canView else { throw AppError.notFound }
            return InventoryPage.render(InventoryPageModel(data, user: user, verifierOptions: verifiers), chrome: chrome)
        }
    }

    func lines(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let (data, access) = try await services.inventoryPage(try Self.pageKey(context), user: context.user)
        let ref = request.query("ref")
        let sector = request.query("sector")
        let scope = request.query("scope")
        var errors: [String: String] = [:]
        if !ref.isEmpty && services.reference.tree[ref] == nil { errors["ref"] = "validation.choice" }
        if !sector.isEmpty && Sector(rawValue: sector) == nil { errors["sector"] = "validation.choice" }
        if !scope.isEmpty && Int(scope).flatMap(Scope.init(rawValue:)) == nil { errors["scope"] = "validation.choice" }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        var model = LinesPageModel(
            computed: data.computed, access: access, ref: ref.isEmpty ? nil : ref, sector: Sector(rawValue: sector),
            scope: Int(scope).flatMap(Scope.init(rawValue:)))
        model.airDetails = services.airDetails(LinesPage.selected(model), edition: data.computed.inventory.airEdition)
        return HTMLResponse(html: LinesPage.render(model, chrome: services.chrome(request, context)))
    }

    func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        InventoryExport.csv(try await services.inventoryPage(try Self.pageKey(context), user: context.user).data.computed)
    }

    func exportJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        try InventoryExport.json(try await services.inventoryPage(try Self.pageKey(context), user: context.user).data.computed)
    }

    /// The GCoM eCRF workbook with the air-pollutant sheet.
    func exportECRF(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.inventoryPage(try Self.pageKey(context), user: context.user).data
        return InventoryExport.workbook(
            try InventoryReports.ecrf(data, reference: services.reference),
            name: InventoryReports.fileName(data.computed.inventory, "ecrf", "xlsx"))
    }

    /// The CDP-ICLEI Track summary as CSV.
    func exportCDPCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.inventoryPage(try Self.pageKey(context), user: context.user).data
        return InventoryExport.file(
            try InventoryReports.cdp(data, reference: services.reference).csv, type: "text/csv; charset=utf-8",
            name: InventoryReports.fileName(data.computed.inventory, "cdp", "csv"))
    }

    /// The CDP-ICLEI Track summary as a workbook.
    func exportCDPWorkbook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.inventoryPage(try Self.pageKey(context), user: context.user).data
        let summary = try InventoryReports.cdp(data, reference: services.reference)
        let bytes: Data
        do { bytes = try summary.xlsx() } catch { throw AppError.internal("\(error)") }
        return InventoryExport.workbook(bytes, name: InventoryReports.fileName(data.computed.inventory, "cdp", "xlsx"))
    }

    func reportingTable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let computed = try await services.inventoryPage(try Self.pageKey(context), user: context.user).data.computed
        return InventoryExport.file(
            ReportingTable.csv(computed), type: "text/csv; charset=utf-8",
            name: InventoryReports.fileName(computed.inventory, "gpc-reporting-table", "csv"))
    }

    static func pageKey(_ context: some RequestContext) throws -> InventoryPageKey {
        guard let year = Int(try context.parameters.require("year")) else { throw AppError.notFound }
        return InventoryPageKey(
            slug: try context.parameters.require("slug"), year: year, kind: InventoryKind.of(context.parameters))
    }

    func versions(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        let summary = try InventorySummary(target.inventory, city: target.city)
        let versions = try await VersionStore.list(summary.id, on: services.db)
        let canRestore = target.access.canEdit
        if canRestore {
            return try await services.formPage(request, context) { chrome, csrf in
                VersionPages.list(summary, versions: versions, canRestore: true, csrf: csrf, chrome: chrome)
            }
        }
        return HTMLResponse(
            html: VersionPages.list(
                summary, versions: versions, canRestore: false, csrf: nil, chrome: services.chrome(request, context)))
    }

    func compare(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        let summary = try InventorySummary(target.inventory, city: target.city)
        let versions = try await VersionStore.list(summary.id, on: services.db)
        guard let from = Int(request.query("from")).flatMap({ n in versions.first { $0.number == n } }),
            let to = Int(request.query("to")).flatMap({ n in versions.first { $0.number == n } })
        else { throw AppError.validation(["from": "validation.choice", "to": "validation.choice"]) }
        let reference = services.reference
        func lines(_ version: InventoryVersion) async throws -> [Line] {
            guard let snapshot = try await VersionStore.snapshot(summary.id, number: version.number, on: services.db) else {
                return []
            }
            let calculator = reference.calculator(set: GWPSet(rawValue: snapshot.gwpSet) ?? .ar5, year: summary.year)
            return (try? InventoryCSV.read(snapshot.csv, parser: reference.parser, calculator: calculator).get()) ?? []
        }
        let comparison = VersionComparison(
            from: from, to: to, changes: VersionComparison.diff(from: try await lines(from), to: try await lines(to)))
        return HTMLResponse(
            html: VersionPages.compare(summary, comparison: comparison, chrome: services.chrome(request, context)))
    }

    func template(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(html: TemplatePages.template(reference: services.reference, chrome: services.chrome(request, context)))
    }

    func templateCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        InventoryExport.file(TemplatePages.exampleCSV, type: "text/csv; charset=utf-8", name: "lcc-inventory-template.csv")
    }

    func factors(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let kindText = request.query("kind")
        let kind = EmissionFactor.Kind(rawValue: kindText)
        if !kindText.isEmpty && kind == nil { throw AppError.validation(["kind": "validation.choice"]) }
        let query = request.query("q")
        let factors = FactorSearch.filter(services.reference.library.factors, kind: kind, query: query)
        return HTMLResponse(
            html: TemplatePages.factors(factors, kind: kind, query: query, chrome: services.chrome(request, context)))
    }
}

enum FactorSearch {
    static func filter(_ factors: [EmissionFactor], kind: EmissionFactor.Kind?, query: String) -> [EmissionFactor] {
        let needle = query.lowercased()
        return factors.filter { factor in
            (kind == nil || factor.kind == kind)
                && (needle.isEmpty || "\(factor.name) \(factor.id) \(factor.region) \(factor.fuel)".lowercased().contains(needle))
        }
    }
}

/// File responses of inventory exports.
enum InventoryExport {
    static func csv(_ computed: ComputedInventory) -> Response {
        file(
            InventoryCSV.write(computed.lines.map(\.line)), type: "text/csv; charset=utf-8",
            name: InventoryReports.fileName(computed.inventory, "inventory", "csv"))
    }

    static func json(_ computed: ComputedInventory) throws -> Response {
        file(
            try APIJSON.encode(InventoryDocument(computed)), type: "application/json; charset=utf-8",
            name: InventoryReports.fileName(computed.inventory, "inventory", "json"), attachment: false)
    }

    static func workbook(_ data: Data, name: String) -> Response {
        let headers: HTTPFields = [
            .contentType: InventoryUpload.xlsxType, .contentDisposition: "attachment; filename=\"\(name)\"",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func file(_ text: String, type: String, name: String, attachment: Bool = true) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if attachment { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
