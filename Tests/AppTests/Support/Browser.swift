import FluentKit
import Logging
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore

/// A page as the test browser got it.
struct Page: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var location: String? { headers[.location] }

    /// The form token of the first form on the page.
    var csrf: String? { Page.firstMatch(#"name="_csrf" value="([^"]+)""#, in: body) }

    func contains(_ text: String) -> Bool { body.contains(text) }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

/// Cookies and the last form token, like a browser that keeps both between requests.
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let state = NIOLockedValueBox<(cookies: [String: String], csrf: String?)>(([:], nil))

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookies: [String: String] { state.withLockedValue { $0.cookies } }
    var csrf: String? { state.withLockedValue { $0.csrf } }

    func setCookie(_ name: String, _ value: String?) {
        state.withLockedValue { $0.cookies[name] = value }
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; adds the current form token unless `withToken` is false.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], withToken: Bool = true, token: String? = nil) async throws -> Page {
        var all = fields
        if withToken, let token = token ?? csrf { all.append(("_csrf", token)) }
        let encoded = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: encoded))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers where field.name == .setCookie {
            let first = field.value.split(separator: ";").first ?? ""
            let pair = first.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            let expired =
                field.value.lowercased().contains("max-age=0") || field.value.contains("1970")
                || Self.expiresInPast(field.value)
            setCookie(pair[0], expired ? nil : pair[1])
        }
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if let token = page.csrf { state.withLockedValue { $0.csrf = token } }
        return page
    }

    /// Follows a 303 like a browser does.
    func follow(_ page: Page) async throws -> Page {
        guard page.status == .seeOther, let location = page.location else { return page }
        return try await get(location)
    }

    func signIn(_ email: String, password: String = Fixtures.password) async throws -> Page {
        try await get("/login")
        return try await post("/login", [("email", email), ("password", password)])
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    private static func expiresInPast(_ header: String) -> Bool {
        guard let value = Page.firstMatch(#"[Ee]xpires=([^;]+)"#, in: header) else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return false }
        return date <= Date()
    }
}

extension Browser {
    /// Posts a file as `multipart/form-data`, with the form token as a part (like the upload form).
    @discardableResult
    func upload(
        _ uri: String, field: String = "file", filename: String, contentType: String = "text/csv", content: String,
        withToken: Bool = true, fields: [(String, String)] = []
    ) async throws -> Page {
        try await upload(
            uri, field: field, filename: filename, contentType: contentType, bytes: Array(content.utf8), withToken: withToken,
            fields: fields)
    }

    /// The same with the file's exact bytes (images, binaries).
    func upload(
        _ uri: String, field: String = "file", filename: String, contentType: String, bytes: [UInt8], withToken: Bool = true,
        fields: [(String, String)] = []
    ) async throws -> Page {
        let boundary = "----lcc-test-\(UUID().uuidString)"
        var head = ""
        if withToken, let token = csrf {
            head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
        }
        for (name, value) in fields {
            head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n"
        head += "Content-Type: \(contentType)\r\n\r\n"
        var body = ByteBuffer(string: head)
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(
            uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

}
