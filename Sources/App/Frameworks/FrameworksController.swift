import CarbonAccounting
import Foundation
import Hummingbird
import Indicators

/// Frameworks for everyone to read; import and publish for the secretariat.
struct FrameworksController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await services.cachedPage(
            FrameworkReads.catalog, Whole(), request, context, rights: .secretariat
        ) { catalog, chrome in
            FrameworkPages.list(catalog, canManage: chrome.user?.isSecretariat == true, chrome: chrome)
        }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        let wanted = request.query("edition")
        return try await services.cachedPage(FrameworkReads.catalog, Whole(), request, context, rights: .secretariat) {
            catalog, chrome in
            guard let entry = catalog.first(where: { $0.slug == slug }),
                let edition = wanted.isEmpty ? (entry.current ?? entry.editions.last) : entry.edition(wanted)
            else { throw AppError.notFound }
            return FrameworkPages.show(entry, edition: edition, canManage: chrome.user?.isSecretariat == true, chrome: chrome)
        }
    }

    /// `GET /frameworks/{slug}/editions/{version}.csv`: the edition's framework file.
    func editionCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, edition) = try await self.edition(context, suffix: ".csv")
        return InventoryExport.file(edition.csv, type: "text/csv; charset=utf-8", name: "\(entry.slug)-\(edition.version).csv")
    }

    /// `GET /frameworks/{slug}/editions/{version}/assessment-template.csv`: a values file to fill.
    func assessmentTemplate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, edition) = try await self.edition(context, suffix: "")
        return InventoryExport.file(
            AssessmentCSV.template(for: edition.edition), type: "text/csv; charset=utf-8",
            name: "\(entry.slug)-\(edition.version)-assessment.csv")
    }

    func importFile(_ request: Request, context: SecretariatContext) async throws -> Response {
        let upload = try await Multipart.read(request, limit: UploadLimits.importBytes)
        do {
            guard let file = upload["file"] else {
                throw AppError.invalidFile([
                    ImportProblem(row: nil, column: nil, message: "choose a framework file (CSV) to import")
                ])
            }
            let text = try UploadedCSV.text(file.data, filename: file.filename, contentType: file.contentType)
            let outcome = try await services.frameworks.importCSV(text, by: context.user)
            return try SeeOther(location: Paths.frameworkEdition(outcome.framework, outcome.version))
                .response(from: request, context: context)
        } catch let error as AppError where !error.rowErrors.isEmpty {
            let catalog = try await services.frameworkCatalog()
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, _ in
                FrameworkPages.list(catalog, canManage: true, problems: error.rowErrors, chrome: chrome)
            }.response(from: request, context: context)
        }
    }

    func publish(_ request: Request, context: SecretariatContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let version = try context.parameters.require("version")
        try await services.frameworks.publish(slug, version: version, by: context.user)
        return try SeeOther(location: Paths.frameworkEdition(slug, version)).response(from: request, context: context)
    }

    private func edition(_ context: some RequestContext, suffix: String) async throws -> (FrameworkEntry, EditionEntry) {
        var version = try context.parameters.require("version")
        if !suffix.isEmpty {
            guard version.hasSuffix(suffix) else { throw AppError.notFound }
            version.removeLast(suffix.count)
        }
        let entry = try await services.framework(try context.parameters.require("slug"))
        guard let edition = entry.edition(version) else { throw AppError.notFound }
        return (entry, edition)
    }
}

extension PageRights {
    /// The secretariat sees the managing parts (import, publish).
    static var secretariat: PageRights { PageRights { _, user in user.isSecretariat ? "secretariat" : "" } }
}
