import FluentKit
import Foundation

/// The reads behind the hub's pages (style 5): each takes the database and what the request names
/// and returns the page's plain model.
enum KnowledgeQueries {
    static func published(_ kind: KnowledgeKind, on db: any Database) -> QueryBuilder<KnowledgeItem> {
        KnowledgeItem.query(on: db).filter(\.$kind == kind.rawValue).filter(state: .published).with(\.$city)
    }

    static func records(_ query: QueryBuilder<KnowledgeItem>) async throws -> [KnowledgeRecord] {
        try await query.all().map(KnowledgeRecord.init)
    }

    /// Five news items, the next five events (the last five when none is coming) and six case studies.
    static func hub(today: String, on db: any Database) async throws -> KnowledgeHubModel {
        let news = try await records(published(.news, on: db).sort(\.$publishedAt, .descending).range(..<5))
        var events = try await records(published(.event, on: db).filter(\.$startsOn >= today).sort(\.$startsOn).range(..<5))
        if events.isEmpty { events = try await records(published(.event, on: db).sort(\.$startsOn, .descending).range(..<5)) }
        let cases = try await records(published(.caseStudy, on: db).sort(\.$titleEn).range(..<6))
        return KnowledgeHubModel(news: news, events: events, caseStudies: cases)
    }

    /// Case studies by title; news and publications newest first; events by start.
    static func list(_ kind: KnowledgeKind, on db: any Database) async throws -> KnowledgeListModel {
        let query = published(kind, on: db)
        switch kind {
        case .caseStudy: query.sort(\.$titleEn)
        case .news, .publication: query.sort(\.$publishedAt, .descending)
        case .event: query.sort(\.$startsOn)
        }
        return KnowledgeListModel(kind: kind, records: try await records(query))
    }

    static func events(on db: any Database) async throws -> [KnowledgeRecord] {
        try await records(published(.event, on: db).sort(\.$startsOn))
    }

    /// A published record by its kind and slug, with its photo's name and, for a training, the plans
    /// drafted there.
    static func detail(_ kind: KnowledgeKind, slug: String, on db: any Database) async throws -> KnowledgeDetailModel? {
        guard let item = try await published(kind, on: db).filter(\.$slug == slug).first() else { return nil }
        let record = try KnowledgeRecord(item)
        var photoName: String?
        if let photoID = record.photoID { photoName = try await StoredFiles.name(photoID, on: db) }
        let plans = kind == .event ? try await trainingPlans(eventID: record.id, on: db) : []
        return KnowledgeDetailModel(record: record, plans: plans, photoName: photoName)
    }

    /// The action plans drafted at an event (a training) and how far their follow-up has got: an
    /// action counts as updated once it has a progress report that moved it beyond planned.
    static func trainingPlans(eventID: UUID, on db: any Database) async throws -> [TrainingPlan] {
        let plans = try await ActionPlan.query(on: db).filter(\.$eventID == eventID).with(\.$city).all()
        guard !plans.isEmpty else { return [] }
        let actions = try await MitigationAction.query(on: db).filter(\.$plan.$id ~~ plans.compactMap(\.id)).all()
        return plans.map { plan in
            let mine = actions.filter { $0.$plan.id == plan.id }
            return TrainingPlan(
                city: NamedLink(slug: plan.city.slug, names: plan.city.names), title: plan.title, actions: mine.count,
                updated: mine.filter { $0.lastUpdateOn != nil && $0.status != .planned }.count)
        }
        .sorted { $0.city.slug < $1.city.slug }
    }

    /// The author's records, newest change first, and for reviewers the records in review, oldest first.
    static func drafts(author: UUID, reviewer: Bool, on db: any Database) async throws -> KnowledgeDraftsModel {
        let mine = try await records(KnowledgeItem.query(on: db).filter(\.$authorID == author).sort(\.$updatedAt, .descending))
        let queue = reviewer ? try await records(KnowledgeItem.query(on: db).filter(state: .inReview).sort(\.$updatedAt)) : []
        return KnowledgeDraftsModel(mine: mine, queue: queue, reviewer: reviewer)
    }

    static func programmes(on db: any Database) async throws -> [ProgrammeSummary] {
        try await Programme.query(on: db).sort(\.$nameEn).all().map(ProgrammeSummary.init)
    }

    /// A programme with its cities (by English name) and the published records that name it.
    static func programme(slug: String, on db: any Database) async throws -> ProgrammePageModel? {
        guard let programme = try await Programme.query(on: db).filter(\.$slug == slug).first() else { return nil }
        let cities = try await CityProgramme.query(on: db).filter(\.$programme.$id == programme.requireID())
            .with(\.$city).all().map(\.city).sorted { $0.nameEn < $1.nameEn }
        // LIKE narrows the rows; the exact match on the ";"-separated list keeps "lcc" from matching "lcc-2".
        let items = try await KnowledgeItem.query(on: db).filter(state: .published)
            .filter(\.$programmes, .custom("LIKE"), "%\(slug)%").with(\.$city).all()
            .filter { $0.programmes.split(separator: ";").contains(Substring(slug)) }
        return ProgrammePageModel(
            programme: ProgrammeSummary(programme), cities: cities.map { NamedLink(slug: $0.slug, names: $0.names) },
            records: try items.map(KnowledgeRecord.init))
    }
}

extension ProgrammeSummary {
    init(_ programme: Programme) {
        slug = programme.slug
        names = programme.names
        kind = programme.kind
        country = programme.country
        pathways = programme.pathways
        details = programme.details
        startYear = programme.startYear
        website = programme.website
        sources = programme.sources
    }
}
