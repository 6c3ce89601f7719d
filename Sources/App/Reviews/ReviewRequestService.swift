import FluentKit
import Foundation

/// A city asks for a review of its plan (documents and a structured summary) or for an analytical
/// study (its interests and baseline). Everything is checked before anything is written; the
/// request, its documents and the audit entry are written in one transaction.
struct ReviewRequestService: Sendable {
    let db: any Database
    let clock: AppClock

    struct Upload: Sendable {
        let filename: String
        let data: [UInt8]
    }

    struct Input: Sendable {
        var kind: ReviewKind
        var title: String
        var summary = ""
        var scope = ""
        var sectors: [String] = []
        var targetIDs: [UUID] = []
        var actionIDs: [UUID] = []
        var baseline: [String: String] = [:]
        var documents: [Upload] = []
    }

    static let documentBytes = 20 * 1024 * 1024
    static let maxDocuments = 3
    static let baselineFields = ["population", "economy", "energy", "inventory", "interests"]
    static let documentTypes: Set<String> = [
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]

    func create(_ input: Input, city: City, by user: CurrentUser) async throws -> UUID {
        let cityID = try city.requireID()
        var errors: [String: String] = [:]
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors["title"] = "validation.required" }
        if title.count > 300 { errors["title"] = "validation.too_long" }
        if input.sectors.contains(where: { !GPCSectorCodes.all.contains($0) }) { errors["sectors"] = "validation.choice" }
        if input.documents.count > Self.maxDocuments { errors["documents"] = "review.error.too_many_documents" }
        var types: [String] = []
        for document in input.documents {
            guard document.data.count <= Self.documentBytes else {
                throw AppError(kind: .payloadTooLarge, messageKey: "review.error.document_too_large")
            }
            guard let type = StoredFiles.detectType(document.data, filename: document.filename), Self.documentTypes.contains(type)
            else { throw AppError.validation(["documents": "review.error.document_type"]) }
            types.append(type)
        }
        switch input.kind {
        case .planReview:
            if input.documents.isEmpty { errors["documents"] = "review.error.document_required" }
        case .analyticalStudy:
            if (input.baseline["interests"] ?? "").isEmpty { errors["interests"] = "validation.required" }
        }
        let targets = try await CityTarget.query(on: db).filter(\.$city.$id == cityID).all().compactMap(\.id)
        if !Set(input.targetIDs).isSubset(of: targets) { errors["targets"] = "review.error.not_city_record" }
        let actions = try await MitigationAction.query(on: db).filter(\.$city.$id == cityID).all().compactMap(\.id)
        if !Set(input.actionIDs).isSubset(of: actions) { errors["actions"] = "review.error.not_city_record" }
        guard errors.isEmpty else { throw AppError.validation(errors) }

        let record = ReviewRequest(kind: input.kind, cityID: cityID, requesterID: user.id, title: title)
        record.summary = String(input.summary.prefix(5000))
        record.scope = String(input.scope.prefix(2000))
        record.sectors = input.sectors
        record.targetIDs = input.targetIDs
        record.actionIDs = input.actionIDs
        record.baseline = input.baseline.filter { Self.baselineFields.contains($0.key) && !$0.value.isEmpty }
            .mapValues { String($0.prefix(2000)) }
        let now = clock.now()
        let checkedTypes = types
        try await db.transaction { db in
            try await record.create(on: db)
            let id = try record.requireID()
            for (document, type) in zip(input.documents, checkedTypes) {
                let fileID = try await StoredFiles.store(
                    document.data, filename: document.filename, contentType: type, by: user, on: db)
                try await ReviewDocument(
                    requestID: id, fileID: fileID, filename: document.filename, contentType: type, size: document.data.count
                ).create(on: db)
            }
            try await Audit.record(
                "review.request", entity: "review", id: id.uuidString, actor: user,
                after: ["kind": input.kind.rawValue, "city": city.slug, "title": title, "documents": String(checkedTypes.count)],
                at: now, on: db)
        }
        return try record.requireID()
    }
}

/// The GPC sector codes a request may name.
enum GPCSectorCodes {
    static let all = ["I", "II", "III", "IV", "V"]
}
