import CarbonAccounting
import Foundation

/// `/targets/template`: the targets CSV template, column by column, with the kinds and rules.
enum TargetTemplatePage {
    static func render(chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("targets.template_title"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.registry)) { t("registry.title") } }
            h1 { t("targets.template_title") }
            para(.class("lead")) { t("targets.template_lead") }
            para { link(.class("button"), .href(Paths.targetTemplateCSV)) { t("targets.template") } }
            table(.class("template-columns")) {
                thead {
                    tr {
                        th { t("template.column") }
                        th { t("template.meaning") }
                    }
                }
                tbody {
                    for column in TargetCSV.columns {
                        tr {
                            td { code { column } }
                            td { t("target_column.\(column)") }
                        }
                    }
                }
            }
            h2 { t("targets.template_kinds") }
            table(.class("template-columns")) {
                tbody {
                    for kind in TargetKind.allCases {
                        tr {
                            td { code { kind.rawValue } }
                            td { t("target_kind.\(kind.rawValue)") }
                        }
                    }
                }
            }
        }
    }
}
