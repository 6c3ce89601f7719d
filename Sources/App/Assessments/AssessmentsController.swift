import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird
import Indicators

/// A city's assessments: pages for everyone (drafts only for the city's editors and the
/// secretariat); entering values, CSV import and submitting for the city's editors; publishing and
/// returning for the secretariat.
struct AssessmentsController: Sendable {
    let services: Services

    /// The cohort a route names: `:slug`, `:framework`, `:year`, and `?edition=` (else the
    /// framework's current published edition).
    func key(_ request: Request, _ context: some RequestContext) async throws -> CohortKey {
        let framework = try await services.framework(try context.parameters.require("framework"))
        guard let year = Int(try context.parameters.require("year")), (1990...2100).contains(year) else {
            throw AppError.notFound
        }
        let wanted = request.query("edition")
        guard let edition = wanted.isEmpty ? framework.current : framework.edition(wanted) else { throw AppError.notFound }
        return CohortKey(framework: framework.slug, version: edition.version, year: year)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = try await key(request, context)
        let slug = try context.parameters.require("slug")
        let user = context.user
        return try await services.cachedPage(
            AssessmentReads.cohort, key, request, context,
            rights: PageRights { cohort, user in
                let editor = cohort?.cities.city(slug).map { EditorRule.mayEdit(city: $0.id, user: user) } ?? false
                return (editor ? "editor" : "reader") + (user.isSecretariat ? "+secretariat" : "")
            }
        ) { cohort, chrome in
            guard let cohort else { throw AppError.notFound }
            let view = try cohort.view(try self.city(slug, in: cohort))
            guard view.isVisible(to: user) else { throw AppError.notFound }
            return AssessmentPages.page(
                AssessmentPageModel(
                    cohort: cohort, view: view, canEdit: EditorRule.mayEdit(city: view.city.id, user: user),
                    canPublish: user?.isSecretariat == true),
                chrome: chrome)
        }
    }

    func cityList(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        let data = try await services.indicatorData()
        guard let city = data.city(slug) else { throw AppError.notFound }
        let catalog = try await services.frameworkCatalog()
        let records = try await AssessmentRecord.query(on: services.db).filter(\.$city.$id == city.id).with(\.$edition).all()
        let visible = records.filter { $0.state == .published || EditorRule.mayEdit(city: city.id, user: context.user) }
        let rows = catalog.map { framework in
            AssessmentListPage.Row(
                framework: framework,
                years: visible.filter { record in framework.editions.contains { $0.id == record.$edition.id } }
                    .map { ($0.year, $0.state) }.sorted { $0.0 > $1.0 })
        }
        let defaultYear =
            city.inputs.inventories.map(\.year).max() ?? Calendar(identifier: .gregorian).component(
                .year, from: services.clock.now()) - 1
        return HTMLResponse(
            html: AssessmentListPage.render(
                city: city, rows: rows, defaultYear: defaultYear, chrome: services.chrome(request, context)))
    }

    func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key = try await key(request, context)
        let cohort = try await services.cohort(key)
        let view = try cohort.view(try city(try context.parameters.require("slug"), in: cohort))
        guard let record = view.record, view.isVisible(to: context.user) else { throw AppError.notFound }
        return InventoryExport.file(
            record.valuesCSV, type: "text/csv; charset=utf-8", name: "\(view.city.slug)-\(key.framework)-\(key.year).csv")
    }

    func editForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let key = try await key(request, context)
        let cohort = try await services.cohort(key)
        let view = try cohort.view(try city(context.city.slug, in: cohort))
        if let record = view.record, record.state != .draft { throw AppError.conflict("assessment.not_draft") }
        let fields = FormData.assessmentFields(
            view.record == nil ? [:] : view.assessment.responses.filter { $0.value.computed == nil })
        return try await render(request, context, cohort: cohort, view: view, fields: fields, errors: [:], problems: [])
    }

    func save(_ request: Request, context: CityEditorContext) async throws -> Response {
        let key = try await key(request, context)
        let cohort = try await services.cohort(key)
        let submitted = try await FormData.read(request)
        let form = AssessmentForm(form: submitted, edition: cohort.edition.edition)
        do {
            try await services.assessments.save(
                city: context.city, edition: cohort.edition, framework: key.framework, year: key.year, valuesCSV: form.csv,
                summary: "Entered on the form", by: context.user)
        } catch let error as AppError where !error.rowErrors.isEmpty {
            let view = try cohort.view(try city(context.city.slug, in: cohort))
            var fields: [String: String] = [:]
            for (name, values) in submitted.values { fields[name] = values.first ?? "" }
            return try await render(
                request, context, cohort: cohort, view: view, fields: fields, errors: form.fieldErrors(error.rowErrors),
                problems: error.rowErrors, status: .unprocessableContent
            ).response(from: request, context: context)
        }
        return try SeeOther(location: Paths.assessment(context.city.slug, key.framework, key.year))
            .response(from: request, context: context)
    }

    func importFile(_ request: Request, context: CityEditorContext) async throws -> Response {
        let key = try await key(request, context)
        let cohort = try await services.cohort(key)
        let upload = try await Multipart.read(request, limit: UploadLimits.importBytes)
        do {
            guard let file = upload["file"] else {
                throw AppError.invalidFile([
                    ImportProblem(row: nil, column: nil, message: "choose an assessment values file (CSV)")
                ])
            }
            let text = try UploadedCSV.text(file.data, filename: file.filename, contentType: file.contentType)
            try await services.assessments.save(
                city: context.city, edition: cohort.edition, framework: key.framework, year: key.year, valuesCSV: text,
                summary: "Imported \(file.filename ?? "a file")", by: context.user)
        } catch let error as AppError where !error.rowErrors.isEmpty {
            let view = try cohort.view(try city(context.city.slug, in: cohort))
            return try await render(
                request, context, cohort: cohort, view: view, fields: [:], errors: [:], problems: error.rowErrors,
                status: .unprocessableContent
            ).response(from: request, context: context)
        }
        return try SeeOther(location: Paths.assessment(context.city.slug, key.framework, key.year))
            .response(from: request, context: context)
    }

    func state(_ request: Request, context: SignedInContext) async throws -> Response {
        let key = try await key(request, context)
        let cohort = try await services.cohort(key)
        guard let city = try await CityQueries.bySlug(try context.parameters.require("slug"), on: services.db) else {
            throw AppError.notFound
        }
        let form = try await FormData.read(request)
        guard let transition = AssessmentService.Transition(rawValue: form["action"]) else {
            throw AppError.validation(["action": "validation.choice"])
        }
        try await services.assessments.transition(
            transition, city: city, edition: cohort.edition, framework: key.framework, year: key.year,
            comment: String(form["comment"].prefix(500)), by: context.user)
        return try SeeOther(location: Paths.assessment(city.slug, key.framework, key.year)).response(
            from: request, context: context)
    }

    private func city(_ slug: String, in cohort: AssessmentCohort) throws -> IndicatorCity {
        if let view = cohort.assessed[slug] { return view.city }
        guard let city = cohort.cities.city(slug) else { throw AppError.notFound }
        return city
    }

    private func render(
        _ request: Request, _ context: CityEditorContext, cohort: AssessmentCohort, view: AssessmentView,
        fields: [String: String], errors: [String: String], problems: [ImportProblem], status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        try await services.formPage(request, context.base, status: status) { chrome, csrf in
            AssessmentEditPage.render(
                AssessmentEditModel(cohort: cohort, view: view, fields: fields, errors: errors, problems: problems),
                chrome: chrome,
                csrf: csrf)
        }
    }
}
