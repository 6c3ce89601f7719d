import CarbonAccounting
import Foundation
import Spreadsheets

/// An inventory read from an eCRF workbook: its metadata and lines, every line valid and calculable.
public struct ImportedInventory: Sendable, Hashable {
    /// From `eCRF_1`.
    public let metadata: InventoryMetadata
    /// From `eCRF_3`, in the exporting inventory's order when it came from this platform.
    public let lines: [Line]
}

extension ECRF {
    /// At most this many problems are reported: enough to fix a file, not a flood.
    public static let maxProblems = 200

    /// Reads an eCRF workbook — one this platform exported, or one filled elsewhere in the same
    /// layout (CityCatalyst's template, CIRIS's eCRF sheets).
    ///
    /// - Lines come from `eCRF_3`, one per activity row. Rows the exporter added for
    ///   sub-categories without data (marked "[default]") and empty template rows are skipped;
    ///   so is an NE row without any explanation in a workbook from another tool (it says what
    ///   a missing sub-category says). Other sheets (annexes) are ignored.
    /// - Activity × factor rows are recomputed; a row with only tonnes per gas becomes measured
    ///   emissions (CH4 and N2O divided by the workbook's own GWPs).
    /// - Cross-checks: a row's total (AB) and every figure of `eCRF_2` must agree, within
    ///   rounding, with what the rows compute under the workbook's GWP set (so that kg written
    ///   as tonnes, or another GWP set, is caught rather than imported).
    /// - All or nothing: any problem, named by sheet and cell, and nothing is imported.
    public static func read(_ data: Data, reference: ReferenceData) throws(ECRFImportError) -> ImportedInventory {
        let book: WorkbookReader
        do { book = try WorkbookReader(data: data) } catch { throw .notAWorkbook(error) }
        let present = sheetNames.filter(book.hasSheet)
        if present.isEmpty { throw .notAnECRF(sheets: book.sheetNames) }
        if let missing = sheetNames.first(where: { !book.hasSheet($0) }) {
            throw .missingSheet(missing, available: book.sheetNames)
        }
        let sheets: [SheetValues]
        do { sheets = try sheetNames.map { (name) throws(SpreadsheetError) in try book.sheet(named: name) } } catch {
            throw .notAWorkbook(error)
        }
        var metadataReader = MetadataReader(sheets[0])
        let metadata = metadataReader.read()
        var problems = metadataReader.problems
        let valid = metadata.map { (metadata) in (metadata, true) } ?? (MetadataReader.fallback, false)
        let calculator = reference.calculator(set: valid.0.gwp, year: valid.0.year)
        var emissions = EmissionsReader(sheets[1], tree: reference.tree)
        let explanations = emissions.explanations()
        var activity = ActivityReader(
            sheets[2], metadata: valid.0, parser: reference.parser, calculator: calculator, crfExplanations: explanations,
            crossCheck: valid.1)
        let lines = activity.read()
        problems += activity.problems
        emissions.checkCells()
        problems += emissions.problems
        if problems.isEmpty, let metadata {
            let export = InventoryExport(metadata: metadata, lines: lines, reference: reference)
            problems += emissions.crossCheck(export)
        }
        guard problems.isEmpty, let metadata else { throw .problems(Array(problems.prefix(maxProblems))) }
        return ImportedInventory(metadata: metadata, lines: lines)
    }
}
