import CarbonAccounting
import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Logs and renders every error in one place: an HTML page for the site, an RFC 9457 problem
/// document for the API. Unknown errors become a 500 without internals; the log has them.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let catalogue: Catalogue
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var appError = classify(error)
            var allow: String?
            if appError.kind == .notFound, let methods = routes.methods(for: request.uri.path), !methods.contains(request.method)
            {
                appError = AppError(kind: .badRequest, messageKey: "error.method_not_allowed")
                allow = methods.map(\.rawValue).sorted().joined(separator: ", ")
            }
            if appError.kind == .internal || appError.kind == .insufficientStorage {
                context.logger.error(
                    "request failed",
                    metadata: ["error": "\(String(reflecting: error))", "detail": "\(appError.internalDetail ?? "")"])
            } else {
                context.logger.debug("request refused", metadata: ["kind": "\(appError.kind.rawValue)"])
            }
            var response: Response
            if Surface.isMachine(request.uri.path) {
                response = problem(appError, request: request, requestID: context.requestID, allow: allow)
            } else if appError.kind == .signInRequired, request.method == .get || request.method == .head {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                response = Response(status: .seeOther, headers: [.location: Paths.with(Paths.login, query: [("next", next)])])
            } else {
                response = page(appError, request: request, context: context)
            }
            if let allow {
                response.status = .methodNotAllowed
                response.headers[.allow] = allow
            }
            if let seconds = appError.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    private func classify(_ error: any Error) -> AppError {
        if let appError = error as? AppError { return appError }
        if let httpError = error as? HTTPError {
            switch httpError.status {
            case .notFound: return .notFound
            case .contentTooLarge: return AppError(kind: .payloadTooLarge, messageKey: "error.payload_too_large")
            case .unauthorized: return .signInRequired
            case .forbidden: return .forbidden
            case .methodNotAllowed: return AppError(kind: .badRequest, messageKey: "error.method_not_allowed")
            case .badRequest: return .badRequest("error.bad_request")
            default: return .internal("HTTPError \(httpError.status)")
            }
        }
        if error is DecodingError { return .badRequest("error.bad_json") }
        if StorageFailure.isDiskFull(error) {
            return AppError(kind: .insufficientStorage, messageKey: "error.disk_full", internalDetail: String(reflecting: error))
        }
        return .internal(String(describing: error))
    }

    private func problem(_ error: AppError, request: Request, requestID: String, allow: String?) -> Response {
        let status = allow == nil ? error.status : .methodNotAllowed
        var body: [String: any Sendable] = [
            "type": Paths.problemType(allow == nil ? error.kind.rawValue : "method-not-allowed"),
            "title": status.reasonPhrase,
            "status": status.code,
            "detail": catalogue.text(error.messageKey, .en),
            "instance": request.uri.path,
        ]
        if !requestID.isEmpty { body["request_id"] = requestID }
        if !error.fieldErrors.isEmpty {
            body["errors"] = error.fieldErrors.keys.sorted().map { field in
                [
                    "field": field, "code": error.fieldErrors[field] ?? "",
                    "message": catalogue.text(error.fieldErrors[field] ?? "", .en),
                ]
            }
        }
        if !error.rowErrors.isEmpty {
            body["errors"] = error.rowErrors.map { problem in
                [
                    "row": problem.row.map { $0 as any Sendable } ?? NSNull(), "field": problem.column ?? "",
                    "code": "invalid", "message": problem.message,
                ] as [String: any Sendable]
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    private func page(_ error: AppError, request: Request, context: Context) -> Response {
        let chrome = Chrome.make(catalogue: catalogue, request: request, context: context)
        let t = chrome.t
        let html = Layout.render(title: t("error.title"), chrome: chrome) {
            h1 { t("error.title") }
            para(.class("lead")) { t(error.messageKey) }
            if !error.fieldErrors.isEmpty {
                ul { for (field, key) in error.fieldErrors.sorted(by: { $0.key < $1.key }) { li { "\(field): \(t(key))" } } }
            }
            if !error.rowErrors.isEmpty { ul { for problem in error.rowErrors { li { problem.description } } } }
            para { link(.href(Paths.home)) { t("nav.home") } }
            if !context.requestID.isEmpty {
                para(.class("request-id")) { t("error.request_id", ["id": context.requestID]) }
            }
        }
        return Response(
            status: error.status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}

/// The registered routes, for answering 405 with `Allow` when a path exists under other methods.
/// Filled once after the routes are registered, read on every miss.
final class RouteTable: Sendable {
    private let entries = NIOLockedValueBox<[(segments: [Substring], method: HTTPRequest.Method)]>([])

    func fill(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        entries.withLockedValue { $0 = routes.map { ($0.path.split(separator: "/"), $0.method) } }
    }

    func methods(for path: String) -> Set<HTTPRequest.Method>? {
        let segments = path.split(separator: "/")
        let methods = entries.withLockedValue { entries in
            Set(entries.filter { Self.matches($0.segments, segments) }.map(\.method))
        }
        return methods.isEmpty ? nil : methods
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        if pattern.last == "**" { return path.count >= pattern.count - 1 }
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy { p, s in p == s || p.hasPrefix(":") || p.hasPrefix("{") || p == "*" }
    }
}
