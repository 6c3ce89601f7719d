import Foundation
import Hummingbird
import NIOCore

/// A minimal `multipart/form-data` reader (RFC 7578) for file uploads: the parts' names,
/// file names and bytes. No streaming: uploads are bounded by the route's limit.
struct Multipart: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let contentType: String?
        let data: [UInt8]

        var text: String { String(decoding: data, as: UTF8.self) }
    }

    let parts: [Part]

    subscript(name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> Multipart? {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var index = 0
        let last = body.count - delimiter.count
        while index <= last {
            if body[index] == delimiter[0] && body[index..<index + delimiter.count].elementsEqual(delimiter) {
                positions.append(index)
                index += delimiter.count
            } else {
                index += 1
            }
        }
        guard positions.count >= 2 else { return nil }
        var parts: [Part] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Skip the CRLF after the delimiter.
            if partStart + 1 < body.count && body[partStart] == 13 && body[partStart + 1] == 10 { partStart += 2 }
            var partEnd = end
            // The CRLF before the next delimiter belongs to the delimiter.
            if partEnd >= 2 && body[partEnd - 2] == 13 && body[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart < partEnd, let headerEnd = find([13, 10, 13, 10], in: body, from: partStart, to: partEnd) else {
                continue
            }
            let headerText = String(decoding: body[partStart..<headerEnd], as: UTF8.self)
            var name: String?
            var filename: String?
            var contentType: String?
            for line in headerText.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    filename = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { continue }
            parts.append(
                Part(name: name, filename: filename, contentType: contentType, data: Array(body[(headerEnd + 4)..<partEnd])))
        }
        return Multipart(parts: parts)
    }

    /// Reads a multipart body up to `limit` bytes; a larger body is refused with 413.
    static func read(_ request: Request, limit: Int) async throws -> Multipart {
        guard let boundary = boundary(of: request.headers[.contentType] ?? "") else {
            throw AppError(kind: .unsupportedMediaType, messageKey: "error.multipart_content_type")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw AppError(kind: .payloadTooLarge, messageKey: "error.upload_too_large")
        }
        guard let multipart = parse(Array(buffer.readableBytesView), boundary: boundary) else {
            throw AppError.badRequest("error.bad_multipart")
        }
        return multipart
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let pair = piece.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == name {
                return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to: Int) -> Int? {
        var index = from
        while index + needle.count <= to {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// Limits of file uploads (inventory imports): a 100,000-line inventory is about 15 MB.
enum UploadLimits {
    static let importBytes = 32 * 1024 * 1024
    /// A publication's file (PDF, Office document, image) in the knowledge hub.
    static let publicationBytes = 20 * 1024 * 1024
}
