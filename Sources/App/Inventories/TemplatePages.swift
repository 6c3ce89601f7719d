import CarbonAccounting
import Foundation

/// The published template and the factor library: what a city needs to prepare an import.
enum TemplatePages {
    /// Example rows of the downloadable template: one of each kind of line.
    static let exampleCSV: String = {
        var text = CSV.row(LineColumns.all)
        let rows: [[String: String]] = [
            [
                "line_id": "res-gas", "gpc_ref": "I.1.1", "description": "Residential natural gas", "activity_value": "1000",
                "activity_unit": "TJ", "fuel": "Natural Gas", "ef_co2": "56100", "ef_ch4": "5", "ef_n2o": "0.1",
                "ef_unit": "kg/TJ",
                "data_quality": "H", "source": "Gas utility sales 2021; IPCC 2006 Vol.2 Table 2.5",
            ],
            [
                "line_id": "com-elec", "gpc_ref": "I.2.2", "description": "Commercial electricity", "activity_value": "250000",
                "activity_unit": "MWh", "ef_co2": "0.5992", "ef_unit": "t/MWh", "data_quality": "H",
                "source": "Grid company; MEE 2021 East China grid factor",
            ],
            [
                "line_id": "plant-stack", "gpc_ref": "I.3.1", "description": "Steel plant, measured", "co2_t": "120000",
                "ch4_t": "3", "n2o_t": "1.2", "data_quality": "H", "source": "Plant monitoring report",
            ],
            [
                "line_id": "landfill", "gpc_ref": "III.1.1", "description": "Municipal landfill", "activity_value": "100000",
                "activity_unit": "t", "method": "methane_commitment", "parameters": "mcf=1.0;food=0.5;paper=0.2;ox=0.1",
                "data_quality": "M", "source": "Waste agency tonnage; GPC Eq. 8.3",
            ],
            [
                "line_id": "coal-mining", "gpc_ref": "I.7.1", "notation_key": "NO", "explanation": "No coal mining in the city",
            ],
            [
                "line_id": "offices-fuel", "gpc_ref": "I.2.1", "notation_key": "IE",
                "explanation": "Included in I.1.1: the gas utility does not split homes and offices",
            ],
        ]
        for row in rows { text += CSV.row(LineColumns.all.map { row[$0] ?? "" }) }
        return text
    }()

    static func template(reference: ReferenceData, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("template.title"), chrome: chrome) {
            h1 { t("template.title") }
            para(.class("lead")) { t("template.lead") }
            para { link(.class("button"), .href(Paths.inventoryTemplateCSV)) { t("template.download") } }
            section {
                h2 { t("template.columns") }
                table(.class("template")) {
                    thead {
                        tr {
                            th { t("template.column") }
                            th { t("template.meaning") }
                        }
                    }
                    tbody {
                        for column in LineColumns.all {
                            tr {
                                td { code { column } }
                                td { t("column_help.\(column)") }
                            }
                        }
                    }
                }
            }
            TemplatePollutants.render(reference: reference, t: t)
            section {
                h2 { t("template.rules") }
                ul {
                    li { t("template.rule_one_of") }
                    li { t("template.rule_missing") }
                    li { t("template.rule_all_or_nothing") }
                    li { t("template.rule_units", ["units": ActivityUnit.all.map(\.symbol).joined(separator: ", ")]) }
                    li { t("template.rule_biomass") }
                }
            }
            section {
                h2 { t("template.methods") }
                dl {
                    for method in WasteMethod.allCases {
                        dt { code { method.rawValue } }
                        dd { t("method_help.\(method.rawValue)") }
                    }
                }
            }
            section {
                h2 { t("template.gpc") }
                table(.class("gpc-tree")) {
                    thead {
                        tr {
                            th { "gpc_ref" }
                            th { t("inventory.subcategory") }
                            th { t("inventory.scope") }
                            th { "BASIC" }
                            th { "BASIC+" }
                        }
                    }
                    tbody {
                        for sub in reference.tree.subCategories {
                            tr {
                                td { code { sub.ref } }
                                td { "\(sub.subsectorName) — \(sub.name)" }
                                td { String(sub.scope.rawValue) }
                                td { sub.inBasic ? "✓" : (sub.territorialOnly ? t("total.territorial") : "—") }
                                td { sub.inBasicPlus ? "✓" : "—" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func factors(_ factors: [EmissionFactor], kind: EmissionFactor.Kind?, query: String, chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("factors.title"), chrome: chrome) {
            h1 { t("factors.title") }
            para(.class("lead")) { t("factors.lead") }
            form(.action(Paths.emissionFactors), .custom("method", "get"), .class("filters")) {
                Forms.text("q", label: t("factors.search"), value: query, errors: [:], t: t, maxLength: 100)
                Forms.select(
                    "kind", label: t("factors.kind"),
                    options: EmissionFactor.Kind.allCases.filter { $0 != .custom }.map {
                        ($0.rawValue, t("factor_kind.\($0.rawValue)"))
                    },
                    selected: kind?.rawValue ?? "", errors: [:], t: t, blank: t("filter.all"))
                InventoryComponents.neutralSubmit(t("filter.apply"))
            }
            para(.class("count")) { t("list.count", ["count": String(factors.count)]) }
            factorTable(factors, t: t, deleteFor: nil)
        }
    }

    /// The factors with their values, units, GPC cells, provenance and confidence; with `deleteFor`
    /// (city slug, form token) each row gets a delete button (a city's own factors).
    static func factorTable(_ factors: [EmissionFactor], t: Translator, deleteFor: (slug: String, csrf: String)?) -> Node {
        div(.class("table-scroll")) {
            table(.class("factors")) {
                thead {
                    tr {
                        th { t("factors.name") }
                        th(.class("num")) { "CO2" }
                        th(.class("num")) { "CH4" }
                        th(.class("num")) { "N2O" }
                        th { t("column.ef_unit") }
                        th { "GPC" }
                        th { t("fact.source") }
                        th { t("fact.confidence") }
                    }
                }
                tbody {
                    for factor in factors {
                        tr(.id(factor.id)) {
                            td {
                                factor.name
                                br()
                                small { code { factor.id } }
                            }
                            td(.class("num")) { factor.co2.map(LineColumns.format) ?? "—" }
                            td(.class("num")) { factor.ch4.map(LineColumns.format) ?? "—" }
                            td(.class("num")) { factor.n2o.map(LineColumns.format) ?? "—" }
                            td { factor.unit.description }
                            td { factor.gpcRefs.joined(separator: " ") }
                            td {
                                small {
                                    [factor.publisher, factor.document, factor.table, factor.year, factor.region].filter {
                                        !$0.isEmpty
                                    }.joined(separator: " · ")
                                }
                            }
                            td {
                                span(
                                    .class(
                                        factor.confidence.uppercased().hasPrefix("REPORTED")
                                            || factor.confidence.lowercased().hasPrefix("high")
                                            ? "badge verified" : "badge unverified")
                                ) {
                                    factor.confidence
                                }
                            }
                            if let deleteFor, factor.kind == .custom {
                                td {
                                    form(
                                        .action(
                                            Paths.deleteCityFactor(deleteFor.slug, String(factor.id.dropFirst("custom-".count)))),
                                        .post
                                    ) {
                                        Forms.csrf(deleteFor.csrf)
                                        Forms.submit(t("common.delete"), secondary: true)
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
