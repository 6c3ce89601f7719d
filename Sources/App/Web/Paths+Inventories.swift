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
    static func inventory(_ slug: String, _ year: Int) -> String { "/cities/\(slug)/inventories/\(year)" }
    static func inventoryLines(_ slug: String, _ year: Int, ref: String? = nil, sector: String? = nil, scope: Int? = nil)
        -> String
    {
        with(
            "\(inventory(slug, year))/lines",
            query: [("ref", ref ?? ""), ("sector", sector ?? ""), ("scope", scope.map(String.init) ?? "")])
    }
    static func inventorySector(_ slug: String, _ year: Int, _ sector: String) -> String {
        "\(inventory(slug, year))/sectors/\(sector)"
    }
    static func newInventoryLine(_ slug: String, _ year: Int, ref: String) -> String {
        with("\(inventory(slug, year))/lines/new", query: [("ref", ref)])
    }
    static func createInventoryLine(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/lines/new" }
    static func inventoryLine(_ slug: String, _ year: Int, _ row: UUID) -> String {
        "\(inventory(slug, year))/lines/\(row.uuidString)"
    }
    static func deleteInventoryLine(_ slug: String, _ year: Int, _ row: UUID) -> String {
        "\(inventoryLine(slug, year, row))/delete"
    }
    static func inventoryImport(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/import" }
    static func inventorySettings(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/settings" }
    static func inventoryState(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/state" }
    static func inventoryVerifier(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/verifier" }
    static func inventoryExport(_ slug: String, _ year: Int, _ format: String) -> String {
        "\(inventory(slug, year))/export.\(format)"
    }
    static func inventoryReportingTable(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/reporting-table.csv" }
    static func inventoryVersions(_ slug: String, _ year: Int) -> String { "\(inventory(slug, year))/versions" }
    /// Where the compare form sends its `from` and `to`.
    static func compareInventoryVersionsForm(_ slug: String, _ year: Int) -> String {
        "\(inventory(slug, year))/versions/compare"
    }
    static func compareInventoryVersions(_ slug: String, _ year: Int, from: Int, to: Int) -> String {
        with(compareInventoryVersionsForm(slug, year), query: [("from", String(from)), ("to", String(to))])
    }
    static func restoreInventoryVersion(_ slug: String, _ year: Int, _ number: Int) -> String {
        "\(inventory(slug, year))/versions/\(number)/restore"
    }
}
