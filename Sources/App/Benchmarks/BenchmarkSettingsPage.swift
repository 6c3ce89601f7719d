import CarbonAccounting
import Foundation
import Indicators

/// The secretariat's settings of benchmarking: peer weights and scales, comparison rules,
/// plausibility thresholds, countries' per-person emissions, and the named peer groups.
enum BenchmarkSettingsPage {
    static let weightFields: [(name: String, key: WritableKeyPath<PeerWeights, Double>)] = [
        ("population", \.population), ("density", \.density), ("gdp_per_person", \.gdpPerPerson), ("climate", \.climate),
        ("service_share", \.serviceShare), ("industry_share", \.industryShare), ("emissions_per_person", \.emissionsPerPerson),
    ]

    static func fields(_ settings: BenchmarkSettings) -> [String: String] {
        var fields: [String: String] = [:]
        for field in weightFields {
            fields["weight_\(field.name)"] = LineColumnsFormat.number(settings.peers[keyPath: field.key])
        }
        fields["year_gap"] = String(settings.rules.maximumYearGap)
        fields["gwp_mismatch"] = settings.rules.gwpMismatch.rawValue
        fields["population_ratio"] = LineColumnsFormat.number(settings.thresholds.populationRatio)
        fields["emissions_ratio"] = LineColumnsFormat.number(settings.thresholds.perPersonEmissionsRatio)
        fields["countries"] = settings.countries.keys.sorted().map { code in
            let figure = settings.countries[code]
            return "\(code) | \(LineColumnsFormat.number(figure?.perPerson ?? 0)) | \(figure?.source ?? "")"
        }.joined(separator: "\n")
        return fields
    }

    /// The settings a form asks for, or the field errors.
    static func validate(_ form: FormData, current: BenchmarkSettings) -> (BenchmarkSettings?, [String: String]) {
        var settings = current
        var errors: [String: String] = [:]
        for field in weightFields {
            guard let value = Double(form["weight_\(field.name)"]), value >= 0, value <= 10 else {
                errors["weight_\(field.name)"] = "benchmarks.settings_weight"
                continue
            }
            settings.peers[keyPath: field.key] = value
        }
        if let gap = Int(form["year_gap"]), (0...10).contains(gap) {
            settings.rules.maximumYearGap = gap
        } else {
            errors["year_gap"] = "validation.choice"
        }
        if let mismatch = ComparisonRules.GWPMismatch(rawValue: form["gwp_mismatch"]) {
            settings.rules.gwpMismatch = mismatch
        } else {
            errors["gwp_mismatch"] = "validation.choice"
        }
        for (name, key) in [
            ("population_ratio", \PlausibilityThresholds.populationRatio), ("emissions_ratio", \.perPersonEmissionsRatio),
        ] {
            if let value = Double(form[name]), value > 1, value <= 100 {
                settings.thresholds[keyPath: key] = value
            } else {
                errors[name] = "benchmarks.settings_ratio"
            }
        }
        var countries: [String: BenchmarkSettings.CountryFigure] = [:]
        for line in form["countries"].split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 3, Validate.isCountryCode(parts[0].uppercased()), let value = Double(parts[1]), value > 0,
                !parts[2].isEmpty
            else {
                errors["countries"] = "benchmarks.settings_country"
                break
            }
            countries[parts[0].uppercased()] = .init(perPerson: value, source: parts[2])
        }
        settings.countries = countries
        return errors.isEmpty ? (settings, [:]) : (nil, errors)
    }

    static func render(
        fields: [String: String], errors: [String: String], groups: [PeerGroup], groupErrors: [String: String],
        chrome: Chrome, csrf: String
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("benchmarks.settings"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.benchmarks)) { t("benchmarks.title") } }
            h1 { t("benchmarks.settings") }
            Forms.errorSummary(errors, order: Array(errors.keys).sorted(), t: t)
            form(.action(Paths.benchmarkSettings), .post, .class("line-form")) {
                Forms.csrf(csrf)
                fieldset {
                    legend { t("benchmarks.settings_weights") }
                    for field in weightFields {
                        Forms.text(
                            "weight_\(field.name)", label: t("peer_feature.\(field.name)"),
                            value: fields["weight_\(field.name)"] ?? "",
                            errors: errors, t: t, type: "number")
                    }
                }
                fieldset {
                    legend { t("benchmarks.rules") }
                    Forms.text(
                        "year_gap", label: t("benchmarks.settings_year_gap"), value: fields["year_gap"] ?? "", errors: errors,
                        t: t, type: "number")
                    Forms.select(
                        "gwp_mismatch", label: t("benchmarks.settings_gwp"),
                        options: [("flag", t("benchmarks.gwp_flag")), ("exclude", t("benchmarks.gwp_exclude"))],
                        selected: fields["gwp_mismatch"] ?? "flag", errors: errors, t: t)
                    Forms.text(
                        "population_ratio", label: t("benchmarks.settings_population_ratio"),
                        value: fields["population_ratio"] ?? "",
                        errors: errors, t: t, type: "number")
                    Forms.text(
                        "emissions_ratio", label: t("benchmarks.settings_emissions_ratio"),
                        value: fields["emissions_ratio"] ?? "",
                        errors: errors, t: t, type: "number")
                    Forms.textArea(
                        "countries", label: t("benchmarks.settings_countries"), value: fields["countries"] ?? "", errors: errors,
                        t: t,
                        hint: t("benchmarks.settings_countries_hint"))
                }
                Forms.submit(t("benchmarks.settings_save"))
            }
            section {
                h2 { t("benchmarks.groups") }
                ul {
                    for group in groups {
                        li {
                            strong { t.pick(group.names) }
                            " (\(group.slug)): " + group.cities.joined(separator: ", ")
                            if !group.source.isEmpty { span(.class("hint")) { " — " + group.source } }
                        }
                    }
                }
                Forms.errorSummary(groupErrors, order: Array(groupErrors.keys).sorted(), t: t)
                form(.action(Paths.peerGroups), .post, .class("line-form")) {
                    Forms.csrf(csrf)
                    Forms.text("slug", label: t("benchmarks.group_slug"), value: "", errors: groupErrors, t: t, required: true)
                    Forms.text("name_en", label: t("benchmarks.group_name"), value: "", errors: groupErrors, t: t, required: true)
                    Forms.textArea(
                        "cities", label: t("benchmarks.group_cities"), value: "", errors: groupErrors, t: t, required: true,
                        hint: t("benchmarks.group_cities_hint"), rows: 3)
                    Forms.text("description", label: t("benchmarks.group_description"), value: "", errors: groupErrors, t: t)
                    Forms.text("source", label: t("frameworks.source"), value: "", errors: groupErrors, t: t)
                    Forms.submit(t("benchmarks.group_save"))
                }
            }
        }
    }
}

/// Numbers in forms as the CSV template writes them (no grouping, full precision).
enum LineColumnsFormat {
    static func number(_ value: Double) -> String { LineColumns.format(value) }
}
