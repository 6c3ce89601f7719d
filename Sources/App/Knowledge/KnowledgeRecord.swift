import FluentKit
import Foundation

/// A knowledge record as the hub's pages show it: plain values read once from the row (and from its
/// city when the query loaded it), so views never see the Fluent model.
struct KnowledgeRecord: Sendable {
    let id: UUID
    let kind: KnowledgeKind
    let slug: String
    let state: KnowledgeState
    let version: Int
    let titles: [String: String]
    let summaries: [String: String]
    /// Markdown by language.
    let bodies: [String: String]
    let city: NamedLink?
    let country: String?
    let sector: String?
    let gpcRef: String?
    let pathways: [String]
    let eventType: String?
    let startsOn: String?
    let endsOn: String?
    let startTime: String?
    let endTime: String?
    let timeZone: String?
    let place: String
    let organisers: [String]
    let partners: [String]
    let participantOrganisations: [String]
    let participantCount: Int?
    let programmeText: String
    let outcome: String
    let results: [KnowledgeResult]
    let lessons: String
    let sources: [String]
    let publishedAt: Date?
    let fileID: UUID?
    let photoID: UUID?
    let photoCaption: String?
    let photoCredit: String?

    var url: String { Paths.knowledgeRecord(kind, slug) }

    init(_ item: KnowledgeItem) throws {
        func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }
        id = try item.requireID()
        kind = KnowledgeKind(rawValue: item.kind) ?? .news
        slug = item.slug
        state = item.state
        version = item.version
        titles = item.titles
        summaries = item.summaries
        bodies = item.bodies
        city = (item.$city.value ?? nil).map { NamedLink(slug: $0.slug, names: $0.names) }
        country = item.country
        sector = item.sector
        gpcRef = item.gpcRef
        pathways = list(item.pathways)
        eventType = item.eventType
        (startsOn, endsOn, startTime, endTime, timeZone) = (
            item.startsOn, item.endsOn, item.startTime, item.endTime, item.timeZone
        )
        place = item.place
        organisers = list(item.organisers)
        partners = list(item.partners)
        participantOrganisations = list(item.participantOrganisations)
        participantCount = item.participantCount
        programmeText = item.programmeText
        outcome = item.outcome
        results = item.results
        lessons = item.lessons
        sources = list(item.sources)
        publishedAt = item.publishedAt
        fileID = item.fileID
        photoID = item.photoID
        photoCaption = item.photoCaption
        photoCredit = item.photoCredit
    }
}
