import FluentKit
import Foundation
import Hummingbird

/// `GET /api/v1/reviews` (published reports, each saying whether it is illustrative) and
/// `GET /api/v1/reviews/{id}` (the latest published report — or `?version=N` — with its marks,
/// scores and recommendations; never first marks or private notes).
struct ReviewsAPI: Sendable {
    let services: Services

    struct Summary: Encodable {
        let id: UUID
        let title: String
        let city: String
        let kind: String
        let illustrative: Bool
        let version: Int
        let publishedAt: Date
        let url: String
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        let published = try await ReviewRequest.query(on: services.db)
            .filter(\.$stateRaw == ReviewState.published.rawValue).sort(\.$createdAt, .descending).all()
        var reviews: [Summary] = []
        for record in published {
            let id = try record.requireID()
            guard let latest = try await ReviewPublication.versions(id, on: services.db).last else { continue }
            reviews.append(
                Summary(
                    id: id, title: record.title, city: latest.city, kind: record.kindRaw, illustrative: record.illustrative,
                    version: latest.version, publishedAt: latest.publishedAt, url: Paths.reviewJSON(id)))
        }
        return RawJSON(body: try APIJSON.encode(["reviews": reviews]))
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw AppError.notFound }
        let wanted = Int(request.query("version"))
        return RawJSON(
            body: try await services.cache.text(ReviewReads.reports, id, variant: "api|\(wanted ?? 0)", in: services.query) {
                versions in
                guard let report = wanted.map({ number in versions.first { $0.version == number } }) ?? versions.last else {
                    throw AppError.notFound
                }
                return try APIJSON.encode(report.publicView)
            })
    }
}

extension ReviewsAPI {
    struct MarkBody: Decodable {
        let level: Int?
        let evidence: [String]?
        let publicComment: String?
        let privateNote: String?
        let language: String?
        let why: String?
    }

    struct MarkDocument: Encodable, Sendable {
        let criterion: String
        let level: Int?
        let evidence: [ReviewEvidence]
        let publicComment: String
        let language: String
    }

    /// `PUT /api/v1/reviews/{id}/marks/{criterion}`: a reviewer's mark, by the same rules as the form.
    func putMark(_ request: Request, context: SignedInContext) async throws -> JSONBody<MarkDocument> {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw AppError.notFound }
        let criterion = try context.parameters.require("criterion")
        let body = try await APIRequest.decode(
            MarkBody.self, from: request,
            allowedKeys: ["level", "evidence", "publicComment", "privateNote", "language", "why"])
        try await services.reviewMarks.mark(
            id, criterion: criterion,
            .init(
                level: body.level, evidence: body.evidence ?? [], publicComment: body.publicComment ?? "",
                privateNote: body.privateNote ?? "", language: body.language ?? "en", why: body.why ?? ""),
            by: context.user)
        guard
            let mark = try await ReviewMark.query(on: services.db).filter(\.$request.$id == id)
                .filter(\.$criterion == criterion).first()
        else { throw AppError.notFound }
        return JSONBody(
            value: MarkDocument(
                criterion: criterion, level: mark.level, evidence: mark.evidence, publicComment: mark.publicComment,
                language: mark.commentLanguage))
    }
}
