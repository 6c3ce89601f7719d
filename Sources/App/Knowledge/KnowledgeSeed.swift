import FluentKit
import Foundation

/// The knowledge hub's demo records (`Resources/seed/knowledge/*.json`, made from seeds 000–003).
struct KnowledgeSeed: Sendable {
    struct EventRow: Decodable, Sendable {
        let slug: String
        let type: String
        let titles: [String: String]
        let summaries: [String: String]
        let starts_on: String
        let ends_on: String
        let start_time: String?
        let end_time: String?
        let time_zone: String
        let place: String
        let city: String?
        let country: String?
        let organisers: [String]
        let organiser_names: [String]
        let partners: [String]
        let partner_names: [String]
        let participant_organisations: [String]
        let participant_count: Int?
        let programme: String?
        let outcome: String?
        let programme_slugs: [String]
        let pathways: [String]
        let sources: [String]
    }

    struct CaseStudyRow: Decodable, Sendable {
        let slug: String
        let city: String?
        let country: String?
        let sector: String?
        let gpc_ref: String?
        let pathway: String?
        let titles: [String: String]
        let summaries: [String: String]
        let body_md: [String: String]
        let results: [KnowledgeResult]
        let lessons: String?
        let contacts: [String]
        let programme_slugs: [String]
        let year: Int?
        let sources: [String]
    }

    struct NewsRow: Decodable, Sendable {
        let slug: String
        let published_on: String
        let titles: [String: String]
        let summaries: [String: String]
        let body_md: [String: String]
        let city: String?
        let event_slugs: [String]
        let sources: [String]
    }

    let events: [EventRow]
    let caseStudies: [CaseStudyRow]
    let news: [NewsRow]

    static func load() throws -> KnowledgeSeed {
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            guard
                let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/seed/knowledge")
            else { throw AppError.internal("missing seed file knowledge/\(name).json") }
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        }
        return KnowledgeSeed(
            events: try read("events", as: [EventRow].self), caseStudies: try read("case_studies", as: [CaseStudyRow].self),
            news: try read("news", as: [NewsRow].self))
    }
}
