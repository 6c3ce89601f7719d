import Foundation

extension Paths {
    static let inventories = "/inventories"
    static let inventoryTemplate = "/inventories/template"
    static let inventoryTemplateCSV = "/inventories/template.csv"
    static let emissionFactors = "/emission-factors"
    static func cityInventories(_ slug: String) -> String { "/cities/\(slug)/inventories" }
    static func cityFactors(_ slug: String) -> String { "/cities/\(slug)/emission-factors" }
    static func deleteCityFactor(_ slug: String, _ id: String) -> String { "/cities/\(slug)/emission-factors/\(id)/delete" }
    static func newInventory(_ slug: String) -> String { "/cities/\(slug)/inventories/new" }
    /// A community inventory at `/cities/{slug}/inventories/{year}` (its URL from before kinds
    /// existed); a government-operations one at `…/{year}/government`. Every page of an inventory
    /// is below that address.
    static func inventory(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "/cities/\(slug)/inventories/\(year)\(kind.pathSuffix)"
    }
    static func inventoryLines(
        _ slug: String, _ year: Int, kind: InventoryKind = .community, ref: String? = nil, sector: String? = nil,
        scope: Int? = nil
    ) -> String {
        with(
            "\(inventory(slug, year, kind: kind))/lines",
            query: [("ref", ref ?? ""), ("sector", sector ?? ""), ("scope", scope.map(String.init) ?? "")])
    }
    static func inventorySector(_ slug: String, _ year: Int, _ sector: String, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/sectors/\(sector)"
    }
    static func newInventoryLine(_ slug: String, _ year: Int, kind: InventoryKind = .community, ref: String) -> String {
        with("\(inventory(slug, year, kind: kind))/lines/new", query: [("ref", ref)])
    }
    static func createInventoryLine(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/lines/new"
    }
    static func inventoryLine(_ slug: String, _ year: Int, _ row: UUID, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/lines/\(row.uuidString)"
    }
    static func deleteInventoryLine(_ slug: String, _ year: Int, _ row: UUID, kind: InventoryKind = .community) -> String {
        "\(inventoryLine(slug, year, row, kind: kind))/delete"
    }
    static func inventoryImport(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/import"
    }
    static func inventorySettings(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/settings"
    }
    static func inventoryState(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/state"
    }
    static func inventoryVerifier(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/verifier"
    }
    /// `export.csv` (the template) or `export.json` (with totals and pollutants).
    static func inventoryExport(_ slug: String, _ year: Int, _ format: String, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/export.\(format)"
    }
    /// The GCoM CRF workbook with the air-pollutant annex.
    static func inventoryECRF(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/ecrf.xlsx"
    }
    /// The CDP-ICLEI Track summary, `csv` or `xlsx`.
    static func inventoryCDP(_ slug: String, _ year: Int, _ format: String, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/cdp.\(format)"
    }
    static func inventoryReportingTable(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/reporting-table.csv"
    }
    static func inventoryVersions(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/versions"
    }
    /// Where the compare form sends its `from` and `to`.
    static func compareInventoryVersionsForm(_ slug: String, _ year: Int, kind: InventoryKind = .community) -> String {
        "\(inventory(slug, year, kind: kind))/versions/compare"
    }
    static func compareInventoryVersions(
        _ slug: String, _ year: Int, kind: InventoryKind = .community, from: Int, to: Int
    ) -> String {
        with(compareInventoryVersionsForm(slug, year, kind: kind), query: [("from", String(from)), ("to", String(to))])
    }
    static func restoreInventoryVersion(_ slug: String, _ year: Int, _ number: Int, kind: InventoryKind = .community)
        -> String
    {
        "\(inventory(slug, year, kind: kind))/versions/\(number)/restore"
    }
}

extension InventoryKind {
    /// The URL segment after the year (`/cities/{slug}/inventories/{year}/government`); a
    /// community inventory has none, so its URLs are those from before kinds existed.
    var pathSuffix: String {
        switch self {
        case .community: ""
        case .government: "/government"
        }
    }
}

extension InventorySummary {
    /// The address of this inventory's pages.
    var path: String { Paths.inventory(citySlug, year, kind: kind) }
}

extension Inventory {
    /// The address of this inventory's pages (the city is its parent, loaded by the caller).
    func path(_ city: City) -> String { Paths.inventory(city.slug, year, kind: kind) }
}
