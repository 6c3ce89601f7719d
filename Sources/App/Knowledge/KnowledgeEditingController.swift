import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird
import NIOCore

/// Writing knowledge records: drafts by members, review and publication by the secretariat or a
/// resource centre, versions of every change, publication files.
struct KnowledgeEditingController: Sendable {
    let services: Services

    func drafts(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let model = try await KnowledgeQueries.drafts(
            author: context.user.id, reviewer: KnowledgeAccess.isReviewer(context.user), on: services.db)
        return HTMLResponse(html: KnowledgeEditPages.drafts(model, chrome: services.chrome(request, context.base)))
    }

    private func kind(_ request: Request) throws -> KnowledgeKind {
        guard let kind = KnowledgeKind(rawValue: request.query("kind")) else {
            throw AppError.validation(["kind": "validation.choice"])
        }
        return kind
    }

    func newForm(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let kind = try kind(request)
        return try await services.formPage(request, context.base) { chrome, csrf in
            KnowledgeEditPages.recordForm(
                kind: kind, editing: nil, fields: [:], pathways: [], errors: [:], csrf: csrf, chrome: chrome)
        }
    }

    func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = try kind(request)
        let item = KnowledgeItem()
        item.state = .draft
        item.version = 0
        item.authorID = context.user.id
        item.fileID = nil
        item.programmes = ""
        return try await save(item, kind: kind, isNew: true, request: request, context: context)
    }

    func show(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        try await item.$city.load(on: services.db)
        var fileName: String?
        if let fileID = item.fileID { fileName = try await StoredFiles.name(fileID, on: services.db) }
        let model = KnowledgeItemModel(record: try KnowledgeRecord(item), access: access, fileName: fileName)
        return try await services.formPage(request, context.base) { chrome, csrf in
            KnowledgeEditPages.item(model, csrf: csrf, chrome: chrome)
        }
    }

    func editForm(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        guard access.canEdit else { throw AppError.forbidden }
        try await item.$city.load(on: services.db)
        let fields = KnowledgeForm.fields(of: item, citySlug: item.city?.slug)
        let pathways = Set(item.pathways.split(separator: ";").map(String.init))
        let kind = KnowledgeKind(rawValue: item.kind) ?? .news
        return try await services.formPage(request, context.base) { chrome, csrf in
            KnowledgeEditPages.recordForm(
                kind: kind, editing: item.id, fields: fields, pathways: pathways, errors: [:], csrf: csrf, chrome: chrome)
        }
    }

    func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        guard access.canEdit else { throw AppError.forbidden }
        return try await save(
            item, kind: KnowledgeKind(rawValue: item.kind) ?? .news, isNew: false, request: request, context: context)
    }

    private func save(
        _ item: KnowledgeItem, kind: KnowledgeKind, isNew: Bool, request: Request, context: SignedInContext
    ) async throws -> Response {
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in KnowledgeForm.commonFields + KnowledgeForm.eventFields + KnowledgeForm.caseFields {
            fields[name] = form[name]
        }
        for language in KnowledgeForm.languages {
            for prefix in ["title", "summary", "body"] { fields["\(prefix)_\(language)"] = form["\(prefix)_\(language)"] }
        }
        let pathways = form.all("pathways")
        let cities = Dictionary(
            uniqueKeysWithValues: try await City.query(on: services.db).all().map { ($0.slug, (try $0.requireID(), $0.country)) })
        var errors = KnowledgeForm(fields: fields, pathways: pathways).apply(
            to: item, kind: kind, cities: cities, tree: services.reference.tree)
        if errors.isEmpty {
            var taken = KnowledgeItem.query(on: services.db).filter(\.$kind == kind.rawValue).filter(\.$slug == item.slug)
            if let id = item.id { taken = taken.filter(\.$id != id) }
            if try await taken.count() > 0 { errors["slug"] = "knowledge.error.slug_taken" }
        }
        guard errors.isEmpty else {
            let entered = fields
            let found = errors
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                KnowledgeEditPages.recordForm(
                    kind: kind, editing: item.id, fields: entered, pathways: Set(pathways), errors: found, csrf: csrf,
                    chrome: chrome)
            }.response(from: request, context: context)
        }
        try await commit(item, action: isNew ? "knowledge.create" : "knowledge.update", user: context.user)
        return try SeeOther(location: Paths.knowledgeItem(try item.requireID())).response(
            from: request, context: context)
    }

    /// Saves, versions, audits, and keeps the search index in step with what is published.
    private func commit(_ item: KnowledgeItem, action: String, user: CurrentUser, comment: String? = nil) async throws {
        let now = services.clock.now()
        item.version += 1
        try await services.db.transaction { db in
            try await item.save(on: db)
            try await KnowledgeVersions.record(item, author: user, at: now, on: db)
            try await Audit.record(
                action, entity: "knowledge_item", id: try item.requireID().uuidString, actor: user,
                after: ["state": item.state.rawValue, "slug": item.slug, "comment": comment], at: now, on: db)
        }
        if item.state == .published {
            try await SearchIndex.put([SearchIndexer.document(item)], on: services.db)
        } else {
            try await SearchIndex.remove(type: item.kind, key: item.slug, on: services.db)
        }
    }

    func submit(_ request: Request, context: SignedInContext) async throws -> Response {
        try await transition(request, context, allowed: \.canSubmit, to: .inReview, action: "knowledge.submit")
    }

    func publish(_ request: Request, context: SignedInContext) async throws -> Response {
        try await transition(request, context, allowed: \.canReview, to: .published, action: "knowledge.publish")
    }

    func reject(_ request: Request, context: SignedInContext) async throws -> Response {
        try await transition(request, context, allowed: \.canReview, to: .draft, action: "knowledge.return")
    }

    private func transition(
        _ request: Request, _ context: SignedInContext, allowed: KeyPath<KnowledgeAccess, Bool>, to state: KnowledgeState,
        action: String
    ) async throws -> Response {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        guard access[keyPath: allowed] else { throw AppError.forbidden }
        let form = try await FormData.read(request)
        if state == .draft && form["comment"].isEmpty { throw AppError.validation(["comment": "validation.reason_required"]) }
        item.state = state
        if state == .published && item.publishedAt == nil { item.publishedAt = services.clock.now() }
        try await commit(item, action: action, user: context.user, comment: form["comment"].isEmpty ? nil : form["comment"])
        return try SeeOther(location: Paths.knowledgeItem(try item.requireID())).response(
            from: request, context: context)
    }

    /// `POST /knowledge/items/{id}/file`: a publication's file (PDF, Office, image), checked by its
    /// first bytes, at most `UploadLimits.publicationBytes`.
    func attach(_ request: Request, context: SignedInContext) async throws -> Response {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        guard access.canAttach else { throw AppError.forbidden }
        let upload = try await Multipart.read(request, limit: UploadLimits.publicationBytes)
        guard let file = upload["file"], !file.data.isEmpty else {
            throw AppError.validation(["file": "knowledge.error.file_missing"])
        }
        let name = (file.filename ?? "file").replacingOccurrences(of: "/", with: "_")
        guard let type = StoredFiles.detectType(file.data, filename: name) else {
            throw AppError.validation(["file": "knowledge.error.file_type"])
        }
        let stored = try await StoredFiles.store(file.data, filename: name, contentType: type, by: context.user, on: services.db)
        item.fileID = stored
        try await commit(item, action: "knowledge.file", user: context.user)
        return try SeeOther(location: Paths.knowledgeItem(try item.requireID())).response(
            from: request, context: context)
    }

    /// `POST /knowledge/items/{id}/photo`: a PNG or JPEG with its caption and credit (any kind of record).
    func photo(_ request: Request, context: SignedInContext) async throws -> Response {
        let (item, access) = try await load(context)
        guard access.canView else { throw AppError.notFound }
        guard access.canEdit else { throw AppError.forbidden }
        let upload = try await Multipart.read(request, limit: UploadLimits.publicationBytes)
        guard let file = upload["file"], !file.data.isEmpty else {
            throw AppError.validation(["file": "knowledge.error.file_missing"])
        }
        let name = (file.filename ?? "photo").replacingOccurrences(of: "/", with: "_")
        guard let type = StoredFiles.detectType(file.data, filename: name), type.hasPrefix("image/") else {
            throw AppError.validation(["file": "knowledge.error.photo_type"])
        }
        let caption = upload["caption"].map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        let credit = upload["credit"].map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        guard !credit.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AppError.validation(["credit": "knowledge.error.credit"])
        }
        item.photoID = try await StoredFiles.store(
            file.data, filename: name, contentType: type, by: context.user, on: services.db)
        item.photoCaption = String(caption.prefix(500))
        item.photoCredit = String(credit.prefix(300))
        try await commit(item, action: "knowledge.photo", user: context.user)
        return try SeeOther(location: Paths.knowledgeItem(try item.requireID())).response(
            from: request, context: context)
    }

    private func load(_ context: SignedInContext) async throws -> (KnowledgeItem, KnowledgeAccess) {
        guard let id = UUID(uuidString: try context.parameters.require("id")),
            let item = try await KnowledgeItem.find(id, on: services.db)
        else { throw AppError.notFound }
        return (item, KnowledgeAccess(user: context.user, item: item))
    }
}
