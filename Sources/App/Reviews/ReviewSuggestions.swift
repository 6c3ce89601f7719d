import FluentKit
import Foundation

/// Reviewers the secretariat may assign, best first, with the reasons (a rule anyone can check):
/// - everyone the conflict rules refuse, or already assigned, is left out;
/// - a peer's city: the capacity-building peer score (3 points per piece of evidence in a sector
///   the plan covers: completed actions, case studies), plus 3 when it shares a named peer group
///   with the reviewed city, plus 2 for the same country (a shared language);
/// - experts: 1 point, plus the same country.
enum ReviewSuggestions {
    struct Suggestion: Sendable {
        let userID: UUID
        let name: String
        let kind: ReviewerKind
        let score: Int
        let reasons: [MatchSuggestion.Reason]
    }

    static func load(_ workspace: ReviewWorkspace, services: Services) async throws -> [Suggestion] {
        let db = services.db
        let record = workspace.record
        let reviewed = try await ReviewSetupService(db: db, clock: services.clock).reviewed(record)
        let assigned = Set(workspace.reviewers.map(\.userID))
        let need = CapacityMatching.Need(
            topics: Set(record.sectors.map { "sector_\($0)" }), languages: [], formats: [], country: workspace.city.country,
            cityID: reviewed.cityID)
        let peerScores = CapacityMatching.peers(for: need, evidence: try await CapacityQueries.peerEvidence(on: db))
        var byCity: [UUID: MatchSuggestion] = [:]
        for suggestion in peerScores { if case .peer(let city) = suggestion.target { byCity[city] = suggestion } }
        let groups = try await PeerGroupRecord.query(on: db).all().map {
            ($0.slug, Set((try? JSONDecoder().decode([String].self, from: Data($0.cities.utf8))) ?? []))
        }.filter { $0.1.contains(workspace.city.slug) }
        let users = try await User.query(on: db).filter(\.$isActive == true).with(\.$organisation) { $0.with(\.$city) }.all()
        var result: [Suggestion] = []
        for user in users {
            guard let userID = user.id, !assigned.contains(userID) else { continue }
            let organisation = user.organisation
            let city = organisation?.city
            let kind: ReviewerKind = user.isExpert ? .expert : .peer
            let candidate = ReviewRules.Candidate(
                userID: userID, cityID: organisation.flatMap { $0.$city.id }, organisationID: user.$organisation.id,
                isExpert: user.isExpert, isActive: user.isActive)
            guard ReviewRules.assignmentRefusal(candidate, reviewing: reviewed, as: kind) == nil else { continue }
            var score = kind == .expert ? 1 : 0
            var reasons: [MatchSuggestion.Reason] = kind == .expert ? [.init(key: "review.match.expert", arguments: [:])] : []
            if let city, let cityID = city.id {
                if let peer = byCity[cityID] {
                    score += peer.score
                    reasons += peer.reasons
                }
                for (slug, members) in groups where members.contains(city.slug) {
                    score += 3
                    reasons.append(.init(key: "review.match.peer_group", arguments: ["group": slug]))
                }
            }
            let country = city?.country ?? organisation?.country
            if country == workspace.city.country {
                score += 2
                reasons.append(.init(key: "review.match.country", arguments: ["country": workspace.city.country]))
            }
            result.append(Suggestion(userID: userID, name: user.name, kind: kind, score: score, reasons: reasons))
        }
        return result.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(20).map { $0 }
    }
}
