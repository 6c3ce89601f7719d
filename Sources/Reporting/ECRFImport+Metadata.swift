import CarbonAccounting
import Spreadsheets

/// Reads `eCRF_1` back into `InventoryMetadata`. The year (C7), the reporting level (C18) and
/// the GWP set (C20) are required: the lines cannot be calculated without them.
struct MetadataReader {
    private var cells: CellReading
    var problems: [CellProblem] { cells.problems }

    /// Stands in while the metadata is invalid, so that the other sheets can still be checked.
    static let fallback = InventoryMetadata(cityName: "", country: "", year: 2000, level: .basic, gwp: .ar5)

    init(_ sheet: SheetValues) { cells = CellReading(sheet) }

    /// Labels that must be where the layout puts them: the rows read as typed values.
    private static let requiredLabels: [(row: Int, words: [String], label: String)] = [
        (7, ["year"], "Inventory year"), (18, ["level"], "GPC reporting level"),
        (20, ["warming", "gwp"], "Global Warming Potential"),
    ]

    mutating func read() -> InventoryMetadata? {
        for (row, words, label) in Self.requiredLabels {
            let found = cells.text("B\(row)")
            if !words.contains(where: { found.lowercased().contains($0) }) {
                cells.problem(
                    "B\(row)",
                    "expected the label “\(label)” here, found “\(CellReading.clip(found))”: the metadata rows must stay in place"
                )
            }
        }
        var metadata = Self.fallback
        var year: Int?
        var level: ReportingLevel?
        var gwp: GWPSet?
        for field in MetadataField.all {
            let cell = "C\(field.row)"
            switch field.kind {
            case .text(let path): metadata[keyPath: path] = cells.text(cell)
            case .number(let path): metadata[keyPath: path] = cells.number(cell)
            case .optionalYear(let path): metadata[keyPath: path] = cells.wholeNumber(cell, in: 1900...2200)
            case .year:
                year = cells.wholeNumber(cell, in: 1900...2200)
                if year == nil && cells.sheet[cell] == .empty { cells.problem(cell, "the inventory year is required") }
            case .coordinate: readCoordinate(cell, into: &metadata)
            case .level:
                let text = cells.text(cell)
                level = ReportingLevel.parse(text)
                if level == nil {
                    cells.problem(cell, "“\(CellReading.clip(text))” is not a GPC reporting level: BASIC or BASIC+")
                }
            case .gwp:
                let text = cells.text(cell)
                gwp = Self.gwp(in: text)
                if gwp == nil {
                    cells.problem(cell, "“\(CellReading.clip(text))” names no GWP set the platform has: AR4, AR5 or AR6")
                }
            case .gwpExplanation: metadata.gwpExplanation = cells.text(cell)
            case .gases:
                let text = cells.text(cell)
                metadata.gasesIncluded = text.isEmpty ? nil : text
            case .verified:
                let text = cells.text(cell).lowercased()
                switch text {
                case "": metadata.verified = nil
                case "yes", "true", "y": metadata.verified = true
                case "no", "false", "n": metadata.verified = false
                default: cells.problem(cell, "“\(CellReading.clip(text))” is not Yes or No")
                }
            }
        }
        guard let year, let level, let gwp else { return nil }
        metadata.year = year
        metadata.level = level
        metadata.gwp = gwp
        // The exporter states the AR6 convention when no reason was given: that is not the city's text.
        if metadata.gwpExplanation == gwp.convention { metadata.gwpExplanation = "" }
        return metadata
    }

    /// "AR5", "IPCC AR5 (100-year)", "Fifth Assessment Report" … → the set.
    static func gwp(in text: String) -> GWPSet? {
        let upper = text.uppercased()
        let names: [(GWPSet, [String])] = [(.ar4, ["AR4", "FOURTH"]), (.ar5, ["AR5", "FIFTH"]), (.ar6, ["AR6", "SIXTH"])]
        let found = names.filter { _, words in words.contains { upper.contains($0) } }.map(\.0)
        return found.count == 1 ? found[0] : nil
    }

    private mutating func readCoordinate(_ cell: String, into metadata: inout InventoryMetadata) {
        let text = cells.text(cell)
        guard !text.isEmpty else { return }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).compactMap { Double($0) }
        guard parts.count == 2, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]) else {
            cells.problem(cell, "“\(CellReading.clip(text))” is not a coordinate: latitude, longitude in decimal degrees")
            return
        }
        metadata.latitude = parts[0]
        metadata.longitude = parts[1]
    }
}
