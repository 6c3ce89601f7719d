/// Sums of lines: tonnes of each gas and t CO2e, by gas group. A gas no line estimated stays nil
/// (missing, not zero).
public struct Aggregate: Sendable {
    /// t CO2e by group, in `GasGroup.allCases` order. A tuple, not an array: adding to a sum then
    /// needs no uniqueness check or bounds check (this runs several times per line).
    private var sums: (Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0)
    private var present: UInt8 = 0

    public var groupCO2e: [Double] { [sums.0, sums.1, sums.2, sums.3, sums.4, sums.5, sums.6] }
    public private(set) var co2: Double = 0
    public private(set) var ch4: Double = 0
    public private(set) var n2o: Double = 0
    /// Tonnes of each other species (HFC134a, SF6 …).
    public private(set) var species: [String: Double] = [:]
    public private(set) var lineCount = 0

    public init() {}

    /// Total t CO2e, or nil when no line contributed a number.
    public var co2e: Double? { present == 0 ? nil : sums.0 + sums.1 + sums.2 + sums.3 + sums.4 + sums.5 + sums.6 }

    public func co2e(of group: GasGroup) -> Double? {
        let index = GasGroup.allCases.firstIndex(of: group)!
        return present & (1 << index) == 0 ? nil : groupCO2e[index]
    }

    /// Tonnes of gas of a group (CO2, CH4, N2O; for the others the sum over species of the group).
    public func mass(of group: GasGroup) -> Double? {
        guard co2e(of: group) != nil else { return nil }
        switch group {
        case .co2: return co2
        case .ch4: return ch4
        case .n2o: return n2o
        default: return species.filter { GasGroup.of(species: $0.key) == group }.values.reduce(0, +)
        }
    }

    mutating func add(_ gases: GasAmounts, ch4GWP: Double, n2oGWP: Double, otherGWP: Double) {
        lineCount += 1
        if let value = gases.co2 {
            record(0, value)
            co2 += value
        }
        if let value = gases.ch4 {
            record(1, value * ch4GWP)
            ch4 += value
        }
        if let value = gases.n2o {
            record(2, value * n2oGWP)
            n2o += value
        }
        if let value = gases.other, let name = gases.otherSpecies, let group = GasGroup.of(species: name) {
            record(GasGroup.allCases.firstIndex(of: group)!, value * otherGWP)
            species[name, default: 0] += value
        }
    }

    /// Adds another aggregate (a cell into a sector, scope or total).
    mutating func merge(_ other: Aggregate) {
        sums.0 += other.sums.0
        sums.1 += other.sums.1
        sums.2 += other.sums.2
        sums.3 += other.sums.3
        sums.4 += other.sums.4
        sums.5 += other.sums.5
        sums.6 += other.sums.6
        present |= other.present
        co2 += other.co2
        ch4 += other.ch4
        n2o += other.n2o
        for (name, tonnes) in other.species { species[name, default: 0] += tonnes }
        lineCount += other.lineCount
    }

    private mutating func record(_ index: Int, _ co2e: Double) {
        switch index {
        case 0: sums.0 += co2e
        case 1: sums.1 += co2e
        case 2: sums.2 += co2e
        case 3: sums.3 += co2e
        case 4: sums.4 += co2e
        case 5: sums.5 += co2e
        default: sums.6 += co2e
        }
        present |= 1 << index
    }
}
