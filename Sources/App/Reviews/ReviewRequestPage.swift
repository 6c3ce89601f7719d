import CarbonAccounting
import FluentKit
import Foundation

/// `GET /cities/{slug}/reviews/new`: a city asks for a plan review (documents and a summary with
/// the targets and actions the plan covers, chosen from its records) or an analytical study
/// (interests and baseline).
enum ReviewRequestPage {
    struct Model: Sendable {
        let city: City
        /// A target: its kind (a `target_kind.` key), year, reduction and the city's wording.
        let targets: [(id: UUID, kind: String, year: Int, percent: Double?, wording: String)]
        let actions: [(UUID, String)]

        static func load(city: City, services: Services) async throws -> Model {
            let id = try city.requireID()
            let targets = try await CityTarget.query(on: services.db).filter(\.$city.$id == id).sort(\.$targetYear).all().map {
                (
                    id: try $0.requireID(), kind: $0.kind, year: $0.targetYear, percent: $0.reductionPercent,
                    wording: $0.originalWording
                )
            }
            let actions = try await MitigationAction.query(on: services.db).filter(\.$city.$id == id).all().map {
                (try $0.requireID(), $0.titleEn)
            }
            return Model(city: city, targets: targets, actions: actions)
        }
    }

    /// A target as a person recognises it: "Base-year target (absolute) 2030 · −40 % — the city's words".
    static func targetLabel(_ target: (id: UUID, kind: String, year: Int, percent: Double?, wording: String), t: Translator)
        -> String
    {
        var label = t("target_kind.\(target.kind)") + " " + String(target.year)
        if let percent = target.percent { label += " · −" + LineColumns.format(percent) + " %" }
        if !target.wording.isEmpty { label += " — " + target.wording }
        return label
    }

    static func render(_ model: Model, csrf: String, chrome: Chrome, refusal: ReviewRefusal? = nil) -> String {
        let t = chrome.t
        let fill = refusal.fill("request")
        return Layout.render(title: t("review.new_request"), chrome: chrome) {
            h1 { t("review.new_request") + " — " + t.pick(model.city.names) }
            form(
                .action(Paths.cityReviews(model.city.slug)), .post, .custom("enctype", "multipart/form-data"), .class("stack")
            ) {
                Forms.csrf(csrf)
                fill.summary(
                    labels: Dictionary(
                        uniqueKeysWithValues: ["kind", "title", "summary", "scope", "sectors", "targets", "actions", "documents"]
                            .map { ($0, t("review.field.\($0)")) }
                            + ReviewRequestService.baselineFields.map { ($0, t("review.field.\($0)")) }), t: t)
                Forms.select(
                    "kind", label: t("review.field.kind"),
                    options: ReviewKind.allCases.map { ($0.rawValue, t("review.kind.\($0.rawValue)")) },
                    selected: fill.value("kind", ReviewKind.planReview.rawValue), errors: fill.errors, t: t, required: true)
                Forms.text(
                    "title", label: t("review.field.title"), value: fill.value("title", ""), errors: fill.errors, t: t,
                    required: true, maxLength: 300)
                Forms.textArea(
                    "summary", label: t("review.field.summary"), value: fill.value("summary", ""), errors: fill.errors, t: t,
                    rows: 4)
                Forms.textArea(
                    "scope", label: t("review.field.scope"), value: fill.value("scope", ""), errors: fill.errors, t: t, rows: 2)
                Forms.checkboxes(
                    "sectors", legend: t("review.field.sectors"), options: GPCSectorCodes.all.map { ($0, "GPC \($0)") },
                    selected: Set(fill.values("sectors", [])), errors: fill.errors, t: t)
                if !model.targets.isEmpty {
                    Forms.checkboxes(
                        "targets", legend: t("review.field.targets"),
                        options: model.targets.map { ($0.id.uuidString, targetLabel($0, t: t)) },
                        selected: Set(fill.values("targets", [])), errors: fill.errors, t: t)
                }
                if !model.actions.isEmpty {
                    Forms.checkboxes(
                        "actions", legend: t("review.field.actions"), options: model.actions.map { ($0.0.uuidString, $0.1) },
                        selected: Set(fill.values("actions", [])), errors: fill.errors, t: t)
                }
                fieldset {
                    legend { t("review.field.documents") }
                    para(.class("hint"), .id("f-documents-hint")) { t("review.documents_hint") }
                    if fill.refusal != nil { para(.class("notice")) { t("review.documents_again") } }
                    for index in 1...ReviewRequestService.maxDocuments {
                        div(.class("field")) {
                            label(.for("f-documents-\(index)")) { t("review.document_n", ["n": String(index)]) }
                            input(
                                .type("file"), .name("documents"), .id("f-documents-\(index)"),
                                .custom("accept", ".pdf,.docx,.xlsx,.pptx"), .aria("describedby", "f-documents-hint"))
                        }
                    }
                }
                fieldset {
                    legend { t("review.baseline") }
                    para(.class("hint")) { t("review.baseline_hint") }
                    for field in ReviewRequestService.baselineFields {
                        Forms.textArea(
                            field, label: t("review.field.\(field)"), value: fill.value(field, ""), errors: fill.errors, t: t,
                            rows: 2)
                    }
                }
                Forms.submit(t("review.send_request"))
            }
        }
    }
}
