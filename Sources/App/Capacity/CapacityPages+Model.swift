import Foundation

/// The capacity-building desk: every request with its city and status, and every offer.
struct CapacityIndexModel: Sendable {
    struct Request: Sendable {
        let id: UUID
        let title: String
        let cityNames: [String: String]
        let status: CapacityRequestStatus
    }

    struct Offer: Sendable {
        let title: String
        let provider: String
        /// Codes of `CapacityTaxonomy.topics`.
        let topics: [String]
    }

    let requests: [Request]
    let offers: [Offer]
}

/// A request with what was matched to it and, while it is open, the suggested offers and peers.
struct CapacityRequestModel: Sendable {
    struct MatchedOffer: Sendable {
        let title: String
        let provider: String
    }

    let id: UUID
    let title: String
    let status: CapacityRequestStatus
    let cityNames: [String: String]
    let details: String
    let topics: [String]
    let formats: [String]
    /// Content-language codes.
    let languages: [String]
    let audience: String
    let timing: String
    let baseline: String
    let outcome: String
    let feedback: String
    let matchedOffer: MatchedOffer?
    let matchedPeer: NamedLink?
    let offers: [MatchSuggestion]
    let peers: [MatchSuggestion]
    /// The secretariat confirms a match.
    let canConfirm: Bool
    /// The secretariat or the requesting city's members report delivery and closing.
    let canReport: Bool
}
