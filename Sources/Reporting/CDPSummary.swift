import CarbonAccounting
import Spreadsheets

/// The city-wide totals CDP-ICLEI Track publishes for a GPC inventory: the CRF table's column ×
/// total-row cells, the scope totals and BASIC / BASIC+, with the columns named as in CDP's 2021
/// "City-wide Emissions" open data (reporting_formats.md §2). Metric tonnes CO2e, the inventory's
/// own GWP set; a figure the inventory cannot give is empty, never zero.
///
/// Fixed against CityCatalyst's CDP push (§4): tonnes, not kg; transport scope 3 sums II.x.3
/// (not I.x.3); the scope 3 total takes every scope-3 sub-category of sectors I–III.
public struct CDPSummary: Sendable {
    /// One published total.
    public struct Figure: Sendable, Hashable {
        /// The column name as CDP publishes it.
        public let column: String
        /// Metric tonnes CO2e; nil when the inventory has no figure for it.
        public let value: Double?
        /// The GPC sub-categories summed (empty: the GPC has none for it).
        public let refs: [String]
        /// Why a figure is empty, or what it includes.
        public let note: String
    }

    /// The inventory's metadata (city, year, boundary, population, level, GWP set).
    public let metadata: InventoryMetadata
    /// "CO2, CH4, N2O …", as the export states them.
    public let gasesIncluded: String
    /// The eleven totals, in CDP's column order.
    public let figures: [Figure]

    /// Sums the export's report (no recalculation).
    public init(_ export: InventoryExport) {
        metadata = export.metadata
        gasesIncluded = export.gasesIncluded
        let report = export.report
        let tree = report.tree
        func sum(_ refs: [String]) -> Double? {
            refs.compactMap { report.subCategory($0)?.co2e }.reduce(nil) { ($0 ?? 0) + $1 }
        }
        func refs(_ scope: Scope, sectors: [Sector], generation: Bool = false) -> [String] {
            tree.subCategories.filter { sub in
                sub.scope == scope && sectors.contains(sub.sector) && (sub.ref == CRFRow.generationRef) == generation
            }.map(\.ref)
        }
        let inventorySectors: [Sector] = [.stationaryEnergy, .transportation, .waste, .ippu, .afolu]
        let generation = [CRFRow.generationRef]
        let direct = refs(.one, sectors: inventorySectors)
        let indirect = refs(.two, sectors: inventorySectors)
        let outside = refs(.three, sectors: inventorySectors)
        let scope1 = direct + generation
        let basic = tree.subCategories.filter(\.inBasic).map(\.ref)
        let basicPlus = tree.subCategories.filter(\.inBasicPlus).map(\.ref)
        let noSubCategory = "The GPC has no sub-category for this figure."
        func figure(_ column: String, _ refs: [String], note: String = "") -> Figure {
            let value = sum(refs)
            let why = value == nil && !refs.isEmpty ? "No figures in the inventory for \(refs.joined(separator: ", "))." : note
            return Figure(column: column, value: value, refs: refs, note: why)
        }
        var figures = [
            figure(
                "Direct emissions (metric tonnes CO2e) for Total generation of grid-supplied energy", generation,
                note: "GPC I.4.4, left out of the totals below (CRF)."),
            figure(
                "Direct emissions (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)", direct
            ),
            figure(
                "Indirect emissions from use of grid supplied energy (metric tonnes CO2e) for Total generation of grid supplied energy",
                [], note: noSubCategory),
            figure(
                "Indirect emissions from use of grid supplied energy (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy)",
                indirect),
            figure(
                "Emissions occurring outside city boundary (metric tonnes CO2e) for Total Generation of grid supplied energy", [],
                note: noSubCategory),
            figure(
                "Emissions occurring outside city boundary (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy)",
                outside),
            figure("TOTAL Scope 1 Emissions", scope1, note: "All scope 1, including generation supplied to the grid (I.4.4)."),
            figure("TOTAL Scope 2 emissions", indirect, note: "Location-based; market-based scope 2 is a memo item."),
            figure("TOTAL Scope 3 Emissions", outside, note: "Sectors I–III; other scope 3 (VI) is not included."),
            figure("TOTAL BASIC Emissions (GPC)", basic),
        ]
        if metadata.level == .basicPlus {
            figures.append(figure("TOTAL BASIC+ Emissions (GPC)", basicPlus))
        } else {
            figures.append(
                Figure(
                    column: "TOTAL BASIC+ Emissions (GPC)", value: nil, refs: basicPlus,
                    note: "The inventory is reported at BASIC: its BASIC+ total would be incomplete."))
        }
        self.figures = figures
    }

    /// The descriptive columns before the totals (CDP's open data has these too), then the
    /// figures, then two of ours: the GWP set and the reporting level, which CDP's table leaves implicit.
    var columns: [(name: String, value: CellValue)] {
        func number(_ value: Double?) -> CellValue { value.map(CellValue.number) ?? .empty }
        var columns: [(String, CellValue)] = [
            ("City", .text(metadata.cityName)), ("Country", .text(metadata.country)),
            ("Accounting year", .number(Double(metadata.year))), ("Boundary", .text(metadata.boundary)),
            ("Primary Protocol", .text("GPC")), ("Gases Included", .text(gasesIncluded)),
            ("Population", number(metadata.population)), ("Land area (km2)", number(metadata.landAreaKm2)),
        ]
        columns += figures.map { ($0.column, number($0.value)) }
        columns += [
            ("Global Warming Potential", .text("\(metadata.gwp.rawValue) 100-year")),
            ("GPC reporting level", .text(metadata.level.rawValue)),
        ]
        return columns
    }

    /// One header line and one data line, as CDP's open-data CSV (RFC 4180, CRLF line ends);
    /// numbers in full precision (they read back as the same Double).
    public var csv: String {
        let columns = columns
        func text(_ value: CellValue) -> String {
            if case .number(let number) = value { return LineColumns.format(number) }
            return value.description
        }
        return CSV.row(columns.map(\.name)) + CSV.row(columns.map { text($0.value) })
    }
}
