import FluentKit
import Foundation

/// The reads behind the capacity-building pages: each returns the page's plain model.
enum CapacityQueries {
    static func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }

    /// Requests newest first, offers by title.
    static func index(on db: any Database) async throws -> CapacityIndexModel {
        let requests = try await CapacityRequest.query(on: db).with(\.$city).sort(\.$createdAt, .descending).all()
        let offers = try await CapacityOffer.query(on: db).sort(\.$title).all()
        return CapacityIndexModel(
            requests: try requests.map {
                .init(id: try $0.requireID(), title: $0.title, cityNames: $0.city.names, status: $0.status)
            },
            offers: offers.map { .init(title: $0.title, provider: $0.provider, topics: list($0.topics)) })
    }

    /// A request (loaded with its city, offer and peer city) as its page shows it to `user`.
    static func page(_ record: CapacityRequest, user: CurrentUser, today: String, on db: any Database) async throws
        -> CapacityRequestModel
    {
        let suggestions = try await suggestions(for: record, today: today, on: db)
        let offer = record.$offer.value ?? nil
        let peer = record.$peerCity.value ?? nil
        return CapacityRequestModel(
            id: try record.requireID(), title: record.title, status: record.status, cityNames: record.city.names,
            details: record.details, topics: list(record.topics), formats: list(record.formats),
            languages: list(record.languages), audience: record.audience, timing: record.timing, baseline: record.baseline,
            outcome: record.outcome, feedback: record.feedback,
            matchedOffer: offer.map { .init(title: $0.title, provider: $0.provider) },
            matchedPeer: peer.map { NamedLink(slug: $0.slug, names: $0.names) }, offers: suggestions.offers,
            peers: suggestions.peers, canConfirm: user.isSecretariat, canReport: mayReport(user, on: record))
    }

    /// Delivery and closing are reported by the secretariat or by the requesting city's members.
    static func mayReport(_ user: CurrentUser, on record: CapacityRequest) -> Bool {
        user.isSecretariat || user.cityID == record.$city.id
    }

    /// Offers and peer cities for a request: every offer, plus the evidence of other cities
    /// (completed actions by sector, published case studies by sector and pathway): three queries.
    static func suggestions(for record: CapacityRequest, today: String, on db: any Database) async throws -> (
        offers: [MatchSuggestion], peers: [MatchSuggestion]
    ) {
        func set(_ text: String) -> Set<String> { Set(list(text)) }
        let need = CapacityMatching.Need(
            topics: set(record.topics), languages: set(record.languages), formats: set(record.formats),
            country: record.city.country, cityID: try record.city.requireID())
        let offers = try await CapacityOffer.query(on: db).all().map {
            CapacityMatching.OfferInfo(
                id: try $0.requireID(), title: $0.title, topics: set($0.topics), languages: set($0.languages),
                formats: set($0.formats), regions: set($0.regions), availableFrom: $0.availableFrom, availableTo: $0.availableTo)
        }
        let evidence = try await peerEvidence(on: db)
        return (
            CapacityMatching.offers(for: need, offers: offers, today: today),
            CapacityMatching.peers(for: need, evidence: evidence)
        )
    }

    /// What other cities have done, by topic: completed actions by sector, published case studies
    /// by sector and pathway, plan-quality criteria their published reviews found strong
    /// (capacity-building and review suggestions).
    static func peerEvidence(on db: any Database) async throws -> [CapacityMatching.Evidence] {
        var evidence: [CapacityMatching.Evidence] = []
        for action in try await MitigationAction.query(on: db).filter(status: .completed).with(\.$city).all() {
            evidence.append(
                .init(
                    cityID: action.$city.id, cityName: action.city.nameEn, topic: "sector_\(action.sector)", title: action.titleEn
                ))
        }
        for item in try await KnowledgeItem.query(on: db).filter(\.$kind == KnowledgeKind.caseStudy.rawValue)
            .filter(state: .published).with(\.$city).all()
        {
            guard let city = item.city else { continue }
            let cityID = try city.requireID()
            if let sector = item.sector {
                evidence.append(.init(cityID: cityID, cityName: city.nameEn, topic: "sector_\(sector)", title: item.titleEn))
            }
            for pathway in item.pathways.split(separator: ";") {
                evidence.append(.init(cityID: cityID, cityName: city.nameEn, topic: String(pathway), title: item.titleEn))
            }
        }
        // Criteria a city's published review found strong (never an illustrative review).
        evidence += try await ReviewCapacityEvidence.load(on: db)
        return evidence
    }
}
