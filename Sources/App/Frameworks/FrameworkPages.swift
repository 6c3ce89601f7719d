import CarbonAccounting
import Foundation
import Indicators

extension Translator {
    /// A framework's text in the reader's language, else English.
    func pick(_ text: LocalizedText) -> String { text.resolved(locale.rawValue) }
}

/// The frameworks list and a framework's page: groups, items with how each is obtained and scored,
/// levels with their descriptors, editions, sources and what is not known.
enum FrameworkPages {
    static func list(
        _ frameworks: [FrameworkEntry], canManage: Bool, problems: [ImportProblem] = [], chrome: Chrome
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("frameworks.title"), chrome: chrome) {
            h1 { t("frameworks.title") }
            Components.importProblems(problems, t: t)
            para(.class("lead")) { t("frameworks.lead") }
            table(.class("directory")) {
                thead {
                    tr {
                        th { t("frameworks.name") }
                        th { t("frameworks.edition") }
                        th { t("frameworks.items") }
                        th { t("frameworks.source") }
                    }
                }
                tbody {
                    for entry in frameworks {
                        tr {
                            td { link(.href(Paths.framework(entry.slug))) { t.pick(entry.framework.name) } }
                            td {
                                if let current = entry.current {
                                    current.version
                                } else {
                                    t("frameworks.no_published")
                                }
                            }
                            td(.class("number")) {
                                String(entry.current?.edition.items.count ?? entry.editions.last?.edition.items.count ?? 0)
                            }
                            td { entry.framework.source }
                        }
                    }
                }
            }
            para { link(.href(Paths.benchmarks)) { t("benchmarks.title") } }
            if canManage, let csrf = chrome.csrfToken {
                section {
                    h2 { t("frameworks.import") }
                    para(.class("hint")) { t("frameworks.import_hint") }
                    Components.uploadForm(action: Paths.importFramework, csrf: csrf, t: t)
                }
            }
        }
    }

    static func show(_ entry: FrameworkEntry, edition: EditionEntry, canManage: Bool, chrome: Chrome) -> String {
        let t = chrome.t
        let framework = entry.framework
        let items = edition.edition
        return Layout.render(title: t.pick(framework.name), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.frameworks)) { t("frameworks.title") } }
            h1 { t.pick(framework.name) }
            if !framework.description.isEmpty { para(.class("lead")) { t.pick(framework.description) } }
            dl(.class("facts")) {
                dt { t("frameworks.source") }
                dd { framework.source.isEmpty ? "—" : framework.source }
                dt { t("frameworks.edition") }
                dd {
                    edition.version + " · " + t("edition_state.\(edition.state.rawValue)")
                    if let published = edition.publishedAt { " · " + t.date(published) }
                }
                dt { t("frameworks.minimum_share") }
                dd { t("frameworks.minimum_share_text", ["share": t.number(items.minimumShare * 100, maxFractionDigits: 0)]) }
            }
            if !framework.notKnown.isEmpty {
                section(.class("notice")) {
                    h2 { t("frameworks.not_known") }
                    ul { for text in framework.notKnown { li { t.pick(text) } } }
                }
            }
            para {
                link(.class("button secondary"), .href(Paths.frameworkCSV(entry.slug, edition.version))) {
                    t("frameworks.download")
                }
                " "
                link(.class("button secondary"), .href(Paths.assessmentTemplate(entry.slug, edition.version))) {
                    t("frameworks.assessment_template")
                }
                " "
                link(
                    .class("button secondary"),
                    .href(Paths.benchmark(indicator: "", framework: entry.slug, year: nil, group: nil))
                ) {
                    t("benchmarks.title")
                }
            }
            for group in items.groups {
                section {
                    h2(.id("group-\(group.id)")) {
                        t.pick(group.name)
                        " "
                        ConfidenceBadge.node(group.confidence, t: t)
                    }
                    if !group.description.isEmpty { para { t.pick(group.description) } }
                    table(.class("items")) {
                        thead {
                            tr {
                                th { t("frameworks.item") }
                                th { t("frameworks.kind") }
                                th { t("frameworks.scoring") }
                                th(.class("number")) { t("frameworks.weight") }
                                th { t("frameworks.applies") }
                            }
                        }
                        tbody {
                            for item in items.items(inGroup: group.id) {
                                tr(.id("item-\(item.id.rawValue)")) {
                                    td {
                                        code { item.id.rawValue }
                                        " "
                                        strong { t.pick(item.name) }
                                        " "
                                        ConfidenceBadge.node(item.confidence, t: t)
                                        if !item.description.isEmpty { para(.class("hint")) { t.pick(item.description) } }
                                        if !item.benchmarkReason.isEmpty {
                                            para(.class("hint")) {
                                                t("frameworks.benchmark_reason") + ": " + item.benchmarkReason
                                            }
                                        }
                                        if !item.source.isEmpty {
                                            para(.class("hint")) { t("frameworks.source") + ": " + item.source }
                                        }
                                    }
                                    td { ItemText.kind(item, t: t) }
                                    td { ItemText.scoring(item, t: t) }
                                    td(.class("number")) { t.number(item.weight) }
                                    td { ItemText.applicability(item.applicability, t: t) }
                                }
                            }
                        }
                    }
                }
            }
            section {
                h2 { t("frameworks.editions") }
                table {
                    thead {
                        tr {
                            th { t("frameworks.edition") }
                            th { t("frameworks.state") }
                            th { t("frameworks.follows") }
                            th(.class("number")) { t("frameworks.assessments") }
                            if canManage { th { t("common.actions") } }
                        }
                    }
                    tbody {
                        for other in entry.editions.reversed() {
                            tr {
                                td { link(.href(Paths.frameworkEdition(entry.slug, other.version))) { other.version } }
                                td { t("edition_state.\(other.state.rawValue)") }
                                td { other.edition.previousVersion ?? "—" }
                                td(.class("number")) { String(other.assessments) }
                                if canManage {
                                    td {
                                        if other.state == .draft, let csrf = chrome.csrfToken {
                                            form(
                                                .action(Paths.publishEdition(entry.slug, other.version)), .post, .class("inline")
                                            ) {
                                                Forms.csrf(csrf)
                                                Forms.submit(t("frameworks.publish"), secondary: true)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// How an item reads in a table: its kind, its scoring rule, where it applies.
enum ItemText {
    static func kind(_ item: FrameworkItem, t: Translator) -> String {
        switch item.kind {
        case .quantitative(let spec):
            let obtain: String =
                switch spec.obtain {
                case .computed(let formula): t("frameworks.computed", ["formula": formula.rawValue])
                case .entered(let required): required ? t("frameworks.entered_evidence") : t("frameworks.entered")
                }
            return
                "\(t("frameworks.quantitative")) (\(spec.unit.symbol), \(t("direction.\(spec.direction.rawValue)"))) · \(obtain)"
        case .qualitative(let scale):
            return t("frameworks.qualitative", ["max": String(scale.maxLevel)])
        case .deduction:
            return t("frameworks.deduction")
        }
    }

    static func scoring(_ item: FrameworkItem, t: Translator) -> Node {
        switch item.kind {
        case .quantitative, .deduction:
            return .text(scoringText(item, t: t))
        case .qualitative(let scale):
            return ol(.class("levels"), .custom("start", "0")) {
                for level in 0...scale.maxLevel {
                    li { scale.descriptors[level].map { t.pick($0) } ?? "—" }
                }
            }
        }
    }

    /// The scoring rule as one line (the API; qualitative items: their scale).
    static func scoringText(_ item: FrameworkItem, t: Translator) -> String {
        switch item.kind {
        case .quantitative(let spec):
            switch spec.scoring {
            case .linear(let floor, let benchmark):
                t(
                    "scoring.linear",
                    ["floor": t.number(floor, maxFractionDigits: 4), "benchmark": t.number(benchmark, maxFractionDigits: 4)])
            case .stepped(let steps):
                steps.map { "\(t.number($0.bound, maxFractionDigits: 4)) → \(t.number($0.score))" }.joined(separator: "; ")
            case nil: t("scoring.context")
            }
        case .qualitative(let scale): t("frameworks.qualitative", ["max": String(scale.maxLevel)])
        case .deduction(let floor, _): t("scoring.deduction", ["floor": t.number(floor)])
        }
    }

    static func applicability(_ rule: Applicability, t: Translator) -> String {
        var parts: [String] = []
        if !rule.onlyCityTypes.isEmpty {
            parts.append(t("applies.only_types", ["types": rule.onlyCityTypes.sorted().joined(separator: ", ")]))
        }
        if !rule.exceptCityTypes.isEmpty {
            parts.append(t("applies.except_types", ["types": rule.exceptCityTypes.sorted().joined(separator: ", ")]))
        }
        if !rule.onlyCountries.isEmpty {
            parts.append(t("applies.only_countries", ["countries": rule.onlyCountries.sorted().joined(separator: ", ")]))
        }
        if !rule.exceptCountries.isEmpty {
            parts.append(t("applies.except_countries", ["countries": rule.exceptCountries.sorted().joined(separator: ", ")]))
        }
        for condition in rule.conditions { parts.append(t("applies.when", ["condition": condition.description])) }
        return parts.isEmpty ? t("applies.always") : parts.joined(separator: "; ")
    }
}

/// The source-confidence mark of a framework part: anything but a verified source is flagged.
enum ConfidenceBadge {
    static func node(_ confidence: Confidence, t: Translator) -> Node {
        span(
            .class(confidence == .verifiedSource ? "badge verified" : "badge unverified"),
            .title(t("framework_confidence.\(confidence.rawValue).explain"))
        ) { t("framework_confidence.\(confidence.rawValue)") }
    }
}
