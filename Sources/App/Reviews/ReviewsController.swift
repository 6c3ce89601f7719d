import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// The review pages: the list, a city's request form, and one review's report and stages. Pages
/// of an unpublished review exist only for its participants and the secretariat (404 otherwise).
struct ReviewsController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        if context.user == nil {
            return try await services.cachedPage(ReviewReads.publicList, Whole(), request, context) { model, chrome in
                ReviewListPage.render(model, csrf: nil, chrome: chrome)
            }
        }
        let model = try await ReviewListQuery.load(user: context.user, city: nil, services: services)
        return try await services.formPage(request, context) { chrome, csrf in
            ReviewListPage.render(model, csrf: csrf, chrome: chrome)
        }
    }

    func cityList(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let city = try await CityQueries.bySlug(try context.parameters.require("slug"), on: services.db) else {
            throw AppError.notFound
        }
        let model = try await ReviewListQuery.load(user: context.user, city: city, services: services)
        return HTMLResponse(html: ReviewListPage.render(model, csrf: nil, chrome: services.chrome(request, context)))
    }

    func newRequest(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let model = try await ReviewRequestPage.Model.load(city: context.city, services: services)
        return try await services.formPage(request, context.base) { chrome, csrf in
            ReviewRequestPage.render(model, csrf: csrf, chrome: chrome)
        }
    }

    func createRequest(_ request: Request, context: CityEditorContext) async throws -> Response {
        let upload = try await Multipart.read(
            request, limit: ReviewRequestService.documentBytes * ReviewRequestService.maxDocuments + 1024 * 1024)
        func text(_ name: String) -> String { upload[name]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        func all(_ name: String) -> [String] { upload.parts.filter { $0.name == name }.map(\.text) }
        guard let kind = ReviewKind(rawValue: text("kind")) else { throw AppError.validation(["kind": "validation.choice"]) }
        var input = ReviewRequestService.Input(kind: kind, title: text("title"))
        input.summary = text("summary")
        input.scope = text("scope")
        input.sectors = all("sectors")
        input.targetIDs = try all("targets").map { try Self.uuid($0, field: "targets") }
        input.actionIDs = try all("actions").map { try Self.uuid($0, field: "actions") }
        for field in ReviewRequestService.baselineFields { input.baseline[field] = text(field) }
        input.documents = upload.parts.filter { $0.name == "documents" && !($0.filename ?? "").isEmpty && !$0.data.isEmpty }
            .map { .init(filename: $0.filename ?? "document", data: $0.data) }
        do {
            let id = try await services.reviewRequests.create(input, city: context.city, by: context.user)
            return try SeeOther(location: Paths.review(id)).response(from: request, context: context)
        } catch let error as AppError where error.kind == .validation {
            // The form again with what was typed (files cannot be kept: the browser must send them again).
            var typed: [String: [String]] = [:]
            for part in upload.parts where part.filename == nil { typed[part.name, default: []].append(part.text) }
            let refusal = ReviewRefusal(action: "request", key: "", form: FormData(typed), error: error)
            let model = try await ReviewRequestPage.Model.load(city: context.city, services: services)
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                ReviewRequestPage.render(model, csrf: csrf, chrome: chrome, refusal: refusal)
            }.response(from: request, context: context.base)
        }
    }

    /// `GET /reviews/{id}`: a page shared by every reader of one audience (cached while the review's
    /// tables are unchanged); an unpublished review exists only for its participants.
    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let id = try Self.uuid(try context.parameters.require("id"), field: "id", notFound: true)
        let version = Int(request.query("version"))
        let user = context.user
        return try await services.cachedPage(
            ReviewReads.workspace, id, request, context, rights: PageRights(key: ReviewWorkspace.audience)
        ) { cached, chrome in
            guard let workspace = cached?.with(user: user, today: ISODay.format(services.clock.now())), workspace.isVisible else {
                throw AppError.notFound
            }
            return ReviewPage.render(workspace, version: version, csrf: chrome.csrfToken, chrome: chrome)
        }
    }

    /// `GET /reviews/{id}/{stage}`: the secretariat's set-up, the reviewers' marking, the city's
    /// self-assessment and reply, the moderation.
    func stagePage(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let page = try context.parameters.require("page")
        guard ["marking", "reply", "moderation"].contains(page) else {
            return try await render(page, request, context.base, user: context.user, refusal: nil)
        }
        // The workspaces of reviewers, the city and moderators: shared pages, rendered once per
        // reader and day while the review's tables are unchanged (a reader's forms depend on which
        // marks are theirs, the deadlines on the day), the form token put in per request.
        let id = try Self.uuid(try context.parameters.require("id"), field: "id", notFound: true)
        let user = context.user
        let today = ISODay.format(services.clock.now())
        return try await services.cachedPage(
            ReviewReads.workspace, id, request, context.base, variant: today,
            rights: PageRights { workspace, user in ReviewWorkspace.audience(workspace, user) + "|" + user.id.uuidString }
        ) { cached, chrome in
            guard let workspace = cached?.with(user: user, today: today), workspace.isVisible else { throw AppError.notFound }
            let csrf = chrome.csrfToken ?? ""
            switch page {
            case "marking":
                guard workspace.isReviewer || workspace.isSecretariat else { throw AppError.forbidden }
                return ReviewMarkingPage.render(workspace, csrf: csrf, chrome: chrome)
            case "reply":
                guard workspace.isCityEditor else { throw AppError.forbidden }
                return ReviewReplyPage.render(workspace, csrf: csrf, chrome: chrome)
            default:
                guard workspace.mayModerate else { throw AppError.forbidden }
                return ReviewModerationPage.render(workspace, csrf: csrf, chrome: chrome)
            }
        }
    }

    /// A review's page for a reader: a stage page, or the overview (`page` "review") — with a
    /// refused form shown again when `refusal` is set (422 for bad input, 409 for a closed stage).
    func render(
        _ page: String, _ request: Request, _ context: AppRequestContext, user: CurrentUser, refusal: ReviewRefusal?,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let workspace = try await workspace(context, user: user)
        let suggestions: [ReviewSuggestions.Suggestion]
        switch page {
        case "review": suggestions = []
        case "setup":
            guard workspace.isSecretariat else { throw AppError.forbidden }
            suggestions = try await ReviewSuggestions.load(workspace, services: services)
        case "marking":
            guard workspace.isReviewer || workspace.isSecretariat else { throw AppError.forbidden }
            suggestions = []
        case "reply":
            guard workspace.isCityEditor else { throw AppError.forbidden }
            suggestions = []
        case "moderation":
            guard workspace.mayModerate else { throw AppError.forbidden }
            suggestions = []
        default: throw AppError.notFound
        }
        let editions = page == "setup" ? try await services.frameworkCatalog() : []
        return try await services.formPage(request, context, status: status) { chrome, csrf in
            switch page {
            case "review": ReviewPage.render(workspace, version: nil, csrf: csrf, chrome: chrome, refusal: refusal)
            case "setup":
                ReviewSetupPage.render(
                    workspace, editions: editions, suggestions: suggestions, csrf: csrf, chrome: chrome, refusal: refusal)
            case "marking": ReviewMarkingPage.render(workspace, csrf: csrf, chrome: chrome, refusal: refusal)
            case "reply": ReviewReplyPage.render(workspace, csrf: csrf, chrome: chrome, refusal: refusal)
            default: ReviewModerationPage.render(workspace, csrf: csrf, chrome: chrome, refusal: refusal)
            }
        }
    }

    func workspace(_ context: AppRequestContext, user: CurrentUser?) async throws -> ReviewWorkspace {
        let id = try Self.uuid(try context.parameters.require("id"), field: "id", notFound: true)
        // The cached read (loaded without a reader), for this reader and today.
        guard
            let workspace = try await services.cache.value(ReviewReads.workspace, id, in: services.query)?.with(
                user: user, today: ISODay.format(services.clock.now())),
            workspace.isVisible
        else { throw AppError.notFound }
        return workspace
    }

    static func uuid(_ text: String, field: String, notFound: Bool = false) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw notFound ? AppError.notFound : AppError.validation([field: "validation.choice"])
        }
        return id
    }
}
