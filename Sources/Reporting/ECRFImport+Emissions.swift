import CarbonAccounting
import Spreadsheets

/// Checks `eCRF_2`: its rows in place, numbers where figures belong, notation keys where keys
/// belong, and every figure equal (within rounding) to what the activity rows compute.
struct EmissionsReader {
    private var cells: CellReading
    let tree: GPCTree
    var problems: [CellProblem] { cells.problems }

    init(_ sheet: SheetValues, tree: GPCTree) {
        cells = CellReading(sheet)
        self.tree = tree
    }

    /// Column H of the sub-sector rows by GPC reference: the explanation a workbook from another
    /// tool gives for the notation keys of its activity rows (it has no other place for it).
    mutating func explanations() -> [String: String] {
        var found: [String: String] = [:]
        for row in CRFRow.all where !row.isTotal {
            let text = cells.text("H\(row.row)")
            guard !text.isEmpty else { continue }
            for column in CRFColumn.allCases {
                for ref in row.refs(column, in: tree) where found[ref] == nil { found[ref] = "\(text) (eCRF_2!H\(row.row))" }
            }
        }
        return found
    }

    mutating func checkCells() {
        for row in CRFRow.all {
            let label = cells.text("A\(row.row)")
            if !label.lowercased().contains(row.keyword) {
                cells.problem(
                    "A\(row.row)",
                    "expected the row “\(row.label)” here, found “\(CellReading.clip(label))”: the CRF table's rows must stay in place"
                )
            }
            for column in CRFColumn.allCases {
                _ = cells.number(Self.address(column.valueColumn, row.row))
                let keyCell = Self.address(column.keyColumn, row.row)
                let key = cells.text(keyCell)
                if !key.isEmpty && NotationKey(rawValue: key.uppercased()) == nil {
                    cells.problem(keyCell, "“\(CellReading.clip(key))” is not a notation key (NO, IE, NE or C)")
                }
            }
        }
    }

    /// Every figure of the table against the same cell computed from the imported lines.
    /// Rows 29–32 are not compared: the GPC does not split generation by plant type.
    mutating func crossCheck(_ export: InventoryExport) -> [CellProblem] {
        var found: [CellProblem] = []
        let notes = KeyNotes(export.lines)
        for row in CRFRow.all {
            if case .generationType = row.content { continue }
            for column in CRFColumn.allCases {
                let address = Self.address(column.valueColumn, row.row)
                guard let stated = cells.number(address) else { continue }
                let computed = row.cell(column, export, notes).value
                let refs = row.refs(column, in: tree)
                let what = refs.isEmpty ? "no GPC sub-category" : refs.joined(separator: ", ")
                if let computed {
                    if !Tolerance.agrees(stated, computed) {
                        found.append(
                            CellProblem(
                                sheet: cells.sheet.name, cell: address,
                                message:
                                    "\(LineColumns.format(stated)) tCO2e here, but the rows of eCRF_3 for \(what) add up to \(LineColumns.format(computed)) tCO2e under \(export.metadata.gwp.rawValue)\(Tolerance.hint(found: stated, computed: computed)); the activity rows are what is imported"
                            ))
                    }
                } else if stated != 0 {
                    found.append(
                        CellProblem(
                            sheet: cells.sheet.name, cell: address,
                            message:
                                "\(LineColumns.format(stated)) tCO2e here, but eCRF_3 has no figures for \(what); the activity rows are what is imported"
                        ))
                }
            }
        }
        return found
    }

    static func address(_ column: Int, _ row: Int) -> String { CellReference.columnName(column) + String(row) }
}
