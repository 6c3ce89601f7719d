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
    /// On the list of all reviews: the signed-in person's own city, which they may ask a review for.
    var ownCity: (slug: String, names: [String: String])? = nil
    let signedIn: Bool
    /// The secretariat's view across published reviews (empty for everyone else).
    let learning: [ReviewLearning.CriterionSummary]

    /// From the cached directory and, for the secretariat, the cached view across reports: no
    /// statement of its own per request.
    static func load(user: CurrentUser?, city: City?, services: Services) async throws -> ReviewListQuery {
        let directory = try await services.cache.value(ReviewReads.directory, Whole(), in: services.query)
        let learning =
            user?.isSecretariat == true ? try await services.cache.value(ReviewReads.learning, Whole(), in: services.query) : []
        var model = try make(directory, user: user, city: city, learning: learning)
        if city == nil, let cityID = user?.cityID,
            let own = try await services.cache.value(DirectoryReads.cities, Whole(), in: services.query)
                .first(where: { $0.id == cityID })
        {
            model.ownCity = (own.slug, own.names)
        }
        return model
    }

    static func load(user: CurrentUser?, city: City?, db: any Database) async throws -> ReviewListQuery {
        let learning = user?.isSecretariat == true ? ReviewLearning.criteria(try await ReviewLearning.latestReports(on: db)) : []
        return try make(try await ReviewDirectory.load(on: db), user: user, city: city, learning: learning)
    }

    static func make(
        _ directory: ReviewDirectory, user: CurrentUser?, city: City?, learning: [ReviewLearning.CriterionSummary]
    ) throws -> ReviewListQuery {
        let cityID = try city?.requireID()
        let records = directory.reviews.filter { cityID == nil || $0.cityID == cityID }
        func row(_ review: ReviewDirectory.Review) -> Row {
            Row(
                id: review.id, title: review.title, cityNames: review.cityNames, kind: review.kind, state: review.state,
                illustrative: review.illustrative, deadline: review.deadline)
        }
        let mine = records.filter { review in
            guard let user, review.state != .published else { return false }
            return user.isSecretariat || EditorRule.mayEdit(city: review.cityID, user: user)
                || directory.assignment(of: user.id, in: review.id) != nil
        }
        return ReviewListQuery(
            published: records.filter { $0.state == .published }.map(row), mine: mine.map(row), city: city,
            mayRequest: cityID.map { EditorRule.mayEdit(city: $0, user: user) } ?? false, signedIn: user != nil,
            learning: learning)
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
            if let own = model.ownCity {
                para {
                    link(.class("button"), .href(Paths.newReview(own.slug))) {
                        t("review.ask_for_city", ["city": t.pick(own.names)])
                    }
                }
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
