import FluentKit
import Foundation

/// `GET /cities/{slug}/reviews/new`: a city asks for a plan review (documents and a summary with
/// the targets and actions the plan covers, chosen from its records) or an analytical study
/// (interests and baseline).
enum ReviewRequestPage {
    struct Model: Sendable {
        let city: City
        let targets: [(UUID, String)]
        let actions: [(UUID, String)]

        static func load(city: City, services: Services) async throws -> Model {
            let id = try city.requireID()
            let targets = try await CityTarget.query(on: services.db).filter(\.$city.$id == id).all().map {
                (try $0.requireID(), "\($0.kind) \($0.targetYear): \($0.originalWording)")
            }
            let actions = try await MitigationAction.query(on: services.db).filter(\.$city.$id == id).all().map {
                (try $0.requireID(), $0.titleEn)
            }
            return Model(city: city, targets: targets, actions: actions)
        }
    }

    static func render(_ model: Model, csrf: String, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("review.new_request"), chrome: chrome) {
            h1 { t("review.new_request") + " — " + t.pick(model.city.names) }
            form(
                .action(Paths.cityReviews(model.city.slug)), .post, .custom("enctype", "multipart/form-data"), .class("stack")
            ) {
                Forms.csrf(csrf)
                Forms.select(
                    "kind", label: t("review.field.kind"),
                    options: ReviewKind.allCases.map { ($0.rawValue, t("review.kind.\($0.rawValue)")) },
                    selected: ReviewKind.planReview.rawValue, errors: [:], t: t, required: true)
                Forms.text("title", label: t("review.field.title"), value: "", errors: [:], t: t, required: true, maxLength: 300)
                Forms.textArea("summary", label: t("review.field.summary"), value: "", errors: [:], t: t, rows: 4)
                Forms.textArea("scope", label: t("review.field.scope"), value: "", errors: [:], t: t, rows: 2)
                Forms.checkboxes(
                    "sectors", legend: t("review.field.sectors"), options: GPCSectorCodes.all.map { ($0, "GPC \($0)") },
                    selected: [], errors: [:], t: t)
                if !model.targets.isEmpty {
                    Forms.checkboxes(
                        "targets", legend: t("review.field.targets"), options: model.targets.map { ($0.0.uuidString, $0.1) },
                        selected: [], errors: [:], t: t)
                }
                if !model.actions.isEmpty {
                    Forms.checkboxes(
                        "actions", legend: t("review.field.actions"), options: model.actions.map { ($0.0.uuidString, $0.1) },
                        selected: [], errors: [:], t: t)
                }
                fieldset {
                    legend { t("review.field.documents") }
                    para(.class("hint")) { t("review.documents_hint") }
                    for index in 1...ReviewRequestService.maxDocuments {
                        input(
                            .type("file"), .name("documents"), .id("f-documents-\(index)"),
                            .custom("accept", ".pdf,.docx,.xlsx,.pptx"))
                    }
                }
                fieldset {
                    legend { t("review.baseline") }
                    para(.class("hint")) { t("review.baseline_hint") }
                    for field in ReviewRequestService.baselineFields {
                        Forms.textArea(field, label: t("review.field.\(field)"), value: "", errors: [:], t: t, rows: 2)
                    }
                }
                Forms.submit(t("review.send_request"))
            }
        }
    }
}
