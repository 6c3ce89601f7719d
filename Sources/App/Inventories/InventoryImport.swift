import CarbonAccounting
import FluentKit
import Foundation
import Reporting

/// The one import path of the CLI, the API and the browser: find or create the inventory, refuse
/// anything but a draft, read the whole file (all rows valid or nothing), replace the lines.
extension InventoryService {
    struct ImportResult: Sendable {
        let inventory: Inventory
        let created: Bool
        let lineCount: Int
    }

    /// A CSV file or an eCRF workbook (told apart by their first bytes). A new inventory takes the
    /// level and GWP set given, else those the workbook states, else BASIC and AR5.
    func importLines(
        city: City, year: Int, kind: InventoryKind = .community, level: ReportingLevel?, gwpSet: GWPSet?, bytes: [UInt8],
        filename: String?, contentType: String?, by user: CurrentUser?
    ) async throws -> ImportResult {
        let existing = try await find(city: city, year: year, kind: kind)
        if let existing {
            guard existing.state == .draft else { throw AppError.conflict("inventory.not_draft") }
            if let level, level != existing.level { throw AppError.validation(["level": "inventory.settings_differ"]) }
            if let gwpSet, gwpSet != existing.gwpSet { throw AppError.validation(["gwp_set": "inventory.settings_differ"]) }
        }
        let upload = try InventoryUpload.read(
            bytes, filename: filename, contentType: contentType, reference: reference,
            set: existing?.gwpSet ?? gwpSet ?? .ar5, year: year)
        let settings = (
            level: existing?.level ?? level ?? upload.workbook?.level ?? .basic,
            set: existing?.gwpSet ?? gwpSet ?? upload.workbook?.gwp ?? .ar5
        )
        if let metadata = upload.workbook {
            let mismatches = InventoryUpload.settingsProblems(metadata, year: year, level: settings.level, set: settings.set)
            if !mismatches.isEmpty { throw AppError.invalidFile(mismatches) }
        }
        let lines = upload.lines
        let summary = "Imported \(lines.count) lines\(filename.map { " from \($0)" } ?? "")"
        if let existing {
            try await replaceLines(existing, city: city, with: lines, summary: summary, by: user)
            return ImportResult(inventory: existing, created: false, lineCount: lines.count)
        }
        let inventory = try await create(
            city: city, year: year, kind: kind, level: settings.level, gwpSet: settings.set,
            boundary: upload.workbook?.boundary ?? "", lines: lines, summary: summary, by: user)
        return ImportResult(inventory: inventory, created: true, lineCount: lines.count)
    }
}
