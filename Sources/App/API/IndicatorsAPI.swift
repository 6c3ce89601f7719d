import CarbonAccounting
import Foundation
import Hummingbird
import Indicators
import NIOCore

/// Frameworks, assessments ("values in, scores out"), peers and benchmarks in the JSON API: the
/// same reads, rules and service as the pages.
struct IndicatorsAPI: Sendable {
    let services: Services
    let assessments: AssessmentsController
    let benchmarks: BenchmarksController

    init(services: Services) {
        self.services = services
        assessments = AssessmentsController(services: services)
        benchmarks = BenchmarksController(services: services)
    }

    struct FrameworkList: Encodable, Sendable {
        let frameworks: [FrameworkSummaryDocument]
    }

    func frameworks(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        RawJSON(
            body: try await services.cache.text(FrameworkReads.catalog, Whole(), variant: "api", in: services.query) { catalog in
                try APIJSON.encode(FrameworkList(frameworks: catalog.map(FrameworkSummaryDocument.init)))
            })
    }

    func framework(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        let slug = try context.parameters.require("slug")
        let wanted = request.query("edition")
        let t = services.translator(.en)
        return RawJSON(
            body: try await services.cache.text(
                FrameworkReads.catalog, Whole(), variant: "api|\(slug)|\(wanted)", in: services.query
            ) { catalog in
                guard let entry = catalog.first(where: { $0.slug == slug }),
                    let edition = wanted.isEmpty ? (entry.current ?? entry.editions.last) : entry.edition(wanted)
                else { throw AppError.notFound }
                return try APIJSON.encode(FrameworkDocument(entry, edition: edition, t: t))
            })
    }

    func assessment(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AssessmentDocument> {
        let key = try await assessments.key(request, context)
        let cohort = try await services.cohort(key)
        guard let city = cohort.cities.city(try context.parameters.require("slug")) else { throw AppError.notFound }
        let view = cohort.view(city)
        guard view.isVisible(to: context.user) else { throw AppError.notFound }
        return JSONBody(value: AssessmentDocument(cohort, view: view))
    }

    struct ValuesBody: Decodable, Sendable {
        struct Value: Decodable, Sendable {
            let item: String
            let value: Double?
            let level: Int?
            let unit: String?
            let evidence: [String]?
            let comment: String?
            let excludedReason: String?
            enum CodingKeys: String, CodingKey {
                case item, value, level, unit, evidence, comment
                case excludedReason = "excluded_reason"
            }
        }

        let values: [Value]
    }

    /// `PUT`: the city's values as a values file (text/csv) or JSON; all or nothing; the new
    /// scores in the answer.
    func putAssessment(_ request: Request, context: CityEditorContext) async throws -> JSONBody<AssessmentDocument> {
        let key = try await assessments.key(request, context)
        let cohort = try await services.cohort(key)
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        let csv: String
        if contentType.hasPrefix("text/csv") || contentType.hasPrefix("text/plain") {
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: UploadLimits.importBytes) } catch {
                throw AppError(kind: .payloadTooLarge, messageKey: "error.upload_too_large")
            }
            csv = try UploadedCSV.text(Array(buffer.readableBytesView), filename: nil, contentType: nil)
        } else {
            let body = try await APIRequest.decode(ValuesBody.self, from: request, allowedKeys: ["values"])
            var text = CSV.row(AssessmentCSV.columns) + "\n"
            for value in body.values {
                text +=
                    CSV.row([
                        value.item, value.value.map(LineColumns.format) ?? "", value.level.map(String.init) ?? "",
                        value.unit ?? "", (value.evidence ?? []).joined(separator: AssessmentCSV.evidenceSeparator),
                        value.comment ?? "", value.excludedReason ?? "",
                    ]) + "\n"
            }
            csv = text
        }
        try await services.assessments.save(
            city: context.city, edition: cohort.edition, framework: key.framework, year: key.year, valuesCSV: csv,
            summary: "Through the API", by: context.user)
        let fresh = try await services.cohort(key)
        guard let city = fresh.cities.city(context.city.slug) else { throw AppError.notFound }
        return JSONBody(value: AssessmentDocument(fresh, view: fresh.view(city)))
    }

    func peers(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PeersDocument> {
        guard
            let peers = try await services.cache.value(
                PeerReads.peers, try context.parameters.require("slug"), in: services.query)
        else { throw AppError.notFound }
        return JSONBody(value: PeersDocument(peers))
    }

    func benchmark(_ request: Request, context: AppRequestContext) async throws -> JSONBody<BenchmarkDocument> {
        let (data, year, _) = try await benchmarks.observations(request)
        let group = request.query("group")
        var members: Set<String>?
        if !group.isEmpty {
            guard let found = try await services.peerGroups().first(where: { $0.slug == group }) else {
                throw AppError.validation(["group": "validation.choice"])
            }
            members = Set(found.cities)
        }
        let focus = request.query("city")
        return JSONBody(
            value: BenchmarkDocument(data, view: data.view(year: year, among: members, focus: focus.isEmpty ? nil : focus)))
    }
}
