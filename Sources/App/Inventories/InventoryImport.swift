import CarbonAccounting
import FluentKit
import Foundation

/// The one import path of the CLI, the API and the browser: find or create the inventory, refuse
/// anything but a draft, read the whole file (all rows valid or nothing), replace the lines.
extension InventoryService {
    struct ImportResult: Sendable {
        let inventory: Inventory
        let created: Bool
        let lineCount: Int
    }

    func importLines(
        city: City, year: Int, level: ReportingLevel?, gwpSet: GWPSet?, bytes: [UInt8], filename: String?,
        contentType: String?, by user: CurrentUser?
    ) async throws -> ImportResult {
        let existing = try await find(city: city, year: year)
        if let existing {
            guard existing.state == .draft else { throw AppError.conflict("inventory.not_draft") }
            if let level, level != existing.level { throw AppError.validation(["level": "inventory.settings_differ"]) }
            if let gwpSet, gwpSet != existing.gwpSet { throw AppError.validation(["gwp_set": "inventory.settings_differ"]) }
        }
        let set = existing?.gwpSet ?? gwpSet ?? .ar5
        let lines = try InventoryUpload.lines(
            fromCSV: bytes, filename: filename, contentType: contentType, reference: reference, set: set, year: year)
        let summary = "Imported \(lines.count) lines\(filename.map { " from \($0)" } ?? "")"
        if let existing {
            try await replaceLines(existing, city: city, with: lines, summary: summary, by: user)
            return ImportResult(inventory: existing, created: false, lineCount: lines.count)
        }
        let inventory = try await create(
            city: city, year: year, level: level ?? .basic, gwpSet: set, boundary: "", lines: lines, summary: summary, by: user)
        return ImportResult(inventory: inventory, created: true, lineCount: lines.count)
    }
}
