import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers

/// What inner middleware learns about a request that the log line needs (the signed-in user's id).
/// A reference, because contexts are values passed down, and the log is written on the way out.
final class RequestFacts: Sendable {
    private let box = NIOLockedValueBox<UUID?>(nil)

    var userID: UUID? {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

enum RequestIdentity {
    static let header = HTTPField.Name("X-Request-ID")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// A balancer's id is kept so one id follows the request through both logs; anything else
    /// (too long, odd characters that could forge log fields) is replaced by our own.
    static func accepted(_ incoming: String?) -> String? {
        guard let incoming, (1...64).contains(incoming.utf8.count),
            incoming.utf8.allSatisfy({
                $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            })
        else { return nil }
        return incoming
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

/// One structured log line per request: id, method, route pattern, status, duration, user id.
///
/// Only the route pattern is logged, never the path or query: paths carry secrets (`/account/setup/:token`,
/// `/membership/status/:token`) and queries carry what people searched for. No header or body is logged.
/// The id goes back in `X-Request-ID` and onto error pages, so a person reporting a problem can
/// quote it and the operator finds the line. It also decides the client address (trusted proxies).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let started = ContinuousClock.now
        var context = context
        let id = RequestIdentity.accepted(request.headers[RequestIdentity.header]) ?? context.id
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        context.clientAddress = trustedProxies.clientAddress(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: RequestIdentity.forwardedFor])
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Only failures outside the error middleware get here (the session could not be read).
            context.logger.error("request failed before its handler", metadata: ["error": "\(String(reflecting: error))"])
            response = Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: .init(string: "Internal error (request \(id))\n")))
        }
        response.headers[RequestIdentity.header] = id
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "NotFound"),
            "status": .stringConvertible(response.status.code), "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ]
        if let user = context.facts.userID { metadata["user"] = .string(user.uuidString) }
        context.logger.log(level: response.status.code >= 500 ? .error : .info, "request", metadata: metadata)
        return response
    }
}
