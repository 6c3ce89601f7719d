import Foundation

extension Paths {
    static let reviews = "/reviews"
    static let reviewConflicts = "/reviews/conflicts"
    static func newReview(_ city: String) -> String { "/cities/\(city)/reviews/new" }
    static func cityReviews(_ city: String) -> String { "/cities/\(city)/reviews" }
    static func review(_ id: UUID) -> String { "/reviews/\(id.uuidString)" }
    static func reviewSetup(_ id: UUID) -> String { "\(review(id))/setup" }
    static func reviewMarking(_ id: UUID) -> String { "\(review(id))/marking" }
    static func reviewReply(_ id: UUID) -> String { "\(review(id))/reply" }
    static func reviewModeration(_ id: UUID) -> String { "\(review(id))/moderation" }
    static func reviewAction(_ id: UUID, _ action: String) -> String { "\(review(id))/\(action)" }
    static func reviewDocument(_ id: UUID, _ document: UUID) -> String { "\(review(id))/documents/\(document.uuidString)" }
    static func reviewJSON(_ id: UUID) -> String { "/api/v1/reviews/\(id.uuidString)" }
}
