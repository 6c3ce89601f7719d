import FluentKit
import Foundation
import Hummingbird
import NIOCore
import SQLKit

/// Uploaded files (publications) kept in the database: no file system to configure or back up apart.
enum StoredFiles {
    /// The type from the first bytes (never from the name or the browser's word alone): PDF, PNG,
    /// JPEG, or an Office Open XML file (a ZIP) named .docx, .xlsx or .pptx.
    static func detectType(_ data: [UInt8], filename: String) -> String? {
        let lower = filename.lowercased()
        if data.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if lower.hasSuffix(".docx") { return "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
            if lower.hasSuffix(".xlsx") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
            if lower.hasSuffix(".pptx") { return "application/vnd.openxmlformats-officedocument.presentationml.presentation" }
        }
        return nil
    }

    static func store(_ data: [UInt8], filename: String, contentType: String, by user: CurrentUser?, on db: any Database)
        async throws -> UUID
    {
        let id = UUID()
        try await db.sql().insert(into: "stored_files")
            .columns("id", "filename", "content_type", "size", "data", "created_by", "created_at")
            .values(id, filename, contentType, data.count, Data(data), user?.id, Date())
            .run()
        return id
    }

    static func name(_ id: UUID, on db: any Database) async throws -> String? {
        try await db.sql().select().column("filename").from("stored_files").where("id", .equal, id).first()?
            .decode(column: "filename", as: String.self)
    }

    /// `GET /files/{id}/{name}`: the file of a record the reader may see, as an attachment.
    static func download(_ request: Request, context: AppRequestContext, services: Services) async throws -> Response {
        guard let id = UUID(uuidString: try context.parameters.require("id")),
            let item = try await KnowledgeItem.query(on: services.db).group(
                .or, { $0.filter(\.$fileID == id).filter(\.$photoID == id) }
            )
            .first(),
            KnowledgeAccess(user: context.user, item: item).canView,
            let row = try await services.db.sql().select().columns("filename", "content_type", "data").from("stored_files")
                .where("id", .equal, id).first()
        else { throw AppError.notFound }
        let data = try row.decode(column: "data", as: Data.self)
        let name = try row.decode(column: "filename", as: String.self)
        let type = try row.decode(column: "content_type", as: String.self)
        let ascii = String(name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0.value >= 0x20 }.map(Character.init))
        // Photos are shown in pages; documents are downloaded.
        let disposition = type.hasPrefix("image/") ? "inline" : "attachment"
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "\(disposition); filename=\"\(ascii)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
