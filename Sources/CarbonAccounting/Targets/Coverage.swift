/// What a target covers: a GPC total (territorial, BASIC, BASIC+), all greenhouse gases or CO2
/// only, and all sectors or some. Progress is measured on exactly this part of each inventory.
public struct Coverage: Sendable, Hashable {
    public var basis: TotalBasis
    /// CO2 only (e.g. the Chinese "carbon intensity" targets), or every gas in CO2e.
    public var co2Only: Bool
    /// Empty = every sector counted in the basis.
    public var sectors: Set<Sector>

    public init(basis: TotalBasis = .basic, co2Only: Bool = false, sectors: Set<Sector> = []) {
        self.basis = basis
        self.co2Only = co2Only
        self.sectors = sectors
    }

    /// The covered emissions of an inventory (t CO2e; t CO2 when CO2 only), nil when no line
    /// contributed. Sector subsets add the sectors' cells of the basis.
    public func emissions(in report: InventoryReport) -> Double? {
        func value(_ aggregate: Aggregate) -> Double? { co2Only ? aggregate.co2e(of: .co2) : aggregate.co2e }
        guard !sectors.isEmpty else { return value(report.total(basis)) }
        let parts = sectors.sorted().compactMap { value(report.cell($0, basis)) }
        return parts.isEmpty ? nil : parts.reduce(0, +)
    }

    /// Why an inventory cannot measure this coverage: a BASIC inventory lacks what BASIC+ adds, and
    /// a covered cell the level requires that has neither a number nor a notation key leaves the
    /// total short (GPC v1.1 §3.4). Empty when the inventory covers it.
    public func gaps(in report: InventoryReport) -> [String] {
        var gaps: [String] = []
        if basis == .basicPlus && report.level == .basic {
            gaps.append("the inventory reports BASIC; the target covers BASIC+")
        }
        let missing = report.completeness.missing.filter { sectors.isEmpty || sectors.contains($0.subCategory.sector) }
            .map(\.subCategory.ref)
        if !missing.isEmpty { gaps.append("cells \(missing.joined(separator: ", ")) have no data or notation key") }
        return gaps
    }

    /// The template's words: "BASIC, all gases, all sectors" / "territorial, CO2, sectors I; II".
    public var summary: String {
        let total =
            switch basis {
            case .territorial: "territorial"
            case .basic: "BASIC"
            case .basicPlus: "BASIC+"
            }
        let sectorText = sectors.isEmpty ? "all sectors" : "sectors " + sectors.sorted().map(\.rawValue).joined(separator: "; ")
        return "\(total), \(co2Only ? "CO2 only" : "all gases"), \(sectorText)"
    }
}
