import FluentKit
import Foundation

/// The reviews a reader may see: published reports for everyone; the reviews a signed-in reader
/// takes part in; every open review for the secretariat. Optionally only one city's.
struct ReviewListQuery: Sendable {
    struct Row: Sendable {
        let id: UUID
        let title: String
        let cityNames: [String: String]
        let kind: String
        let state: ReviewState
        let illustrative: Bool
        let deadline: String?
    }

    let published: [Row]
    let mine: [Row]
    let city: City?
    let mayRequest: Bool
    let signedIn: Bool
    /// The secretariat's view across published reviews (empty for everyone else).
    let learning: [ReviewLearning.CriterionSummary]

    static func load(user: CurrentUser?, city: City?, services: Services) async throws -> ReviewListQuery {
        try await load(user: user, city: city, db: services.db)
    }

    static func load(user: CurrentUser?, city: City?, db: any Database) async throws -> ReviewListQuery {
        var query = ReviewRequest.query(on: db).with(\.$city).sort(\.$createdAt, .descending)
        if let city { query = query.filter(\.$city.$id == (try city.requireID())) }
        let records = try await query.all()
        var assigned: Set<UUID> = []
        if let user {
            assigned = Set(try await ReviewAssignment.query(on: db).filter(\.$user.$id == user.id).all().map(\.$request.id))
        }
        func row(_ record: ReviewRequest) throws -> Row {
            Row(
                id: try record.requireID(), title: record.title, cityNames: record.city.names, kind: record.kindRaw,
                state: record.state, illustrative: record.illustrative, deadline: record.deadlines[record.stateRaw])
        }
        let mine = records.filter { record in
            guard let user, record.state != .published, let id = record.id else { return false }
            return user.isSecretariat || EditorRule.mayEdit(city: record.$city.id, user: user) || assigned.contains(id)
        }
        return ReviewListQuery(
            published: try records.filter { $0.state == .published }.map(row), mine: try mine.map(row), city: city,
            mayRequest: city.flatMap { $0.id }.map { EditorRule.mayEdit(city: $0, user: user) } ?? false,
            signedIn: user != nil,
            learning: user?.isSecretariat == true ? ReviewLearning.criteria(try await ReviewLearning.latestReports(on: db)) : [])
    }
}

enum ReviewListPage {
    static func render(_ model: ReviewListQuery, csrf: String?, chrome: Chrome) -> String {
        let t = chrome.t
        let title = model.city.map { t("review.city_title", ["city": t.pick($0.names)]) } ?? t("review.list_title")
        return Layout.render(title: title, chrome: chrome) {
            h1 { title }
            para(.class("lead")) { t("review.list_lead") }
            if let city = model.city, model.mayRequest {
                para { link(.class("button"), .href(Paths.newReview(city.slug))) { t("review.new_request") } }
            }
            if !model.mine.isEmpty {
                section {
                    h2 { t("review.mine") }
                    rows(model.mine, t: t)
                }
            }
            section {
                h2 { t("review.published") }
                if model.published.isEmpty { para(.class("empty")) { t("review.none_published") } }
                rows(model.published, t: t)
            }
            if !model.learning.isEmpty { ReviewLearning.summaryTable(model.learning, t: t) }
            if let csrf {
                form(.action(Paths.reviewConflicts), .post, .class("stack")) {
                    Forms.csrf(csrf)
                    h2 { t("review.conflict_title") }
                    para(.class("hint")) { t("review.conflict_hint") }
                    Forms.text("city", label: t("review.conflict_city"), value: "", errors: [:], t: t, required: true)
                    Forms.textArea(
                        "reason", label: t("review.conflict_reason"), value: "", errors: [:], t: t, required: true, rows: 2)
                    Forms.submit(t("review.declare"))
                }
            }
        }
    }

    private static func rows(_ rows: [ReviewListQuery.Row], t: Translator) -> Node {
        table {
            tbody {
                for row in rows {
                    tr {
                        td { link(.href(Paths.review(row.id))) { row.title } }
                        td { t.pick(row.cityNames) }
                        td { t("review.kind.\(row.kind)") }
                        td {
                            span(.class("badge")) { t("review.state.\(row.state.rawValue)") }
                            if row.illustrative { " " + t("review.illustrative_short") }
                        }
                        td { row.deadline ?? "" }
                    }
                }
            }
        }
    }
}
