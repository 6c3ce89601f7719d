import CarbonAccounting
import Foundation

/// The template page's part on the optional columns: default factors on import, the road vehicle
/// class, measured pollutants and city pollutant factors, and where each sub-category's pollutants
/// come from in the EMEP/EEA Guidebook (`docs/inventory-template.md` says the same).
enum TemplatePollutants {
    static func render(reference: ReferenceData, t: Translator) -> Node {
        section(.id("optional-columns")) {
            h2 { t("pollutants.template_title") }
            para { t("pollutants.template_lead") }
            table(.class("template")) {
                thead {
                    tr {
                        th { t("template.column") }
                        th { t("template.meaning") }
                    }
                }
                tbody {
                    for column in ["ef_id", "vehicle"] {
                        tr {
                            td { code { column } }
                            td { t("pollutants.column_help.\(column)") }
                        }
                    }
                    tr {
                        td { code { AirPollutant.allCases.map { "\($0.key)_t" }.joined(separator: " ") } }
                        td { t("pollutants.column_help.measured") }
                    }
                    tr {
                        td { code { AirPollutant.allCases.map { "ef_\($0.key)" }.joined(separator: " ") } }
                        td { t("pollutants.column_help.factors") }
                    }
                    for column in ["ef_air_unit", "ef_air_source", "ef_air_reason"] {
                        tr {
                            td { code { column } }
                            td { t("pollutants.column_help.\(column)") }
                        }
                    }
                }
            }
            ul {
                li { t("pollutants.rule_defaults") }
                li { t("pollutants.rule_boundary") }
                li { t("pollutants.rule_override") }
                li { t("pollutants.rule_edition") }
            }
            h3 { t("pollutants.mapping_title") }
            table(.class("template")) {
                thead {
                    tr {
                        th { "gpc_ref" }
                        th { t("inventory.subcategory") }
                        th { t("pollutants.source_category") }
                    }
                }
                tbody {
                    for ref in AirPollutantSources.mappedRefs {
                        tr {
                            td { code { ref } }
                            td { reference.tree[ref].map { "\($0.subsectorName) — \($0.name)" } ?? "" }
                            td { AirPollutantSources.category(of: ref) ?? "—" }
                        }
                    }
                }
            }
            para(.class("hint")) { t("pollutants.mapping_rest") }
        }
    }
}
