import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON response body with a status; keys sorted so documents are stable.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok
    var location: String? = nil

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try APIJSON.encode(value))))
    }
}

enum APIJSON {
    /// The one JSON encoding of the API: sorted keys, ISO 8601 dates.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// An already encoded JSON document (from a cache).
struct RawJSON: ResponseGenerator {
    var body: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

struct ListDocument<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int

    enum CodingKeys: String, CodingKey {
        case items, page
        case perPage = "per_page"
        case total
    }
}

enum APIRequest {
    static let maxBodySize = 1 << 20

    /// Decodes a JSON body, refusing other content types, oversized bodies and malformed JSON
    /// with a problem document.
    /// `allowedKeys`: the members the body may have; any other is reported as an invalid field
    /// (a misspelt field must not be silently ignored).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, allowedKeys: Set<String>) async throws -> T {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType.hasPrefix("application/json") || contentType.hasPrefix("application/merge-patch+json") else {
            throw AppError(kind: .unsupportedMediaType, messageKey: "error.json_content_type")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBodySize) } catch {
            throw AppError(kind: .payloadTooLarge, messageKey: "error.payload_too_large")
        }
        let data = Data(buffer.readableBytesView)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw AppError.badRequest("error.bad_json")
        }
        let unknown = Set(object.keys).subtracting(allowedKeys)
        if !unknown.isEmpty {
            throw AppError.validation(Dictionary(uniqueKeysWithValues: unknown.map { ($0, "validation.unknown_field") }))
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError.validation([field.isEmpty ? "body" : field: "validation.type"])
        } catch {
            throw AppError.badRequest("error.bad_json")
        }
    }

    /// `country` and `type` filters, when given, must be values that can match.
    static func checkFilters(_ request: Request, types: [String]) throws {
        var errors: [String: String] = [:]
        let country = request.query("country")
        if !country.isEmpty, !Validate.isCountryCode(country) { errors["country"] = "validation.country" }
        let type = request.query("type")
        if !type.isEmpty, !types.contains(type) { errors["type"] = "validation.choice" }
        guard errors.isEmpty else { throw AppError.validation(errors) }
    }

    /// `page` and `per_page` from the query (per_page 1…200, default 50).
    static func paging(_ request: Request) throws -> (page: Int, perPage: Int) {
        let page = request.query("page").isEmpty ? 1 : Int(request.query("page")) ?? 0
        let perPage = request.query("per_page").isEmpty ? 50 : Int(request.query("per_page")) ?? 0
        var errors: [String: String] = [:]
        if !(1...Paging.maxPage).contains(page) { errors["page"] = "validation.page" }
        if !(1...Paging.maxPerPage).contains(perPage) { errors["per_page"] = "validation.per_page" }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return (page, perPage)
    }
}

/// Reads `Authorization: Bearer <token>` on API routes. No header: a visitor. A wrong token: 401.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: Services

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let (user, versions) = try await ApiTokens.user(
                for: String(parts[1]).trimmingCharacters(in: .whitespaces), on: services.db)
        else {
            throw AppError(kind: .signInRequired, messageKey: "error.bad_token")
        }
        var context = context
        context.user = user
        context.facts.userID = user.id
        return try await TableVersioning.reading(request, with: versions) { try await next(request, context) }
    }
}
