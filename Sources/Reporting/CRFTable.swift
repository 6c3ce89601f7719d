import CarbonAccounting

/// The three column groups of the CRF emissions table (`eCRF_2`): figures in B, D, F, their
/// notation keys in C, E, G.
public enum CRFColumn: String, Sendable, CaseIterable {
    case direct, indirect, outside

    /// GPC scope 1 is the CRF's direct emissions, scope 2 the indirect emissions from grid-supplied
    /// energy, scope 3 the emissions outside the boundary (GCoM CRF v6.1 §3; GPC v1.1 Table 3.1).
    public var scope: Scope {
        switch self {
        case .direct: .one
        case .indirect: .two
        case .outside: .three
        }
    }

    /// 1-based column of the figure (B, D, F); the notation key is the next column.
    var valueColumn: Int {
        switch self {
        case .direct: 2
        case .indirect: 4
        case .outside: 6
        }
    }

    var keyColumn: Int { valueColumn + 1 }

    var shortName: String {
        switch self {
        case .direct: "Direct"
        case .indirect: "Indirect"
        case .outside: "Outside"
        }
    }
}

/// One row of the CRF emissions table and the GPC sub-categories summed into it.
///
/// Fixed against CityCatalyst's template defects (reporting_formats.md §4): cells are addressed
/// by row and column here, never by placeholder names, and a test re-reads every cell. Solid waste
/// (row 17) sums III.1, industrial processes (22) IV.1, product use (23) IV.2, off-road indirect
/// (D15) II.5.2; the IPPU and AFOLU totals are sums like every other total.
public struct CRFRow: Sendable, Hashable {
    /// What a row sums.
    public enum Content: Sendable, Hashable {
        /// Sub-categories of these GPC sub-sectors, I.4.4 excepted.
        case subsectors([String])
        /// Sub-categories of these sectors, I.4.4 excepted (sector totals and the grand total).
        case sectors([Sector])
        /// GPC I.4.4, energy generation supplied to the grid (row 33).
        case generation
        /// A generation type the GPC does not distinguish (rows 29–32): I.4.4 covers them all.
        case generationType
        /// Institutional buildings (row 6): the GPC reports them with commercial ones (I.2).
        case institutional
    }

    /// The row of `eCRF_2` (4–34).
    public let row: Int
    /// Column A.
    public let label: String
    /// A word the row's label must contain when a workbook is read back (rows stay in place).
    let keyword: String
    /// What the row sums.
    public let content: Content
    /// Sector totals, the generation total and the grand total (bold).
    public let isTotal: Bool
    /// A note written in column H whenever the row has figures.
    let note: String

    /// The sub-category that the CRF counts apart from the totals (GPC I.4.4 rule).
    static let generationRef = "I.4.4"

    init(_ row: Int, _ label: String, _ keyword: String, _ content: Content, total: Bool = false, note: String = "") {
        self.row = row
        self.label = label
        self.keyword = keyword
        self.content = content
        self.isTotal = total
        self.note = note
    }

    /// The GPC references summed into `column` of this row.
    public func refs(_ column: CRFColumn, in tree: GPCTree) -> [String] {
        let scope = column.scope
        switch content {
        case .subsectors(let subsectors):
            return tree.subCategories.filter {
                subsectors.contains($0.subsectorRef) && $0.scope == scope && $0.ref != Self.generationRef
            }.map(\.ref)
        case .sectors(let sectors):
            return tree.subCategories.filter {
                sectors.contains($0.sector) && $0.scope == scope && $0.ref != Self.generationRef
            }.map(\.ref)
        case .generation:
            return column == .direct ? [Self.generationRef] : []
        case .generationType, .institutional:
            return []
        }
    }

    /// Rows 4–34 of `eCRF_2` (reporting_formats.md §1.2).
    public static let all: [CRFRow] = [
        CRFRow(4, "Stationary energy > Residential buildings", "residential", .subsectors(["I.1"])),
        CRFRow(5, "Stationary energy > Commercial buildings & facilities", "commercial", .subsectors(["I.2"])),
        CRFRow(6, "Stationary energy > Institutional buildings & facilities", "institutional", .institutional),
        CRFRow(
            7, "Stationary energy > Industrial buildings & facilities", "industrial", .subsectors(["I.3", "I.4"]),
            note:
                "Includes energy industries' own use (GPC I.4.1–I.4.3); their generation supplied to the grid (I.4.4) is in rows 29–33."
        ),
        CRFRow(8, "Stationary energy > Agriculture", "agriculture", .subsectors(["I.5"])),
        CRFRow(9, "Stationary energy > Fugitive emissions", "fugitive", .subsectors(["I.7", "I.8"])),
        CRFRow(
            10, "Total Stationary Energy", "stationary", .sectors([.stationaryEnergy]), total: true,
            note:
                "Includes non-specified sources (GPC I.6), which have no row of their own; excludes generation of grid-supplied energy (I.4.4)."
        ),
        CRFRow(11, "Transportation > On-road", "on-road", .subsectors(["II.1"])),
        CRFRow(12, "Transportation > Rail", "rail", .subsectors(["II.2"])),
        CRFRow(13, "Transportation > Waterborne navigation", "waterborne", .subsectors(["II.3"])),
        CRFRow(14, "Transportation > Aviation", "aviation", .subsectors(["II.4"])),
        CRFRow(15, "Transportation > Off-road", "off-road", .subsectors(["II.5"])),
        CRFRow(16, "Total Transport", "transport", .sectors([.transportation]), total: true),
        CRFRow(17, "Waste > Solid waste disposal", "solid waste", .subsectors(["III.1"])),
        CRFRow(18, "Waste > Biological treatment", "biological", .subsectors(["III.2"])),
        CRFRow(19, "Waste > Incineration and open burning", "incineration", .subsectors(["III.3"])),
        CRFRow(20, "Waste > Wastewater", "wastewater", .subsectors(["III.4"])),
        CRFRow(
            21, "Total Waste", "waste", .sectors([.waste]), total: true,
            note: "Direct emissions include waste from outside the city treated inside (GPC III.x.3), which BASIC leaves out."),
        CRFRow(22, "IPPU > Industrial processes", "industrial process", .subsectors(["IV.1"])),
        CRFRow(23, "IPPU > Product use", "use", .subsectors(["IV.2"])),
        CRFRow(24, "Total IPPU", "ippu", .sectors([.ippu]), total: true),
        CRFRow(25, "AFOLU > Livestock", "livestock", .subsectors(["V.1"])),
        CRFRow(26, "AFOLU > Land use", "land", .subsectors(["V.2"])),
        CRFRow(27, "AFOLU > Other AFOLU", "other", .subsectors(["V.3"])),
        CRFRow(28, "Total AFOLU", "afolu", .sectors([.afolu]), total: true),
        CRFRow(29, "Generation of grid-supplied energy > Electricity-only generation", "electricity", .generationType),
        CRFRow(30, "Generation of grid-supplied energy > CHP generation", "chp", .generationType),
        CRFRow(31, "Generation of grid-supplied energy > Heat/cold generation", "heat", .generationType),
        CRFRow(32, "Generation of grid-supplied energy > Local renewable generation", "renewable", .generationType),
        CRFRow(33, "Total Generation of grid-supplied energy", "generation", .generation, total: true),
        CRFRow(
            34, "Total Emissions (excluding generation of grid-supplied energy)", "total emissions",
            .sectors([.stationaryEnergy, .transportation, .waste, .ippu, .afolu]), total: true,
            note: "Sectors I–V; other scope 3 (GPC VI) is not part of the CRF table."),
    ]
}
