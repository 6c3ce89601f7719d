/// Why a workbook could not be written or read. Every case says what to do in its description.
public enum SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a zip archive (an .xlsx file is one).
    case notAZip
    /// A zip archive, but not an Excel workbook (reason given).
    case notAWorkbook(String)
    /// The workbook has no sheet of this name; `available` lists the sheets it has.
    case missingSheet(String, available: [String])
    /// A part of the package is malformed XML or refers to something that is not there.
    case malformedPart(String, String)
    /// A part unpacks to more than the reader allows (a guard against zip bombs).
    case partTooLarge(String, limit: Int)
    /// A sheet name Excel would refuse (empty, too long, a forbidden character, a duplicate …).
    case invalidSheetName(String, String)
    /// A text longer than the 32,767 characters a cell holds (Excel's specifications and limits).
    case textTooLong(sheet: String, cell: String, length: Int)
    /// A merged range that overlaps another in the same sheet (Excel repairs such files).
    case overlappingMerge(sheet: String, range: String)
    /// The zip library failed while writing.
    case zip(String)

    /// A sentence for the person whose file it is.
    public var description: String {
        switch self {
        case .notAZip:
            "the file is not an .xlsx workbook (not a zip archive); an old .xls or a CSV must be saved as .xlsx first"
        case .notAWorkbook(let reason): "the file is not an Excel workbook: \(reason)"
        case .missingSheet(let name, let available):
            "the workbook has no sheet “\(name)” (its sheets: \(available.map { "“\($0)”" }.joined(separator: ", ")))"
        case .malformedPart(let part, let reason): "the workbook part \(part) is damaged: \(reason)"
        case .partTooLarge(let part, let limit): "the workbook part \(part) unpacks to more than \(limit) bytes"
        case .invalidSheetName(let name, let reason): "“\(name)” cannot be a sheet name: \(reason)"
        case .textTooLong(let sheet, let cell, let length):
            "\(sheet)!\(cell) holds \(length) characters; a cell holds at most \(XMLText.maxCellCharacters)"
        case .overlappingMerge(let sheet, let range): "\(sheet): merged range \(range) overlaps another merged range"
        case .zip(let reason): "the workbook could not be zipped: \(reason)"
        }
    }
}
