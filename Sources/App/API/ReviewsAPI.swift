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
        RawJSON(body: try await services.cache.value(ReviewReads.apiList, Whole(), in: services.query))
    }

    /// The published reports, newest first, each with its latest version: two statements whatever
    /// the number of reviews (the requests, then every stored version of them).
    static func listDocument(on db: any Database) async throws -> String {
        let published = try await ReviewRequest.query(on: db)
            .filter(\.$stateRaw == ReviewState.published.rawValue).sort(\.$createdAt, .descending).all()
        let versions = try await ReviewReportRecord.query(on: db).filter(\.$request.$id ~~ published.compactMap(\.id)).all()
        let latest = Dictionary(grouping: versions, by: \.$request.id).compactMapValues { $0.max { $0.number < $1.number } }
        var reviews: [Summary] = []
        for record in published {
            let id = try record.requireID()
            guard let stored = latest[id] else { continue }
            let report = try ReviewReport.decoder.decode(ReviewReport.self, from: Data(stored.body.utf8))
            reviews.append(
                Summary(
                    id: id, title: record.title, city: report.city, kind: record.kindRaw, illustrative: record.illustrative,
                    version: report.version, publishedAt: report.publishedAt, url: Paths.reviewJSON(id)))
        }
        return try APIJSON.encode(["reviews": reviews])
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
