import FluentKit
import Foundation
import Indicators

/// The criteria of a review: the framework edition the secretariat chose, read from its stored
/// framework file. A criterion is a qualitative item of it (levels 0…max with a descriptor each).
struct ReviewCriteria: Sendable {
    let editionID: UUID
    let frameworkSlug: String
    let edition: Edition

    static func load(_ record: ReviewRequest, on db: any Database) async throws -> ReviewCriteria {
        guard let editionID = record.editionID, let stored = try await EditionRecord.find(editionID, on: db) else {
            throw AppError.conflict("review.error.no_criteria")
        }
        return try ReviewCriteria(stored)
    }

    /// The criteria of a stored edition (its framework file read again).
    init(_ stored: EditionRecord) throws {
        let edition = try FrameworkService.read(stored.csv, previous: nil)
        self.init(editionID: try stored.requireID(), frameworkSlug: edition.framework.slug, edition: edition)
    }

    init(editionID: UUID, frameworkSlug: String, edition: Edition) {
        self.editionID = editionID
        self.frameworkSlug = frameworkSlug
        self.edition = edition
    }

    /// The qualitative items, in the edition's order.
    var items: [FrameworkItem] {
        edition.items.filter { if case .qualitative = $0.kind { true } else { false } }
    }

    func item(_ id: String) -> FrameworkItem? { items.first { $0.id.rawValue == id } }

    /// The highest level of a criterion's scale.
    func maxLevel(_ id: String) -> Int? {
        guard let item = item(id), case .qualitative(let scale) = item.kind else { return nil }
        return scale.maxLevel
    }
}

extension Services {
    var reviewRequests: ReviewRequestService { ReviewRequestService(db: db, clock: clock) }
    var reviewSetup: ReviewSetupService { ReviewSetupService(db: db, clock: clock, outbox: outbox) }
    var reviewMarks: ReviewMarkService { ReviewMarkService(db: db, clock: clock) }
    var reviewPublication: ReviewPublication { ReviewPublication(db: db, clock: clock, outbox: outbox) }
}
