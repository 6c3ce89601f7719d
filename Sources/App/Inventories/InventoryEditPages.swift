import CarbonAccounting
import Foundation

/// The line form's values and errors, by template column (plus `factor`, the library pick).
struct LineFormModel: Sendable {
    var fields: [String: String]
    var errors: [String: String]
    var rowID: UUID?
}

enum InventoryEditPages {
    static let unitChoices = ActivityUnit.all.map(\.symbol)

    static func sector(
        _ computed: ComputedInventory, sector: Sector, airDetails: [UUID: [AirPollutantDetail]], csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let inventory = computed.inventory
        let cityName = t.pick(inventory.cityNames)
        let title = "\(sector.rawValue) \(t("sector.\(sector.rawValue)")) — \(cityName) \(inventory.year)"
        let rows = LineRow.all(computed)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventory(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    InventoryComponents.title(inventory, t: t)
                }
            }
            h1 { title }
            nav(.class("sectors"), .aria("label", t("inventory.edit_by_sector"))) {
                for other in Sector.allCases {
                    link(
                        .class(other == sector ? "button" : "button neutral"),
                        .href(Paths.inventorySector(inventory.citySlug, inventory.year, other.rawValue, kind: inventory.kind)),
                        .when(other == sector, .aria("current", "page"))
                    ) { "\(other.rawValue) \(t("sector.\(other.rawValue)"))" }
                    " "
                }
            }
            InventoryComponents.conventions(inventory.gwpSet, t: t)
            for sub in computed.report.tree.subCategories(in: sector) {
                section(.class("subcategory"), .id("sub-\(sub.ref)")) {
                    h2 {
                        "\(sub.ref) \(sub.subsectorName) — \(sub.name) "
                        small {
                            t("scope.\(sub.scope.rawValue)")
                                + (inventory.level.requires(sub) ? "" : " · " + t("inventory.not_required"))
                        }
                    }
                    let lines = rows.filter { $0.stored.line.gpcRef == sub.ref }
                    if lines.isEmpty {
                        para(.class("empty")) { t("inventory.cell_empty") }
                    } else {
                        LinesPage.table(
                            t: t, rows: lines, inventory: inventory, canEdit: true, tree: computed.report.tree,
                            airDetails: airDetails)
                    }
                    para {
                        link(
                            .class("button neutral"),
                            .href(Paths.newInventoryLine(inventory.citySlug, inventory.year, kind: inventory.kind, ref: sub.ref))
                        ) {
                            t("line.add")
                        }
                    }
                }
            }
        }
    }

    static func lineForm(
        _ model: LineFormModel, inventory: InventorySummary, factors: [EmissionFactor], scope2: Bool = true, csrf: String,
        chrome: Chrome
    ) -> String {
        let t = chrome.t
        let ref = model.fields["gpc_ref"] ?? ""
        let title = model.rowID == nil ? t("line.new_title", ["ref": ref]) : t("line.edit_title", ["ref": ref])
        let errors = model.errors
        func value(_ name: String) -> String { model.fields[name] ?? "" }
        func field(_ name: String, hint: String? = nil, type: String = "text") -> Node {
            Forms.text(
                name, label: t("column.\(name)"), value: value(name), errors: errors, t: t, type: "text", hint: hint,
                maxLength: 2000)
        }
        let action =
            model.rowID.map { Paths.inventoryLine(inventory.citySlug, inventory.year, $0, kind: inventory.kind) }
            ?? Paths.createInventoryLine(inventory.citySlug, inventory.year, kind: inventory.kind)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventory(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    InventoryComponents.title(inventory, t: t)
                }
                if let sector = ref.split(separator: ".").first {
                    " › "
                    link(.href(Paths.inventorySector(inventory.citySlug, inventory.year, String(sector), kind: inventory.kind))) {
                        "\(sector) \(t("sector.\(sector)"))"
                    }
                }
            }
            h1 { title }
            para(.class("lead")) { t("line.form_lead") }
            if let summary = Forms.errorSummary(errors, order: LineColumns.all + LineColumns.optional, t: t) { summary }
            form(.action(action), .post, .class("line-form")) {
                Forms.csrf(csrf)
                Forms.text("gpc_ref", label: t("column.gpc_ref"), value: ref, errors: errors, t: t, required: true, maxLength: 10)
                field("description")
                fieldset {
                    legend { t("line.notation") }
                    Forms.select(
                        "notation_key", label: t("column.notation_key"),
                        options: NotationKey.allCases.map { ($0.rawValue, "\($0.rawValue) — \(t("notation.\($0.rawValue)"))") },
                        selected: value("notation_key"), errors: errors, t: t, blank: t("line.no_key"))
                    field("explanation", hint: t("line.explanation_hint"))
                }
                fieldset {
                    legend { t("line.activity") }
                    field("activity_value")
                    Forms.select(
                        "activity_unit", label: t("column.activity_unit"), options: unitChoices.map { ($0, $0) },
                        selected: value("activity_unit"), errors: errors, t: t, blank: "—")
                    field("fuel", hint: t("line.fuel_hint"))
                }
                fieldset {
                    legend { t("line.factors") }
                    Forms.select(
                        "factor", label: t("line.factor_picker"),
                        options: factors.map { factor in
                            let values = [("CO2", factor.co2), ("CH4", factor.ch4), ("N2O", factor.n2o)].compactMap { gas, v in
                                v.map { "\(gas) \(LineColumns.format($0))" }
                            }.joined(separator: ", ")
                            return (
                                factor.id, "\(values) \(factor.unit) — \(factor.name) — \(factor.citation) [\(factor.confidence)]"
                            )
                        }, selected: value("factor"), errors: errors, t: t, blank: t("line.factor_none"),
                        hint: t("line.factor_hint"))
                    field("ef_co2")
                    field("ef_ch4")
                    field("ef_n2o")
                    field("ef_unit", hint: t("line.ef_unit_hint"))
                    field("ef_id", hint: t("pollutants.ef_id_hint"))
                }
                fieldset {
                    legend { t("line.measured") }
                    field("co2_t")
                    field("ch4_t")
                    field("n2o_t")
                    field("gas", hint: t("line.gas_hint"))
                    field("gas_t")
                    field("biogenic_co2_t")
                }
                fieldset {
                    legend { t("line.method") }
                    Forms.select(
                        "method", label: t("column.method"),
                        options: WasteMethod.allCases.map { ($0.rawValue, t("method.\($0.rawValue)")) },
                        selected: value("method"), errors: errors, t: t, blank: t("line.no_method"))
                    field("parameters", hint: t("line.parameters_hint"))
                }
                LinePollutantFields.render(model, t: t)
                // Only scope-2 cells have a market-based memo; elsewhere the choice would be an error.
                if scope2 || !value("scope2_method").isEmpty && value("scope2_method") != "location" {
                    Forms.select(
                        "scope2_method", label: t("column.scope2_method"),
                        options: [("location", t("scope2.location")), ("market", t("scope2.market"))],
                        selected: value("scope2_method").isEmpty ? "location" : value("scope2_method"), errors: errors, t: t)
                }
                Forms.select(
                    "data_quality", label: t("column.data_quality"),
                    options: DataQuality.allCases.map { ($0.rawValue, t("quality.\($0.rawValue)")) },
                    selected: value("data_quality"),
                    errors: errors, t: t, blank: "—")
                field("source")
                Forms.textArea("comment", label: t("column.comment"), value: value("comment"), errors: errors, t: t, rows: 3)
                field("line_id", hint: t("line.line_id_hint"))
                Forms.submit(t("common.save"))
            }
            if let rowID = model.rowID {
                form(
                    .action(Paths.deleteInventoryLine(inventory.citySlug, inventory.year, rowID, kind: inventory.kind)), .post,
                    .class("danger")
                ) {
                    Forms.csrf(csrf)
                    Forms.submit(t("line.delete"), secondary: true)
                }
            }
            para { link(.href(Paths.inventoryTemplate)) { t("template.link") } }
        }
    }

    static func importPage(
        _ inventory: InventorySummary, problems: [ImportProblem], csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(inventory.cityNames)
        let title = t("import.title", ["city": cityName, "year": String(inventory.year)])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventory(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    InventoryComponents.title(inventory, t: t)
                }
            }
            h1 { title }
            para(.class("lead")) { t("import.lead") }
            para { link(.href(Paths.inventoryTemplate)) { t("template.link") } }
            if let summary = Components.importProblems(problems, t: t) { summary }
            Components.uploadForm(
                action: Paths.inventoryImport(inventory.citySlug, inventory.year, kind: inventory.kind), csrf: csrf, t: t)
        }
    }
    static func newInventory(
        city: CityEntry, fields: [String: String], errors: [String: String], csrf: String, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(city.names)
        let title = t("inventory.new_title", ["city": cityName])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.cityInventories(city.slug))) { t("inventories.title") } }
            h1 { title }
            if let summary = Forms.errorSummary(errors, order: InventorySettingsForm.createFields, t: t) { summary }
            form(.action(Paths.newInventory(city.slug)), .post) {
                Forms.csrf(csrf)
                settingsFields(fields, errors: errors, t: t, withYear: true)
                Forms.submit(t("inventory.create"))
            }
        }
    }

    static func settingsFields(_ fields: [String: String], errors: [String: String], t: Translator, withYear: Bool) -> Node {
        .fragment(
            build {
                if withYear {
                    Forms.text(
                        "year", label: t("inventory.year"), value: fields["year"] ?? "", errors: errors, t: t, type: "number",
                        required: true, maxLength: 4)
                    Forms.select(
                        "kind", label: t("pollutants.kind"),
                        options: InventoryKind.allCases.map { ($0.rawValue, t("pollutants.kind.\($0.rawValue)")) },
                        selected: fields["kind"] ?? InventoryKind.community.rawValue, errors: errors, t: t,
                        hint: t("pollutants.kind_hint"))
                }
                Forms.select(
                    "level", label: t("inventory.level"), options: ReportingLevel.allCases.map { ($0.rawValue, $0.rawValue) },
                    selected: fields["level"] ?? "BASIC", errors: errors, t: t, hint: t("inventory.level_hint"))
                Forms.select(
                    "gwp_set", label: t("inventory.gwp_set"),
                    options: GWPSet.allCases.map { ($0.rawValue, t("gwp.short.\($0.rawValue)")) },
                    selected: fields["gwp_set"] ?? "AR5", errors: errors, t: t)
                Forms.select(
                    "air_edition", label: t("pollutants.edition"),
                    options: AirPollutantEdition.allCases.map { ($0.rawValue, t("pollutants.edition.\($0.rawValue)")) },
                    selected: fields["air_edition"] ?? "", errors: errors, t: t,
                    blank: withYear ? t("pollutants.edition_by_year") : nil, hint: t("pollutants.edition_hint"))
                Forms.textArea(
                    "boundary", label: t("inventory.boundary"), value: fields["boundary"] ?? "", errors: errors, t: t,
                    hint: t("inventory.boundary_hint"), rows: 3)
            })
    }

    static func settingsForm(_ inventory: InventorySummary, csrf: String, t: Translator) -> Node {
        details {
            summary { t("inventory.settings") }
            form(.action(Paths.inventorySettings(inventory.citySlug, inventory.year, kind: inventory.kind)), .post) {
                Forms.csrf(csrf)
                settingsFields(
                    [
                        "level": inventory.level.rawValue, "gwp_set": inventory.gwpSet.rawValue,
                        "air_edition": inventory.airEdition.rawValue, "boundary": inventory.boundary,
                    ], errors: [:], t: t, withYear: false)
                InventoryComponents.neutralSubmit(t("common.save"))
            }
        }
    }
}
