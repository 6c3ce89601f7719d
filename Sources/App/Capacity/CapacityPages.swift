import Foundation

enum CapacityPages {
    static func choices(_ name: String, options: [String], selected: [String], errors: [String: String], t: Translator) -> Node {
        Forms.checkboxes(
            name, legend: t("capacity.field.\(name)"),
            options: options.map {
                (
                    $0,
                    name == "languages"
                        ? (ContentLanguage(rawValue: $0)?.endonym ?? $0)
                        : t("capacity.\(name == "topics" ? "topic" : "format").\($0)")
                )
            },
            selected: Set(selected), errors: errors, t: t)
    }

    /// Title, description and topics: the start of both forms.
    static func titleAndTopics(fields: [String: String], sets: [String: [String]], errors: [String: String], t: Translator)
        -> Node
    {
        .fragment([
            Forms.text(
                "title", label: t("knowledge.field.title"), value: fields["title"] ?? "", errors: errors, t: t, required: true,
                maxLength: 300),
            Forms.textArea(
                "description", label: t("capacity.field.description"), value: fields["description"] ?? "", errors: errors, t: t,
                rows: 4),
            choices("topics", options: CapacityTaxonomy.topics, selected: sets["topics"] ?? [], errors: errors, t: t),
        ])
    }

    static func index(_ model: CapacityIndexModel, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("capacity.title"), chrome: chrome) {
            h1 { t("capacity.title") }
            para(.class("lead")) { t("capacity.lead") }
            ul(.class("inline")) {
                li { link(.class("button"), .href(Paths.newCapacityRequest)) { t("capacity.new_request") } }
                li { link(.class("button secondary"), .href(Paths.newCapacityOffer)) { t("capacity.new_offer") } }
            }
            section {
                h2 { t("capacity.requests") }
                if model.requests.isEmpty { para(.class("empty")) { t("knowledge.none") } }
                table {
                    tbody {
                        for request in model.requests {
                            tr {
                                td { link(.href(Paths.capacityRequest(request.id))) { request.title } }
                                td { t.pick(request.cityNames) }
                                td { span(.class("badge")) { t("capacity.status.\(request.status.rawValue)") } }
                            }
                        }
                    }
                }
            }
            section {
                h2 { t("capacity.offers") }
                if model.offers.isEmpty { para(.class("empty")) { t("knowledge.none") } }
                ul {
                    for offer in model.offers {
                        li {
                            strong { offer.title }
                            " — " + offer.provider
                            para(.class("hint")) {
                                offer.topics.map { t("capacity.topic.\($0)") }.joined(separator: ", ")
                            }
                        }
                    }
                }
            }
        }
    }

    static func requestForm(
        fields: [String: String], sets: [String: [String]], errors: [String: String], user: CurrentUser, csrf: String,
        chrome: Chrome
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("capacity.new_request"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.capacity)) { t("capacity.title") } }
            h1 { t("capacity.new_request") }
            para(.class("hint")) { t("capacity.request_lead") }
            if let summary = Forms.errorSummary(
                errors, order: CapacityController.requestFields + ["topics", "languages", "formats"], t: t)
            {
                summary
            }
            form(.action(Paths.newCapacityRequest), .post, .class("line-form")) {
                Forms.csrf(csrf)
                if user.isSecretariat {
                    Forms.text(
                        "city", label: t("knowledge.city"), value: fields["city"] ?? "", errors: errors, t: t,
                        hint: t("knowledge.city_hint"), maxLength: 100)
                }
                titleAndTopics(fields: fields, sets: sets, errors: errors, t: t)
                Forms.text(
                    "audience", label: t("capacity.field.audience"), value: fields["audience"] ?? "", errors: errors, t: t,
                    maxLength: 500)
                choices(
                    "languages", options: Vocabulary.contentLanguages, selected: sets["languages"] ?? [], errors: errors, t: t)
                choices("formats", options: CapacityTaxonomy.formats, selected: sets["formats"] ?? [], errors: errors, t: t)
                Forms.text(
                    "timing", label: t("capacity.field.timing"), value: fields["timing"] ?? "", errors: errors, t: t,
                    maxLength: 200)
                Forms.textArea(
                    "baseline", label: t("capacity.field.baseline"), value: fields["baseline"] ?? "", errors: errors, t: t,
                    hint: t("capacity.baseline_hint"), rows: 4)
                Forms.submit(t("capacity.send_request"))
            }
        }
    }

    static func offerForm(
        fields: [String: String], sets: [String: [String]], errors: [String: String], csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("capacity.new_offer"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.capacity)) { t("capacity.title") } }
            h1 { t("capacity.new_offer") }
            if let summary = Forms.errorSummary(
                errors, order: CapacityController.offerFields + ["topics", "languages", "formats"], t: t)
            {
                summary
            }
            form(.action(Paths.newCapacityOffer), .post, .class("line-form")) {
                Forms.csrf(csrf)
                Forms.text(
                    "provider", label: t("capacity.field.provider"), value: fields["provider"] ?? "", errors: errors, t: t,
                    required: true, maxLength: 300)
                titleAndTopics(fields: fields, sets: sets, errors: errors, t: t)
                choices(
                    "languages", options: Vocabulary.contentLanguages, selected: sets["languages"] ?? [], errors: errors, t: t)
                choices("formats", options: CapacityTaxonomy.formats, selected: sets["formats"] ?? [], errors: errors, t: t)
                Forms.text(
                    "regions", label: t("capacity.field.regions"), value: fields["regions"] ?? "", errors: errors, t: t,
                    hint: t("capacity.regions_hint"), maxLength: 200)
                for name in ["available_from", "available_to"] {
                    Forms.text(
                        name, label: t("capacity.field.\(name)"), value: fields[name] ?? "", errors: errors, t: t, type: "date",
                        maxLength: 10)
                }
                Forms.submit(t("capacity.send_offer"))
            }
        }
    }

    static func request(_ record: CapacityRequestModel, csrf: String, chrome: Chrome) -> String {
        let t = chrome.t
        let id = record.id
        return Layout.render(title: record.title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.capacity)) { t("capacity.title") } }
            h1 { record.title }
            para {
                span(.class("badge")) { t("capacity.status.\(record.status.rawValue)") }
                " " + t.pick(record.cityNames)
            }
            if !record.details.isEmpty { para { record.details } }
            dl(.class("facts")) {
                dt { t("capacity.field.topics") }
                dd { record.topics.map { t("capacity.topic.\($0)") }.joined(separator: ", ") }
                dt { t("capacity.field.formats") }
                dd { record.formats.map { t("capacity.format.\($0)") }.joined(separator: ", ") }
                dt { t("capacity.field.languages") }
                dd {
                    record.languages.map { ContentLanguage(rawValue: $0)?.endonym ?? $0 }.joined(separator: ", ")
                }
                for (key, value) in [
                    ("audience", record.audience), ("timing", record.timing), ("baseline", record.baseline),
                    ("outcome", record.outcome), ("feedback", record.feedback),
                ] where !value.isEmpty {
                    dt { t("capacity.field.\(key)") }
                    dd { value }
                }
                if let offer = record.matchedOffer {
                    dt { t("capacity.matched_offer") }
                    dd { offer.title + " — " + offer.provider }
                }
                if let peer = record.matchedPeer {
                    dt { t("capacity.matched_peer") }
                    dd { link(.href(Paths.city(peer.slug))) { t.pick(peer.names) } }
                }
            }
            if record.status == .open {
                section {
                    h2 { t("capacity.suggested_offers") }
                    suggestions(record.offers, field: "offer", id: id, secretariat: record.canConfirm, csrf: csrf, t: t)
                    h2 { t("capacity.suggested_peers") }
                    suggestions(record.peers, field: "peer", id: id, secretariat: record.canConfirm, csrf: csrf, t: t)
                }
            }
            if record.canReport && (record.status == .matched || record.status == .delivered) {
                section {
                    h2 { t("capacity.progress") }
                    form(.action(Paths.capacityRequestStatus(id)), .post, .class("line-form")) {
                        Forms.csrf(csrf)
                        Forms.select(
                            "status", label: t("action_field.status"),
                            options: [CapacityRequestStatus.delivered, .closed].filter { $0 != record.status }.map {
                                ($0.rawValue, t("capacity.status.\($0.rawValue)"))
                            },
                            selected: "", errors: [:], t: t, required: true)
                        Forms.textArea(
                            "outcome", label: t("capacity.field.outcome"), value: record.outcome, errors: [:], t: t, rows: 3)
                        Forms.textArea(
                            "feedback", label: t("capacity.field.feedback"), value: record.feedback, errors: [:], t: t, rows: 3)
                        Forms.submit(t("knowledge.save"))
                    }
                }
            }
        }
    }

    static func suggestions(_ items: [MatchSuggestion], field: String, id: UUID, secretariat: Bool, csrf: String, t: Translator)
        -> Node
    {
        guard !items.isEmpty else { return para(.class("empty")) { t("capacity.no_suggestions") } }
        return ol(.class("suggestions")) {
            for item in items {
                li {
                    strong { item.title }
                    " — " + t("capacity.score", ["score": String(item.score)])
                    ul { for reason in item.reasons { li { t(reason.key, reason.arguments) } } }
                    if secretariat {
                        form(.action(Paths.matchCapacityRequest(id)), .post, .class("inline")) {
                            Forms.csrf(csrf)
                            switch item.target {
                            case .offer(let offer): input(.type("hidden"), .name("offer"), .value(offer.uuidString))
                            case .peer(let city): input(.type("hidden"), .name("peer"), .value(city.uuidString))
                            }
                            Forms.submit(t("capacity.confirm"))
                        }
                    }
                }
            }
        }
    }
}
