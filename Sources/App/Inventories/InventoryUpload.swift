import CarbonAccounting
import Foundation
import Reporting

/// What an uploaded inventory file holds: its lines, and for an eCRF workbook the settings it states.
struct UploadedInventory: Sendable {
    let lines: [Line]
    /// `eCRF_1` of a workbook; nil for a CSV file.
    let workbook: InventoryMetadata?
}

/// Reads an uploaded inventory file — a CSV file in the template or a GCoM eCRF workbook — with
/// its limits: size (by the caller), type by the first bytes, then the whole file, all rows valid
/// or nothing. The browser, the API and the CLI all come through here.
enum InventoryUpload {
    /// Every .xlsx file is a zip archive, and starts as one.
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func read(
        _ bytes: [UInt8], filename: String?, contentType: String?, reference: ReferenceData, set: GWPSet, year: Int
    ) throws -> UploadedInventory {
        let saysWorkbook =
            filename?.lowercased().hasSuffix(".xlsx") == true || contentType?.lowercased().hasPrefix(xlsxType) == true
        guard bytes.starts(with: zipSignature) else {
            if saysWorkbook {
                throw AppError.invalidFile([
                    ImportProblem(
                        row: nil, column: nil,
                        message: "“\(filename ?? "the file")” is not an .xlsx workbook (its first bytes are not those of one)")
                ])
            }
            let text = try UploadedCSV.text(bytes, filename: filename, contentType: contentType)
            switch InventoryCSV.read(text, parser: reference.parser, calculator: reference.calculator(set: set, year: year)) {
            case .success(let lines): return UploadedInventory(lines: lines, workbook: nil)
            case .failure(let problems): throw AppError.invalidFile(problems.items)
            }
        }
        do {
            let imported = try ECRF.read(Data(bytes), reference: reference)
            return UploadedInventory(lines: imported.lines, workbook: imported.metadata)
        } catch {
            throw AppError.invalidFile(problems(error))
        }
    }

    /// The lines of a file for an existing inventory: a workbook must state the inventory's own
    /// year, level and GWP set (its figures were checked under them).
    static func lines(
        _ bytes: [UInt8], filename: String?, contentType: String?, reference: ReferenceData, inventory: Inventory
    ) throws -> [Line] {
        let upload = try read(
            bytes, filename: filename, contentType: contentType, reference: reference, set: inventory.gwpSet,
            year: inventory.year)
        if let metadata = upload.workbook {
            let mismatches = settingsProblems(metadata, year: inventory.year, level: inventory.level, set: inventory.gwpSet)
            if !mismatches.isEmpty { throw AppError.invalidFile(mismatches) }
        }
        return upload.lines
    }

    /// Where a workbook's settings differ from those it is imported under, cell by cell.
    static func settingsProblems(_ metadata: InventoryMetadata, year: Int, level: ReportingLevel?, set: GWPSet?)
        -> [ImportProblem]
    {
        var problems: [ImportProblem] = []
        func problem(_ cell: String, _ message: String) {
            problems.append(ImportProblem(row: nil, column: "\(ECRF.metadataSheet)!\(cell)", message: message))
        }
        if metadata.year != year {
            problem(ECRF.yearCell, "the workbook is the \(metadata.year) inventory; this is the \(year) inventory")
        }
        if let level, metadata.level != level {
            problem(ECRF.levelCell, "the workbook reports at \(metadata.level.rawValue); the inventory is \(level.rawValue)")
        }
        if let set, metadata.gwp != set {
            problem(
                ECRF.gwpCell,
                "the workbook's figures use \(metadata.gwp.rawValue); the inventory uses \(set.rawValue) (change its settings first)"
            )
        }
        return problems
    }

    /// A workbook's problems as import problems: each named by sheet and cell ("eCRF_3!H12").
    static func problems(_ error: ECRFImportError) -> [ImportProblem] {
        switch error {
        case .problems(let cells):
            cells.map { problem in
                ImportProblem(
                    row: nil, column: problem.cell.map { "\(problem.sheet)!\($0)" } ?? problem.sheet, message: problem.message)
            }
        case .missingSheet(let sheet, _): [ImportProblem(row: nil, column: sheet, message: error.description)]
        case .notAWorkbook, .notAnECRF: [ImportProblem(row: nil, column: nil, message: error.description)]
        }
    }
}
