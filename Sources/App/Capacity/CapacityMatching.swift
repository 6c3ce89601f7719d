import Foundation

/// The words of capacity building: topics aligned with the GPC sectors and the five pathways (plus
/// cross-cutting skills) and formats. A request's statuses are `CapacityRequestStatus`.
enum CapacityTaxonomy {
    static let topics = [
        "sector_I", "sector_II", "sector_III", "sector_IV", "sector_V", "ghg_inventory", "targets_planning", "finance",
        "air_quality", "low_emission", "nature_based", "circular", "resilient", "equitable_people_centred",
    ]
    static let formats = ["training", "study_tour", "expert_advice", "peer_exchange", "analytical_study"]

    /// The GPC sector code of a sector topic ("sector_II" → "II").
    static func sector(_ topic: String) -> String? { topic.hasPrefix("sector_") ? String(topic.dropFirst(7)) : nil }
}

/// A suggested match with its score and the reasons behind it (catalogue keys with arguments).
struct MatchSuggestion: Sendable, Hashable {
    enum Target: Sendable, Hashable {
        case offer(UUID)
        case peer(UUID)
    }

    let target: Target
    let title: String
    let score: Int
    let reasons: [Reason]

    struct Reason: Sendable, Hashable {
        let key: String
        let arguments: [String: String]
    }
}

/// Suggestions for a request (issue 5), scored by a rule anyone can check:
/// - offers: 3 points per shared topic (none shared → not suggested), 2 for a shared language,
///   2 for a shared format, 1 when the offer serves the requesting city's country (or anywhere),
///   1 when it is available today (an offer whose window has ended is not suggested);
/// - peer cities: 3 points per piece of evidence in a requested topic (a completed action in a
///   requested sector, a published case study in a requested sector or pathway), at most 3 counted.
enum CapacityMatching {
    struct Need: Sendable {
        let topics: Set<String>
        let languages: Set<String>
        let formats: Set<String>
        let country: String
        let cityID: UUID
    }

    struct OfferInfo: Sendable {
        let id: UUID
        let title: String
        let topics: Set<String>
        let languages: Set<String>
        let formats: Set<String>
        let regions: Set<String>
        let availableFrom: String?
        let availableTo: String?
    }

    struct Evidence: Sendable {
        let cityID: UUID
        let cityName: String
        let topic: String
        let title: String
    }

    static func offers(for need: Need, offers: [OfferInfo], today: String) -> [MatchSuggestion] {
        offers.compactMap { offer in
            let topics = need.topics.intersection(offer.topics)
            guard !topics.isEmpty else { return nil }
            if let end = offer.availableTo, !end.isEmpty, end < today { return nil }
            var score = 3 * topics.count
            var reasons = [
                MatchSuggestion.Reason(key: "match.topics", arguments: ["topics": topics.sorted().joined(separator: ", ")])
            ]
            let languages = need.languages.intersection(offer.languages)
            if !languages.isEmpty {
                score += 2
                reasons.append(.init(key: "match.language", arguments: ["languages": languages.sorted().joined(separator: ", ")]))
            }
            let formats = need.formats.intersection(offer.formats)
            if !formats.isEmpty {
                score += 2
                reasons.append(.init(key: "match.format", arguments: ["formats": formats.sorted().joined(separator: ", ")]))
            }
            if offer.regions.isEmpty || offer.regions.contains(need.country) {
                score += 1
                reasons.append(.init(key: "match.region", arguments: ["country": need.country]))
            }
            // ISO days compare as text; no start date ("") comes before every day.
            if (offer.availableFrom ?? "") <= today {
                score += 1
                reasons.append(.init(key: "match.available", arguments: [:]))
            }
            return MatchSuggestion(target: .offer(offer.id), title: offer.title, score: score, reasons: reasons)
        }
        .sorted { ($0.score, $1.title) > ($1.score, $0.title) }
    }

    static func peers(for need: Need, evidence: [Evidence]) -> [MatchSuggestion] {
        let relevant = evidence.filter { $0.cityID != need.cityID && need.topics.contains($0.topic) }
        let byCity = Dictionary(grouping: relevant, by: \.cityID)
        return byCity.map { cityID, items in
            let counted = Array(items.prefix(3))
            return MatchSuggestion(
                target: .peer(cityID), title: items[0].cityName, score: 3 * counted.count,
                reasons: counted.map {
                    .init(key: "match.evidence", arguments: ["title": $0.title, "topic": $0.topic])
                })
        }
        .sorted { ($0.score, $1.title) > ($1.score, $0.title) }
    }
}
