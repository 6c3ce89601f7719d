import Foundation

extension Paths {
    static let knowledge = "/knowledge"
    static let knowledgeDrafts = "/knowledge/drafts"
    static let programmes = "/programmes"
    static func programme(_ slug: String) -> String { "/programmes/\(slug)" }
    static let events = "/events"
    /// `month` is `YYYY-MM`.
    static func eventsMonth(_ month: String) -> String { with(events, query: [("month", month)]) }
    static let eventsCalendar = "/events.ics"
    static func cityEventsCalendar(_ slug: String) -> String { "/cities/\(slug)/events.ics" }
    static let newsFeed = "/feed.atom"
    static let sitemap = "/sitemap.xml"
    static let search = "/search"

    /// The public list of one kind of record.
    static func knowledgeList(_ kind: KnowledgeKind) -> String {
        switch kind {
        case .caseStudy: "/case-studies"
        case .news: "/news"
        case .event: "/events"
        case .publication: "/publications"
        }
    }

    /// A published record's stable public URL.
    static func knowledgeRecord(_ kind: KnowledgeKind, _ slug: String) -> String { "\(knowledgeList(kind))/\(slug)" }

    static func newKnowledgeRecord(_ kind: KnowledgeKind) -> String { with("/knowledge/new", query: [("kind", kind.rawValue)]) }
    /// A record in any state, as its author and the reviewers see it.
    static func knowledgeItem(_ id: UUID) -> String { "/knowledge/items/\(id.uuidString)" }
    static func editKnowledgeItem(_ id: UUID) -> String { "\(knowledgeItem(id))/edit" }
    static func submitKnowledgeItem(_ id: UUID) -> String { "\(knowledgeItem(id))/submit" }
    static func publishKnowledgeItem(_ id: UUID) -> String { "\(knowledgeItem(id))/publish" }
    static func returnKnowledgeItem(_ id: UUID) -> String { "\(knowledgeItem(id))/return" }
    static func knowledgeItemFile(_ id: UUID) -> String { "\(knowledgeItem(id))/file" }
    static func knowledgeItemPhoto(_ id: UUID) -> String { "\(knowledgeItem(id))/photo" }

    /// A stored file (a publication's document, a record's photo) under the name it was uploaded with.
    static func storedFile(_ id: UUID, _ name: String) -> String { "/files/\(id.uuidString)/\(name)" }
}
