import FluentKit
import Foundation
import Hummingbird

/// Public knowledge pages and feeds are rendered once per state of what they show. Measured
/// before the cache: /events.ics p99 224 ms, /sitemap.xml 575 ms at `wrk -c16` (Fluent decodes
/// every record each time).
enum KnowledgeReads {
    /// What the hub's pages and feeds read: the records with their files and photos, cities,
    /// organisations and programmes (names, links), inventories (sitemap), and the action plans
    /// drafted at trainings with their actions and updates (a training's page shows their
    /// follow-up — the stamp before this one missed these three, and event pages went stale).
    static let tables: [Table] = [
        .knowledgeItems, .storedFiles, .cities, .organisations, .programmes, .cityProgrammes, .inventories, .actionPlans,
        .mitigationActions, .actionUpdates, .users,
    ]
}

extension Services {
    /// A knowledge page or feed from the cache while nothing it shows has changed. The key holds the
    /// day (upcoming/past), the language, the host (feeds carry absolute links), the URL and the
    /// reader's audience (the page frame); a signed-in reader's form token is put in per request.
    func knowledgeText(
        _ request: Request, _ context: AppRequestContext, render: @escaping @Sendable () async throws -> String
    ) async throws -> String {
        let key = [
            ISODay.format(clock.now()), context.locale.rawValue, request.head.authority ?? "", request.uri.description,
            SharedPage.audience(of: context.user),
        ].joined(separator: "|")
        let read = CachedRead<String, SharedHTML>("knowledge.page", tables: KnowledgeReads.tables) { _, _ in
            SharedPage.split(try await SharedPage.$rendering.withValue(true) { try await render() })
        }
        let page = try await cache.value(read, key, in: query)
        return page.filled(with: context.user == nil ? nil : context.session?.csrfToken)
    }
}
