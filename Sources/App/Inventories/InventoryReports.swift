import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets

/// Where the city is, as the reports' metadata state it (read with the inventory page).
struct InventoryPlace: Sendable, Hashable {
    let cityName: String
    let country: String
    let region: String
    let latitude: Double?
    let longitude: Double?
    /// The latest population up to the inventory year.
    let population: Double?
}

/// The framework reports of an inventory — the GCoM eCRF workbook (with the air-pollutant annex)
/// and the CDP-ICLEI Track summary — from the page data the site and the API already hold: the
/// lines and both reports come from the cache, nothing is computed twice.
enum InventoryReports {
    static func metadata(_ data: InventoryPageData) -> InventoryMetadata {
        let inventory = data.computed.inventory
        let place = data.place
        let verified = inventory.state == .verified || inventory.state == .published
        return InventoryMetadata(
            cityName: place?.cityName ?? inventory.cityNames["en"] ?? inventory.citySlug, country: place?.country ?? "",
            year: inventory.year, level: inventory.level, gwp: inventory.gwpSet, inventoryType: inventory.kind.reportType,
            region: place?.region ?? "", latitude: place?.latitude, longitude: place?.longitude, boundary: inventory.boundary,
            population: place?.population,
            methodology: inventory.kind == .government
                ? "Local government operations (own buildings, fleet, street lighting, water and waste services), scopes 1–3, with the GPC's calculation rules."
                : "GPC v1.1 community-scale inventory.",
            verified: verified, verifierName: verified ? data.verifierLabel ?? "" : "",
            version: String(inventory.version))
    }

    /// The export all formats are made from, with the cached report (refused if it is not of
    /// these lines under the inventory's GWP set and level).
    static func export(_ data: InventoryPageData, reference: ReferenceData) throws -> Reporting.InventoryExport {
        let computed = data.computed
        let metadata = metadata(data)
        do {
            return try Reporting.InventoryExport(
                metadata: metadata, lines: computed.lines.map(\.line), report: computed.report,
                calculator: reference.calculator(set: metadata.gwp, year: metadata.year))
        } catch {
            throw AppError.internal("\(error)")
        }
    }

    /// The eCRF workbook, with the air-pollutant sheet after the framework's three.
    static func ecrf(_ data: InventoryPageData, reference: ReferenceData) throws -> Data {
        let export = try export(data, reference: reference)
        do {
            return try ECRF.xlsx(for: export, annexes: [AirPollutantAnnex(report: data.computed.air)])
        } catch {
            throw AppError.internal("\(error)")
        }
    }

    static func cdp(_ data: InventoryPageData, reference: ReferenceData) throws -> CDPSummary {
        CDPSummary(try export(data, reference: reference))
    }

    /// File names: "guiyang-2021-ecrf.xlsx", "guiyang-2021-government-cdp.csv".
    static func fileName(_ inventory: InventorySummary, _ name: String, _ ext: String) -> String {
        "\(inventory.citySlug)-\(inventory.year)\(inventory.kind == .government ? "-government" : "")-\(name).\(ext)"
    }
}
