import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird

/// A city's targets: the list with progress for everyone; add, edit, delete and CSV import for the
/// city's editors.
struct TargetsController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = services.planKey(try context.parameters.require("slug"))
        return try await services.cachedPage(
            RegistryReads.plan, key, request, context,
            rights: .cityEditor { $0?.cityID }
        ) { plan, chrome in
            guard let plan else { throw AppError.notFound }
            let canEdit = EditorRule.mayEdit(city: plan.cityID, user: chrome.user)
            return TargetPages.list(plan: plan, canEdit: canEdit, problems: [], csrf: chrome.csrfToken, chrome: chrome)
        }
    }

    func template(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(html: TargetTemplatePage.render(chrome: services.chrome(request, context)))
    }

    func templateCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let examples = [
            TargetRow(
                city: "seoul",
                target: Target(
                    kind: .baseYearAbsolute, baseYear: 2005, baseValue: 49_445_000, targetYear: 2050, reductionPercent: 100),
                source: "CDP 2021 Cities Emissions Reduction Targets", originalWording: "100% by 2050 from 2005"),
            TargetRow(
                city: "baoding",
                target: Target(kind: .baseYearIntensityGDP, baseYear: 2010, targetYear: 2020, reductionPercent: 35),
                coverage: Coverage(co2Only: true), setBy: "Baoding Municipal Government",
                source: "Baoding Low Carbon City Development Plan, 2008",
                originalWording: "By 2020 reduce CO2 intensity by 35% compared to 2010"),
            TargetRow(
                city: "tokyo", target: Target(kind: .fixedLevel, targetYear: 2050, targetLevel: 0),
                source: "Zero Emission Tokyo Strategy",
                originalWording: "net zero by 2050"),
        ]
        var response = Response(status: .ok, body: .init(byteBuffer: .init(string: TargetCSV.write(examples))))
        response.headers[.contentType] = "text/csv; charset=utf-8"
        response.headers[.contentDisposition] = "attachment; filename=\"targets-template.csv\""
        return response
    }

    func newForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        return try await services.formPage(request, context.base) { chrome, csrf in
            TargetPages.targetForm(
                citySlug: city.slug, cityNames: city.names, editing: nil, fields: ["coverage": "basic", "gases": "all"],
                errors: [:],
                csrf: csrf, chrome: chrome)
        }
    }

    func create(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        return try await save(request, context: context, city: city, record: nil)
    }

    func editForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        let record = try await services.targets.find(try context.parameters.require("id"), city: city)
        let fields = TargetCSV.fields(record.row(citySlug: city.slug))
        return try await services.formPage(request, context.base) { chrome, csrf in
            TargetPages.targetForm(
                citySlug: city.slug, cityNames: city.names, editing: record.id, fields: fields, errors: [:], csrf: csrf,
                chrome: chrome)
        }
    }

    func update(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let record = try await services.targets.find(try context.parameters.require("id"), city: city)
        return try await save(request, context: context, city: city, record: record)
    }

    func delete(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let record = try await services.targets.find(try context.parameters.require("id"), city: city)
        try await services.targets.delete(record, city: city, by: context.user)
        return try SeeOther(location: Paths.cityTargets(city.slug)).response(from: request, context: context)
    }

    func importFile(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let upload = try await Multipart.read(request, limit: UploadLimits.importBytes)
        do {
            guard let file = upload["file"] else {
                throw AppError.invalidFile([ImportProblem(row: nil, column: nil, message: "choose a CSV file to import")])
            }
            let text = try UploadedCSV.text(file.data, filename: file.filename, contentType: file.contentType)
            _ = try await services.targets.importCSV(text, city: city, by: context.user)
            return try SeeOther(location: Paths.cityTargets(city.slug)).response(from: request, context: context)
        } catch let error as AppError where !error.rowErrors.isEmpty {
            let plan = try await services.plan(of: city)
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                TargetPages.list(plan: plan, canEdit: true, problems: error.rowErrors, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
    }

    private func save(_ request: Request, context: CityEditorContext, city: City, record: CityTarget?) async throws -> Response {
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in TargetPages.formFields { fields[name] = form[name] }
        fields["sectors"] = form.all("sectors").joined(separator: ";")
        fields["conditional"] = form["conditional"] == "true" ? "true" : "false"
        var values = fields
        values["city"] = city.slug
        switch TargetCSV.parse(values) {
        case .success(let row):
            _ = try await services.targets.save(row, city: city, record: record, by: context.user)
            return try SeeOther(location: Paths.cityTargets(city.slug)).response(from: request, context: context)
        case .failure(let problems):
            var errors: [String: String] = [:]
            for problem in problems.items { errors[problem.column] = problem.message }
            let entered = fields
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                TargetPages.targetForm(
                    citySlug: city.slug, cityNames: city.names, editing: record?.id, fields: entered, errors: errors, csrf: csrf,
                    chrome: chrome)
            }.response(from: request, context: context)
        }
    }

}
