import FluentKit
import Foundation

/// A record of the knowledge hub: a case study, a news item, an event or a publication. Texts are
/// kept per language; kind-specific fields are empty for the other kinds.
final class KnowledgeItem: Model, @unchecked Sendable {
    static let schema = "knowledge_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "slug") var slug: String
    @Field(key: "state") var stateRaw: String
    @Field(key: "titles") var titles: [String: String]
    @Field(key: "title_en") var titleEn: String
    @Field(key: "summaries") var summaries: [String: String]
    /// Markdown by language.
    @Field(key: "bodies") var bodies: [String: String]
    @OptionalParent(key: "city_id") var city: City?
    @OptionalField(key: "country") var country: String?
    @OptionalField(key: "sector") var sector: String?
    @OptionalField(key: "gpc_ref") var gpcRef: String?
    @Field(key: "pathways") var pathways: String
    @Field(key: "tags") var tags: String
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "event_type") var eventType: String?
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "start_time") var startTime: String?
    @OptionalField(key: "end_time") var endTime: String?
    @OptionalField(key: "time_zone") var timeZone: String?
    @Field(key: "place") var place: String
    /// Organisation slugs or names, separated by ";".
    @Field(key: "organisers") var organisers: String
    @Field(key: "partners") var partners: String
    @Field(key: "participant_organisations") var participantOrganisations: String
    @OptionalField(key: "participant_count") var participantCount: Int?
    @Field(key: "programme_text") var programmeText: String
    @Field(key: "outcome") var outcome: String
    /// JSON of `[KnowledgeResult]` (a JSON text, not a typed array column: PostgreSQL would make it jsonb[]).
    @Field(key: "results") var resultsJSON: String
    @Field(key: "lessons") var lessons: String
    @Field(key: "contacts") var contacts: String
    /// Programme slugs separated by ";".
    @Field(key: "programmes") var programmes: String
    @OptionalField(key: "file_id") var fileID: UUID?
    @OptionalField(key: "photo_id") var photoID: UUID?
    @OptionalField(key: "photo_caption") var photoCaption: String?
    @OptionalField(key: "photo_credit") var photoCredit: String?
    @Field(key: "sources") var sources: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var state: KnowledgeState {
        get { KnowledgeState(rawValue: stateRaw) ?? .draft }
        set { stateRaw = newValue.rawValue }
    }

    var results: [KnowledgeResult] {
        get { (try? JSONDecoder().decode([KnowledgeResult].self, from: Data(resultsJSON.utf8))) ?? [] }
        set { resultsJSON = (try? String(data: JSONEncoder().encode(newValue), encoding: .utf8)) ?? "[]" }
    }
}

extension QueryBuilder where Model == KnowledgeItem {
    @discardableResult
    func filter(state: KnowledgeState) -> Self { filter(\.$stateRaw == state.rawValue) }
}

/// A result of a case study: what, how much, in which unit (as the source states it).
struct KnowledgeResult: Codable, Sendable, Hashable {
    let description: String
    let value: Double
    let unit: String
}
