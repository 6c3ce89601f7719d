import FluentKit
import Foundation
import Hummingbird
import NIOCore
import SQLKit

extension ReviewsController {
    /// `GET /reviews/{id}/documents/{document}`: an uploaded plan document, as an attachment, for
    /// those who may see the review (its participants and the secretariat; everyone once published).
    func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        let workspace = try await workspace(context, user: context.user)
        guard let documentID = UUID(uuidString: try context.parameters.require("document")),
            let document = workspace.documents.first(where: { $0.id == documentID }),
            let row = try await services.db.sql().select().column("data").from("stored_files")
                .where("id", .equal, document.fileID).first()
        else { throw AppError.notFound }
        let data = try row.decode(column: "data", as: Data.self)
        let ascii = String(
            document.filename.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0.value >= 0x20 }.map(Character.init))
        return Response(
            status: .ok,
            headers: [.contentType: document.contentType, .contentDisposition: "attachment; filename=\"\(ascii)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
