import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// Changing inventories: create, edit lines by sector, import, settings, state, verifier, restore.
/// Every handler checks who may act on this city and this state before touching anything.
struct InventoryEditingController: Sendable {
    let services: Services

    func newForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        let year = Calendar(identifier: .gregorian).component(.year, from: services.clock.now()) - 1
        return try await services.formPage(request, context.base) { chrome, csrf in
            InventoryEditPages.newInventory(
                city: CityEntry(city), fields: ["year": String(year)], errors: [:], csrf: csrf, chrome: chrome)
        }
    }

    func create(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in InventorySettingsForm.createFields { fields[name] = form[name] }
        let (settings, errors) = InventorySettingsForm.validate(fields, withYear: true, now: services.clock.now())
        if errors.isEmpty, let settings, let year = settings.year,
            try await services.inventories.find(city: city, year: year, kind: settings.kind) == nil
        {
            _ = try await services.inventories.create(
                city: city, year: year, kind: settings.kind, level: settings.level, gwpSet: settings.gwpSet,
                boundary: settings.boundary, airEdition: settings.airEdition, by: context.user)
            return try SeeOther(location: Paths.inventory(city.slug, year, kind: settings.kind)).response(
                from: request, context: context)
        }
        var allErrors = errors
        if allErrors.isEmpty { allErrors["year"] = "inventory.exists" }
        return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
            InventoryEditPages.newInventory(city: CityEntry(city), fields: fields, errors: allErrors, csrf: csrf, chrome: chrome)
        }.response(from: request, context: context)
    }

    func sector(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let target = try await services.editableInventory(context)
        guard let sector = Sector(rawValue: try context.parameters.require("sector")) else { throw AppError.notFound }
        let computed = try await services.inventories.computed(target.inventory, city: target.city)
        let tree = services.reference.tree
        let rows = LineRow.all(computed).filter { tree[$0.stored.line.gpcRef]?.sector == sector }
        let details = services.airDetails(rows, edition: target.inventory.airEdition)
        return try await services.formPage(request, context.base) { chrome, csrf in
            InventoryEditPages.sector(computed, sector: sector, airDetails: details, csrf: csrf, chrome: chrome)
        }
    }

    func newLine(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let target = try await services.editableInventory(context)
        let ref = request.query("ref")
        guard services.reference.tree[ref] != nil else { throw AppError.validation(["ref": "validation.choice"]) }
        return try await lineForm(request, context, target, LineFormModel(fields: ["gpc_ref": ref], errors: [:], rowID: nil))
    }

    func editLine(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let target = try await services.editableInventory(context)
        let stored = try await storedLine(context, target)
        return try await lineForm(
            request, context, target, LineFormModel(fields: LineColumns.fields(of: stored.line), errors: [:], rowID: stored.rowID)
        )
    }

    func createLine(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        return try await saveLine(request, context, target, rowID: nil)
    }

    func updateLine(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        let stored = try await storedLine(context, target)
        return try await saveLine(request, context, target, rowID: stored.rowID)
    }

    func deleteLine(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        let stored = try await storedLine(context, target)
        try await services.inventories.changeLine(
            target.inventory, city: target.city, rowID: stored.rowID, to: nil,
            summary: "Deleted a line of \(stored.line.gpcRef)\(stored.line.id.isEmpty ? "" : " (\(stored.line.id))")",
            by: context.user)
        let sector = String(stored.line.gpcRef.split(separator: ".").first ?? "I")
        return try SeeOther(
            location: Paths.inventorySector(target.city.slug, target.inventory.year, sector, kind: target.inventory.kind)
        ).response(from: request, context: context)
    }

    func importForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let target = try await services.editableInventory(context)
        let summary = try InventorySummary(target.inventory, city: target.city)
        return try await services.formPage(request, context.base) { chrome, csrf in
            InventoryEditPages.importPage(summary, problems: [], csrf: csrf, chrome: chrome)
        }
    }

    func importFile(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        let upload = try await Multipart.read(request, limit: UploadLimits.importBytes)
        let summary = try InventorySummary(target.inventory, city: target.city)
        do {
            guard let file = upload["file"] else {
                throw AppError.invalidFile([
                    ImportProblem(row: nil, column: nil, message: "choose a CSV file or an eCRF workbook (.xlsx) to import")
                ])
            }
            let lines = try InventoryUpload.lines(
                file.data, filename: file.filename, contentType: file.contentType, reference: services.reference,
                inventory: target.inventory)
            try await services.inventories.replaceLines(
                target.inventory, city: target.city, with: lines,
                summary: "Imported \(lines.count) lines from \(file.filename ?? "a file")", by: context.user)
            return try SeeOther(location: target.inventory.path(target.city)).response(from: request, context: context)
        } catch let error as AppError where !error.rowErrors.isEmpty {
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                InventoryEditPages.importPage(summary, problems: error.rowErrors, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
    }

    func settings(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        let form = try await FormData.read(request)
        let fields = [
            "level": form["level"], "gwp_set": form["gwp_set"], "air_edition": form["air_edition"],
            "boundary": form["boundary"],
        ]
        let (settings, errors) = InventorySettingsForm.validate(fields, withYear: false, now: services.clock.now())
        guard errors.isEmpty, let settings else { throw AppError.validation(errors) }
        try await services.inventories.updateSettings(
            target.inventory, city: target.city, level: settings.level, gwpSet: settings.gwpSet,
            airEdition: settings.airEdition, boundary: settings.boundary, by: context.user)
        return try SeeOther(location: target.inventory.path(target.city)).response(from: request, context: context)
    }

    func state(_ request: Request, context: SignedInContext) async throws -> Response {
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        let form = try await FormData.read(request)
        guard let transition = InventoryTransition(rawValue: form["action"]) else {
            throw AppError.validation(["action": "validation.choice"])
        }
        try await services.inventories.transition(
            target.inventory, city: target.city, transition, comment: String(form["comment"].prefix(1000)), by: context.user)
        return try SeeOther(location: target.inventory.path(target.city)).response(from: request, context: context)
    }

    func verifier(_ request: Request, context: SignedInContext) async throws -> Response {
        guard context.user.isSecretariat else { throw AppError.forbidden }
        let target = try await services.inventoryTarget(context.parameters, user: context.user)
        let form = try await FormData.read(request)
        var verifier: User?
        if !form["verifier"].isEmpty {
            guard let id = UUID(uuidString: form["verifier"]),
                let user = try await InventoryQueries.verifierCandidates(on: services.db).first(where: { $0.id == id })
            else { throw AppError.validation(["verifier": "validation.choice"]) }
            verifier = user
        }
        try await services.inventories.nameVerifier(target.inventory, city: target.city, verifier: verifier, by: context.user)
        return try SeeOther(location: target.inventory.path(target.city)).response(from: request, context: context)
    }

    func restore(_ request: Request, context: CityEditorContext) async throws -> Response {
        let target = try await services.editableInventory(context)
        guard let number = Int(try context.parameters.require("number")) else { throw AppError.notFound }
        try await services.inventories.restore(target.inventory, city: target.city, version: number, by: context.user)
        return try SeeOther(
            location: Paths.inventoryVersions(target.city.slug, target.inventory.year, kind: target.inventory.kind)
        ).response(from: request, context: context)
    }

    // MARK: - helpers

    private func storedLine(_ context: CityEditorContext, _ target: InventoryTarget) async throws -> StoredLine {
        guard let rowID = UUID(uuidString: try context.parameters.require("line")),
            let stored = try await LineStore.load(rowID: rowID, inventoryID: target.inventory.requireID(), on: services.db)
        else { throw AppError.notFound }
        return stored
    }

    private func lineForm(
        _ request: Request, _ context: CityEditorContext, _ target: InventoryTarget, _ model: LineFormModel,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let summary = try InventorySummary(target.inventory, city: target.city)
        let ref = model.fields["gpc_ref"] ?? ""
        let own = try await CustomFactorsController.factors(of: target.city, on: services.db).filter { $0.gpcRefs.contains(ref) }
        let factors = own + services.reference.library.candidates(for: ref)
        return try await services.formPage(request, context.base, status: status) { chrome, csrf in
            InventoryEditPages.lineForm(
                model, inventory: summary, factors: factors, scope2: services.reference.tree[ref]?.scope == .two, csrf: csrf,
                chrome: chrome)
        }
    }

    private func saveLine(_ request: Request, _ context: CityEditorContext, _ target: InventoryTarget, rowID: UUID?) async throws
        -> Response
    {
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for column in LineColumns.all + LineColumns.optional + ["factor"] { fields[column] = form[column] }
        var errors: [String: String] = [:]
        if !fields["factor", default: ""].isEmpty {
            let own = try await CustomFactorsController.factors(of: target.city, on: services.db)
            if let factor = services.reference.library[fields["factor"]!] ?? own.first(where: { $0.id == fields["factor"] }) {
                LineFormFactor.apply(factor, to: &fields)
            } else {
                errors["factor"] = "validation.choice"
            }
        }
        let reference = services.reference
        var parsed: Line?
        switch reference.parser.parse(fields) {
        case .success(let line):
            let problems = reference.calculator(set: target.inventory.gwpSet, year: target.inventory.year).calculate(line)
                .problems
            for problem in problems { errors[problem.column] = problem.message }
            parsed = line
        case .failure(let problems):
            for problem in problems.items where errors[problem.column] == nil { errors[problem.column] = problem.message }
        }
        guard errors.isEmpty, let line = parsed else {
            return try await lineForm(
                request, context, target, LineFormModel(fields: fields, errors: errors, rowID: rowID),
                status: .unprocessableContent
            ).response(from: request, context: context)
        }
        let what = "\(line.gpcRef)\(line.id.isEmpty ? "" : " (\(line.id))")"
        try await services.inventories.changeLine(
            target.inventory, city: target.city, rowID: rowID, to: line,
            summary: rowID == nil ? "Added a line to \(what)" : "Changed a line of \(what)", by: context.user)
        let sector = String(line.gpcRef.split(separator: ".").first ?? "I")
        return try SeeOther(
            location: Paths.inventorySector(target.city.slug, target.inventory.year, sector, kind: target.inventory.kind)
                + "#sub-\(line.gpcRef)"
        )
        .response(from: request, context: context)
    }
}

/// Picking a library factor fills the factor columns the user left empty, and cites it.
enum LineFormFactor {
    static func apply(_ factor: EmissionFactor, to fields: inout [String: String]) {
        let typed = ["ef_co2", "ef_ch4", "ef_n2o"].contains { !(fields[$0] ?? "").isEmpty }
        if !typed {
            fields["ef_co2"] = factor.co2.map(LineColumns.format) ?? ""
            fields["ef_ch4"] = factor.ch4.map(LineColumns.format) ?? ""
            fields["ef_n2o"] = factor.n2o.map(LineColumns.format) ?? ""
            fields["ef_unit"] = factor.unit.description
        }
        if (fields["fuel"] ?? "").isEmpty { fields["fuel"] = factor.fuel }
        let source = fields["source"] ?? ""
        if !source.contains(factor.id) {
            fields["source"] = source.isEmpty ? "Factor: \(factor.citation)" : "\(source); factor: \(factor.citation)"
        }
        fields["factor"] = ""
    }
}

/// Year, kind, level, GWP set, pollutant edition and boundary of an inventory, validated.
enum InventorySettingsForm {
    struct Settings {
        let year: Int?
        let kind: InventoryKind
        let level: ReportingLevel
        let gwpSet: GWPSet
        /// nil: not given (a new inventory takes the default of its year; a change keeps the edition).
        let airEdition: AirPollutantEdition?
        let boundary: String
    }

    static let createFields = ["year", "kind", "level", "gwp_set", "air_edition", "boundary"]

    static func validate(_ fields: [String: String], withYear: Bool, now: Date) -> (Settings?, [String: String]) {
        var errors: [String: String] = [:]
        var year: Int?
        if withYear {
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: now)
            if let value = Int(fields["year"] ?? ""), (1990...thisYear).contains(value) {
                year = value
            } else {
                errors["year"] = "inventory.year_invalid"
            }
        }
        let level = ReportingLevel.parse(fields["level"] ?? "")
        if level == nil { errors["level"] = "validation.choice" }
        let set = GWPSet.parse(fields["gwp_set"] ?? "")
        if set == nil { errors["gwp_set"] = "validation.choice" }
        let kind = InventoryKind.parse(fields["kind"] ?? "")
        if kind == nil { errors["kind"] = "validation.choice" }
        let editionText = (fields["air_edition"] ?? "").trimmingCharacters(in: .whitespaces)
        let edition = editionText.isEmpty ? nil : AirPollutantEdition.parse(editionText)
        if !editionText.isEmpty && edition == nil { errors["air_edition"] = "validation.choice" }
        let boundary = (fields["boundary"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if boundary.count > 2000 { errors["boundary"] = "validation.too_long" }
        guard errors.isEmpty, let level, let set, let kind else { return (nil, errors) }
        return (
            Settings(year: year, kind: kind, level: level, gwpSet: set, airEdition: edition, boundary: boundary), errors
        )
    }
}
