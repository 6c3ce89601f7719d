import CarbonAccounting
import Foundation

enum KnowledgeEditPages {
    static let order =
        ["title_en", "slug", "city", "country", "sector", "gpc_ref", "pathways", "results"] + KnowledgeForm.eventFields

    /// The author's drafts and the reviewers' queue.
    static func drafts(_ model: KnowledgeDraftsModel, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("knowledge.drafts"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledge)) { t("knowledge.title") } }
            h1 { t("knowledge.drafts") }
            ul(.class("inline")) {
                for kind in KnowledgeKind.allCases {
                    li {
                        link(.class("button secondary"), .href(Paths.newKnowledgeRecord(kind))) {
                            t("knowledge.new.\(kind.rawValue)")
                        }
                    }
                }
            }
            section {
                h2 { t("knowledge.mine") }
                itemTable(model.mine, t: t)
            }
            if model.reviewer {
                section {
                    h2 { t("knowledge.review_queue") }
                    itemTable(model.queue, t: t)
                }
            }
        }
    }

    static func itemTable(_ records: [KnowledgeRecord], t: Translator) -> Node {
        guard !records.isEmpty else { return para(.class("empty")) { t("knowledge.none") } }
        return table {
            tbody {
                for record in records {
                    tr {
                        td { link(.href(Paths.knowledgeItem(record.id))) { t.pick(record.titles) } }
                        td { t("knowledge.kind.\(record.kind.rawValue)") }
                        td { span(.class("badge")) { t("knowledge.state.\(record.state.rawValue)") } }
                        td { "v\(record.version)" }
                    }
                }
            }
        }
    }

    /// A record in any state, with what the viewer may do next.
    static func item(_ model: KnowledgeItemModel, csrf: String, chrome: Chrome) -> String {
        let t = chrome.t
        let record = model.record
        let access = model.access
        let id = record.id
        return Layout.render(title: t.pick(record.titles), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledgeDrafts)) { t("knowledge.drafts") } }
            h1 { t.pick(record.titles) }
            para {
                span(.class("badge")) { t("knowledge.state.\(record.state.rawValue)") }
                " v\(record.version) · " + t("knowledge.kind.\(record.kind.rawValue)")
            }
            if record.state == .published {
                para { link(.href(record.url)) { t("knowledge.public_page") } }
            }
            if let summary = Components.translated(record.summaries, t: t) { summary }
            if let body = record.bodies[t.locale.rawValue] ?? record.bodies["en"] ?? record.bodies.values.sorted().first {
                Markdown.render(body)
            }
            if let fileID = record.fileID, let fileName = model.fileName {
                para { link(.href(Paths.storedFile(fileID, fileName))) { fileName } }
            }
            div(.class("actions")) {
                if access.canEdit {
                    link(.class("button secondary"), .href(Paths.editKnowledgeItem(id))) { t("knowledge.edit") }
                }
                if access.canSubmit {
                    form(.action(Paths.submitKnowledgeItem(id)), .post, .class("inline")) {
                        Forms.csrf(csrf)
                        Forms.submit(t("knowledge.submit"))
                    }
                }
                if access.canReview {
                    form(.action(Paths.publishKnowledgeItem(id)), .post, .class("inline")) {
                        Forms.csrf(csrf)
                        Forms.submit(t("knowledge.publish"))
                    }
                    form(.action(Paths.returnKnowledgeItem(id)), .post, .class("inline")) {
                        Forms.csrf(csrf)
                        Forms.text(
                            "comment", label: t("knowledge.return_comment"), value: "", errors: [:], t: t, required: true,
                            maxLength: 1000)
                        Forms.submit(t("knowledge.return"), secondary: true)
                    }
                }
            }
            if access.canEdit {
                section {
                    h2 { t("knowledge.photo") }
                    form(
                        .action(Paths.knowledgeItemPhoto(id)), .post, .custom("enctype", "multipart/form-data"),
                        .class("line-form")
                    ) {
                        Forms.csrf(csrf)
                        div(.class("field")) {
                            label(.for("f-photo")) { t("knowledge.photo_file") }
                            input(.type("file"), .id("f-photo"), .name("file"), .required(), .custom("accept", ".png,.jpg,.jpeg"))
                        }
                        Forms.text(
                            "caption", label: t("knowledge.photo_caption"), value: record.photoCaption ?? "", errors: [:], t: t,
                            maxLength: 500)
                        Forms.text(
                            "credit", label: t("knowledge.photo_credit"), value: record.photoCredit ?? "", errors: [:], t: t,
                            required: true, maxLength: 300)
                        Forms.submit(t("knowledge.upload"))
                    }
                }
            }
            if access.canAttach {
                section {
                    h2 { t("knowledge.file") }
                    para(.class("hint")) { t("knowledge.file_hint", ["mb": String(UploadLimits.publicationBytes / 1024 / 1024)]) }
                    form(.action(Paths.knowledgeItemFile(id)), .post, .custom("enctype", "multipart/form-data")) {
                        Forms.csrf(csrf)
                        input(
                            .type("file"), .id("f-file"), .name("file"), .required(),
                            .custom("accept", ".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg"))
                        Forms.submit(t("knowledge.upload"))
                    }
                }
            }
        }
    }

    static func recordForm(
        kind: KnowledgeKind, editing: UUID?, fields: [String: String], pathways: Set<String>, errors: [String: String],
        csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let title = t(editing == nil ? "knowledge.new.\(kind.rawValue)" : "knowledge.edit")
        let action = editing.map(Paths.editKnowledgeItem) ?? Paths.newKnowledgeRecord(kind)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledgeDrafts)) { t("knowledge.drafts") } }
            h1 { title }
            para(.class("hint")) { t("knowledge.form_lead") }
            if let summary = Forms.errorSummary(errors, order: order, t: t) { summary }
            form(.action(action), .post, .class("line-form")) {
                Forms.csrf(csrf)
                for language in KnowledgeForm.languages {
                    fieldset {
                        legend { ContentLanguage(rawValue: language)?.endonym ?? language }
                        Forms.text(
                            "title_\(language)", label: t("knowledge.field.title"), value: fields["title_\(language)"] ?? "",
                            errors: errors, t: t, maxLength: 300, lang: language)
                        Forms.textArea(
                            "summary_\(language)", label: t("knowledge.field.summary"),
                            value: fields["summary_\(language)"] ?? "",
                            errors: errors, t: t, rows: 2)
                        Forms.textArea(
                            "body_\(language)", label: t("knowledge.field.body"), value: fields["body_\(language)"] ?? "",
                            errors: errors, t: t, hint: t("knowledge.markdown_hint"), rows: 6)
                    }
                }
                Forms.text(
                    "slug", label: t("knowledge.field.slug"), value: fields["slug"] ?? "", errors: errors, t: t,
                    hint: t("knowledge.slug_hint"), maxLength: 100)
                Forms.text(
                    "city", label: t("knowledge.city"), value: fields["city"] ?? "", errors: errors, t: t,
                    hint: t("knowledge.city_hint"), maxLength: 100)
                Forms.text(
                    "country", label: t("registry.country"), value: fields["country"] ?? "", errors: errors, t: t, maxLength: 2)
                Forms.select(
                    "sector", label: t("action_field.sector"),
                    options: ["I", "II", "III", "IV", "V"].map { ($0, t("sector.\($0)")) },
                    selected: fields["sector"] ?? "", errors: errors, t: t, blank: t("registry.any"))
                Forms.text(
                    "gpc_ref", label: t("action_field.gpc_ref"), value: fields["gpc_ref"] ?? "", errors: errors, t: t,
                    maxLength: 20)
                Forms.checkboxes(
                    "pathways", legend: t("city.pathways"), options: Vocabulary.pathways.map { ($0, t("pathway.\($0)")) },
                    selected: pathways, errors: errors, t: t)
                Forms.text(
                    "tags", label: t("knowledge.field.tags"), value: fields["tags"] ?? "", errors: errors, t: t, maxLength: 500)
                Forms.text(
                    "sources", label: t("common.sources"), value: fields["sources"] ?? "", errors: errors, t: t, maxLength: 2000)
                if kind == .event {
                    Forms.select(
                        "event_type", label: t("knowledge.kind"),
                        options: KnowledgeForm.eventTypes.map { ($0, t("event_type.\($0)")) },
                        selected: fields["event_type"] ?? "workshop", errors: errors, t: t, required: true)
                    for name in ["starts_on", "ends_on"] {
                        Forms.text(
                            name, label: t("knowledge.field.\(name)"), value: fields[name] ?? "", errors: errors, t: t,
                            type: "date", required: name == "starts_on", maxLength: 10)
                    }
                    for name in ["start_time", "end_time"] {
                        Forms.text(
                            name, label: t("knowledge.field.\(name)"), value: fields[name] ?? "", errors: errors, t: t,
                            type: "time", maxLength: 5)
                    }
                    Forms.text(
                        "time_zone", label: t("knowledge.field.time_zone"), value: fields["time_zone"] ?? "Asia/Seoul",
                        errors: errors, t: t, required: true, hint: t("knowledge.time_zone_hint"), maxLength: 60)
                    for name in ["place", "organisers", "partners", "participant_organisations", "participant_count"] {
                        Forms.text(
                            name, label: t("knowledge.field.\(name)"), value: fields[name] ?? "", errors: errors, t: t,
                            maxLength: 2000)
                    }
                    for name in ["programme_text", "outcome"] {
                        Forms.textArea(
                            name, label: t("knowledge.field.\(name)"), value: fields[name] ?? "", errors: errors, t: t, rows: 3)
                    }
                }
                if kind == .caseStudy {
                    Forms.textArea(
                        "results", label: t("knowledge.results"), value: fields["results"] ?? "", errors: errors, t: t,
                        hint: t("knowledge.results_hint"), rows: 4)
                    Forms.textArea(
                        "lessons", label: t("knowledge.lessons"), value: fields["lessons"] ?? "", errors: errors, t: t, rows: 3)
                    Forms.text(
                        "contacts", label: t("knowledge.field.contacts"), value: fields["contacts"] ?? "", errors: errors, t: t,
                        maxLength: 1000)
                }
                Forms.submit(t("knowledge.save"))
            }
        }
    }
}
