import Foundation
import Hummingbird
import NIOCore

/// A decoded `application/x-www-form-urlencoded` body. Values are trimmed of surrounding
/// whitespace; a field sent several times (checkboxes) keeps every value.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ values: [String: [String]] = [:]) { self.values = values }

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    private static func decode(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    static let maxBodySize = 256 * 1024

    /// Reads the form body of a request, refusing other content types and oversized bodies.
    static func read(_ request: Request) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw AppError(kind: .unsupportedMediaType, messageKey: "error.form_content_type")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBodySize)
        } catch {
            throw AppError(kind: .payloadTooLarge, messageKey: "error.payload_too_large")
        }
        return FormData(encoded: String(buffer: buffer))
    }
}
