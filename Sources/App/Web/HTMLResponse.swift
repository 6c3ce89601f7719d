import HTTPTypes
import Hummingbird
import NIOCore

/// A rendered page as a response, with any cookies the handler wants set.
struct HTMLResponse: ResponseGenerator {
    var html: String
    var status: HTTPResponse.Status = .ok
    var cookies: [Cookie] = []

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie.description)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// 303 See Other after a successful form post (post/redirect/get).
struct SeeOther: ResponseGenerator {
    var location: String
    var cookies: [Cookie] = []

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie.description)) }
        return Response(status: .seeOther, headers: headers)
    }
}
