import Foundation

/// The hub: the latest news, the next events (or the last ones) and case studies.
struct KnowledgeHubModel: Sendable {
    let news: [KnowledgeRecord]
    let events: [KnowledgeRecord]
    let caseStudies: [KnowledgeRecord]
}

/// The published records of one kind.
struct KnowledgeListModel: Sendable {
    let kind: KnowledgeKind
    let records: [KnowledgeRecord]
}

/// A published record's public page.
struct KnowledgeDetailModel: Sendable {
    let record: KnowledgeRecord
    /// The action plans drafted at a training (events only).
    let plans: [TrainingPlan]
    /// The photo's file name; nil when the record has no photo (or its file is gone).
    let photoName: String?
}

/// An action plan drafted at a training, with its follow-up so far.
struct TrainingPlan: Sendable {
    let city: NamedLink
    let title: String
    let actions: Int
    let updated: Int
}

/// The events as lists (upcoming, past) or as one month's calendar.
struct EventCalendarModel: Sendable {
    let events: [KnowledgeRecord]
    let month: (year: Int, month: Int)?
    /// `YYYY-MM-DD`.
    let today: String
}

/// The author's drafts and, for reviewers, the records waiting for review.
struct KnowledgeDraftsModel: Sendable {
    let mine: [KnowledgeRecord]
    let queue: [KnowledgeRecord]
    let reviewer: Bool
}

/// A record in any state, with what the reader may do next.
struct KnowledgeItemModel: Sendable {
    let record: KnowledgeRecord
    let access: KnowledgeAccess
    /// The attached file's name (publications).
    let fileName: String?
}

/// A programme or network as its pages show it.
struct ProgrammeSummary: Sendable {
    let slug: String
    let names: [String: String]
    let kind: String
    let country: String?
    let pathways: [String]
    let details: String?
    let startYear: Int?
    let website: String?
    let sources: [String]
}

struct ProgrammePageModel: Sendable {
    let programme: ProgrammeSummary
    let cities: [NamedLink]
    let records: [KnowledgeRecord]
}
