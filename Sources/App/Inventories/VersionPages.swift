import CarbonAccounting
import Foundation

/// What changed between two versions: settings, totals, and lines added, removed or changed.
struct VersionComparison: Sendable {
    struct Change: Sendable {
        let key: String
        let before: [String: String]?
        let after: [String: String]?
    }

    let from: InventoryVersion
    let to: InventoryVersion
    let changes: [Change]

    /// Lines are matched by `line_id` when they have one, else by position among the lines of their sub-category.
    static func diff(from: [Line], to: [Line]) -> [Change] {
        func keyed(_ lines: [Line]) -> [(String, [String: String])] {
            var counters: [String: Int] = [:]
            return lines.map { line in
                if !line.id.isEmpty { return ("id:\(line.id)", LineColumns.fields(of: line)) }
                let index = counters[line.gpcRef, default: 0]
                counters[line.gpcRef] = index + 1
                return ("\(line.gpcRef)#\(index + 1)", LineColumns.fields(of: line))
            }
        }
        let before = keyed(from)
        let after = keyed(to)
        let beforeByKey = Dictionary(before, uniquingKeysWith: { first, _ in first })
        let afterByKey = Dictionary(after, uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        for (key, fields) in before {
            if let other = afterByKey[key] {
                if other != fields { changes.append(Change(key: key, before: fields, after: other)) }
            } else {
                changes.append(Change(key: key, before: fields, after: nil))
            }
        }
        for (key, fields) in after where beforeByKey[key] == nil { changes.append(Change(key: key, before: nil, after: fields)) }
        return changes
    }
}

enum VersionPages {
    static func list(
        _ inventory: InventorySummary, versions: [InventoryVersion], canRestore: Bool, csrf: String?, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(inventory.cityNames)
        let title = t("versions.title", ["city": cityName, "year": String(inventory.year)])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventory(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    InventoryComponents.title(inventory, t: t)
                }
            }
            h1 { title }
            if versions.count > 1 {
                form(
                    .action(Paths.compareInventoryVersionsForm(inventory.citySlug, inventory.year, kind: inventory.kind)),
                    .custom("method", "get"),
                    .class("compare")
                ) {
                    Forms.select(
                        "from", label: t("versions.from"), options: versions.map { (String($0.number), String($0.number)) },
                        selected: String(versions[1].number), errors: [:], t: t)
                    Forms.select(
                        "to", label: t("versions.to"), options: versions.map { (String($0.number), String($0.number)) },
                        selected: String(versions[0].number), errors: [:], t: t)
                    InventoryComponents.neutralSubmit(t("versions.compare"))
                }
            }
            div(.class("table-scroll")) {
                table(.class("versions")) {
                    thead {
                        tr {
                            th { t("versions.number") }
                            th { t("versions.when") }
                            th { t("versions.who") }
                            th { t("versions.what") }
                            th { t("inventory.level") + " / GWP" }
                            th(.class("num")) { t("versions.lines") }
                            th(.class("num")) { "BASIC" }
                            th(.class("num")) { "BASIC+" }
                            if canRestore { th { t("common.actions") } }
                        }
                    }
                    tbody {
                        for version in versions {
                            tr {
                                td { String(version.number) }
                                td { version.createdAt.formatted(.iso8601) }
                                td { version.authorLabel }
                                td { version.summary }
                                td { "\(version.level) / \(version.gwpSet)" }
                                td(.class("num")) { String(version.lineCount) }
                                td(.class("num")) { InventoryComponents.number(version.totalBasic, t: t) }
                                td(.class("num")) { InventoryComponents.number(version.totalBasicPlus, t: t) }
                                if canRestore, let csrf {
                                    td {
                                        if version.number != inventory.version {
                                            form(
                                                .action(
                                                    Paths.restoreInventoryVersion(
                                                        inventory.citySlug, inventory.year, version.number, kind: inventory.kind)),
                                                .post
                                            ) {
                                                Forms.csrf(csrf)
                                                InventoryComponents.neutralSubmit(t("versions.restore"))
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

    static func compare(_ inventory: InventorySummary, comparison: VersionComparison, chrome: Chrome) -> String {
        let t = chrome.t
        let cityName = t.pick(inventory.cityNames)
        let title = t("versions.compare_title", ["from": String(comparison.from.number), "to": String(comparison.to.number)])
        let columns = LineColumns.all
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventoryVersions(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    t("versions.title", ["city": cityName, "year": String(inventory.year)])
                }
            }
            h1 { title }
            table(.class("totals-diff")) {
                thead {
                    tr {
                        th { "" }
                        th(.class("num")) { "v\(comparison.from.number)" }
                        th(.class("num")) { "v\(comparison.to.number)" }
                        th(.class("num")) { t("versions.difference") }
                    }
                }
                tbody {
                    for (label, a, b) in [
                        (t("total.territorial"), comparison.from.totalTerritorial, comparison.to.totalTerritorial),
                        ("BASIC", comparison.from.totalBasic, comparison.to.totalBasic),
                        ("BASIC+", comparison.from.totalBasicPlus, comparison.to.totalBasicPlus),
                    ] {
                        tr {
                            th(.custom("scope", "row")) { label }
                            td(.class("num")) { InventoryComponents.number(a, t: t) }
                            td(.class("num")) { InventoryComponents.number(b, t: t) }
                            td(.class("num")) {
                                if let a, let b { t.number(b - a, maxFractionDigits: 0) } else { "—" }
                            }
                        }
                    }
                    tr {
                        th(.custom("scope", "row")) { t("inventory.level") + " / GWP" }
                        td { "\(comparison.from.level) / \(comparison.from.gwpSet)" }
                        td { "\(comparison.to.level) / \(comparison.to.gwpSet)" }
                        td { "" }
                    }
                }
            }
            h2 { t("versions.changed_lines", ["count": String(comparison.changes.count)]) }
            if comparison.changes.isEmpty { para(.class("empty")) { t("versions.no_changes") } }
            for change in comparison.changes {
                section(.class("change")) {
                    h3 {
                        change.key + " — "
                        change.before == nil
                            ? t("versions.added") : change.after == nil ? t("versions.removed") : t("versions.changed")
                    }
                    table(.class("line-diff")) {
                        tbody {
                            for column in columns
                            where (change.before?[column] ?? "") != (change.after?[column] ?? "")
                                || column == "gpc_ref"
                            {
                                tr {
                                    th(.custom("scope", "row")) { column }
                                    td(.class("before")) { change.before?[column] ?? "" }
                                    td(.class("after")) { change.after?[column] ?? "" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
