import Foundation

/// Whether each GPC cell has what the chosen level requires (GPC v1.1 §3.4: every emission source
/// of the level is reported as a number or a notation key).
public struct Completeness: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case data
        case notation([NotationKey])
        case missing
    }

    public struct Entry: Sendable, Hashable {
        public let subCategory: SubCategory
        public let required: Bool
        public let state: State
    }

    public let entries: [Entry]

    public var required: [Entry] { entries.filter(\.required) }
    public var missing: [Entry] { entries.filter { $0.required && $0.state == .missing } }
    public var coveredCount: Int { required.count - missing.count }
    public var isComplete: Bool { missing.isEmpty }
}

/// Everything the platform shows about an inventory, computed from its lines in one pass.
public struct InventoryReport: Sendable {
    public let set: GWPSet
    public let level: ReportingLevel
    /// One result per input line, in order.
    public let results: [LineResult]
    public let territorial: Aggregate
    public let basic: Aggregate
    public let basicPlus: Aggregate
    /// Indexed by `Sector.allCases`.
    public let bySector: [Aggregate]
    /// Indexed by sector, then scope (`Scope.allCases`).
    public let bySectorScope: [[Aggregate]]
    /// Indexed by sector, then basis (`TotalBasis.allCases`).
    public let bySectorBasis: [[Aggregate]]
    public let byScope: [Aggregate]
    /// Indexed by the tree's sub-category order.
    public let bySubCategory: [Aggregate]
    /// Memo items, never in a total.
    public let biogenicCO2: Double?
    public let marketBasedScope2: Double?
    public let completeness: Completeness
    public let tree: GPCTree

    public func total(_ basis: TotalBasis) -> Aggregate {
        switch basis {
        case .territorial: territorial
        case .basic: basic
        case .basicPlus: basicPlus
        }
    }

    /// The total of the inventory's own level (BASIC or BASIC+).
    public var levelTotal: Aggregate { total(level.basis) }

    public func sector(_ sector: Sector) -> Aggregate { bySector[Sector.allCases.firstIndex(of: sector)!] }

    public func cell(_ sector: Sector, _ scope: Scope) -> Aggregate {
        bySectorScope[Sector.allCases.firstIndex(of: sector)!][Scope.allCases.firstIndex(of: scope)!]
    }

    public func cell(_ sector: Sector, _ basis: TotalBasis) -> Aggregate {
        bySectorBasis[Sector.allCases.firstIndex(of: sector)!][TotalBasis.allCases.firstIndex(of: basis)!]
    }

    public func scope(_ scope: Scope) -> Aggregate { byScope[Scope.allCases.firstIndex(of: scope)!] }

    public func subCategory(_ ref: String) -> Aggregate? { tree.position(of: ref).map { bySubCategory[$0] } }

    public var failedLines: [(index: Int, problems: [FieldProblem])] {
        results.enumerated().compactMap { index, result in
            result.problems.isEmpty ? nil : (index, result.problems)
        }
    }
}

extension Calculator {
    /// Calculates every line and sums them. Rules (GPC v1.1 chapter 3, Table 3.1):
    /// - territorial = every scope-1 line (including I.4.4, III.x.3, IV and V);
    /// - BASIC = lines of sub-categories in BASIC (I and II scopes 1–2, III scopes 1 and 3);
    /// - BASIC+ = BASIC plus I and II scope 3, IV and V; VI never counts;
    /// - biogenic CO2 and market-based scope 2 are memo items outside every total;
    /// - failed lines and notation keys add nothing; sums are exact (no rounding).
    public func report(lines: [Line], level: ReportingLevel) -> InventoryReport {
        let sectors = Sector.allCases
        let scopes = Scope.allCases
        let bases = TotalBasis.allCases
        var territorial = Aggregate()
        var basic = Aggregate()
        var basicPlus = Aggregate()
        var bySector = Array(repeating: Aggregate(), count: sectors.count)
        var bySectorScope = Array(repeating: Array(repeating: Aggregate(), count: scopes.count), count: sectors.count)
        var bySectorBasis = Array(repeating: Array(repeating: Aggregate(), count: bases.count), count: sectors.count)
        var byScope = Array(repeating: Aggregate(), count: scopes.count)
        // Per-position facts as plain arrays: reading a `SubCategory` per line would copy (retain and
        // release) its four strings.
        let sectorOf = tree.subCategories.map { sub in sectors.firstIndex(of: sub.sector)! }
        let scopeOf = tree.subCategories.map { $0.scope.rawValue - 1 }
        let territorialOf = tree.subCategories.map(\.inTerritorial)
        let basicOf = tree.subCategories.map(\.inBasic)
        let basicPlusOf = tree.subCategories.map(\.inBasicPlus)

        // Large inventories are calculated in two halves at once (each line is independent); the
        // halves' cells are then added in order, so the result does not depend on timing.
        var partials: [Partial] = []
        lines.withUnsafeBufferPointer { buffer in
            if buffer.count >= Self.parallelThreshold {
                let middle = buffer.count / 2
                let ranges = [0..<middle, middle..<buffer.count]
                let storage = UnsafeMutableBufferPointer<Partial>.allocate(capacity: 2)
                // Each half reads its own range of the lines and writes its own slot.
                let shared = HalvesBox(lines: buffer, storage: storage)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    (shared.storage.baseAddress! + half).initialize(to: accumulate(shared.lines, ranges[half]))
                }
                partials = Array(storage)
                _ = storage.deinitialize()
                storage.deallocate()
            } else {
                partials = [accumulate(buffer, buffer.indices)]
            }
        }
        var bySubCategory = partials[0].cells
        var hasData = partials[0].hasData
        var keys = partials[0].keys
        var biogenic = partials[0].biogenic
        var market = partials[0].market
        var results = partials[0].results
        for partial in partials.dropFirst() {
            for position in bySubCategory.indices {
                bySubCategory[position].merge(partial.cells[position])
                hasData[position] = hasData[position] || partial.hasData[position]
                keys[position] += partial.keys[position]
            }
            if let value = partial.biogenic { biogenic = (biogenic ?? 0) + value }
            if let value = partial.market { market = (market ?? 0) + value }
            results += partial.results
        }
        for position in tree.subCategories.indices where bySubCategory[position].lineCount > 0 {
            let cell = bySubCategory[position]
            let s = sectorOf[position]
            let scope = scopeOf[position]
            bySector[s].merge(cell)
            bySectorScope[s][scope].merge(cell)
            byScope[scope].merge(cell)
            if territorialOf[position] {
                territorial.merge(cell)
                bySectorBasis[s][0].merge(cell)
            }
            if basicOf[position] {
                basic.merge(cell)
                bySectorBasis[s][1].merge(cell)
            }
            if basicPlusOf[position] {
                basicPlus.merge(cell)
                bySectorBasis[s][2].merge(cell)
            }
        }

        let entries = tree.subCategories.enumerated().map { position, subCategory in
            let state: Completeness.State =
                hasData[position] ? .data : keys[position].isEmpty ? .missing : .notation(keys[position])
            return Completeness.Entry(subCategory: subCategory, required: level.requires(subCategory), state: state)
        }
        return InventoryReport(
            set: set, level: level, results: results, territorial: territorial, basic: basic, basicPlus: basicPlus,
            bySector: bySector, bySectorScope: bySectorScope, bySectorBasis: bySectorBasis, byScope: byScope,
            bySubCategory: bySubCategory, biogenicCO2: biogenic, marketBasedScope2: market,
            completeness: Completeness(entries: entries), tree: tree)
    }
}

extension Calculator {
    /// Inventories from this many lines are calculated in two halves in parallel.
    static let parallelThreshold = 4096

    /// What a run of lines adds up to, cell by cell.
    struct Partial {
        var results: [LineResult] = []
        var cells: [Aggregate]
        var hasData: [Bool]
        var keys: [[NotationKey]]
        var biogenic: Double?
        var market: Double?
    }

    /// Calculates `range` of the lines and adds each into its cell only; every other total is a
    /// union of cells, summed by `report`. Lines are read in place: copying each (a dozen strings)
    /// would cost more than its arithmetic.
    func accumulate(_ lines: UnsafeBufferPointer<Line>, _ range: Range<Int>) -> Partial {
        let count = tree.subCategories.count
        var partial = Partial(
            cells: Array(repeating: Aggregate(), count: count), hasData: Array(repeating: false, count: count),
            keys: Array(repeating: [], count: count))
        partial.results.reserveCapacity(range.count)
        let n2o = n2oGWP ?? 0
        let fossil = ch4Fossil ?? 0
        let nonFossil = ch4NonFossil ?? 0
        let sectorValue = tree.subCategories.map(\.sector)
        var memo = FuelMemo()
        guard let first = lines.baseAddress else { return partial }
        for index in range {
            let position = tree.position(of: lines[index].gpcRef)
            let result = calculate(first + index, sector: position.map { sectorValue[$0] }, memo: &memo)
            partial.results.append(result)
            guard let position else { continue }
            switch result.status {
            case .failed: continue
            case .notation(let key):
                partial.keys[position].append(key)
                continue
            case .emissions: break
            }
            if let value = result.gases.biogenicCO2 { partial.biogenic = (partial.biogenic ?? 0) + value }
            partial.hasData[position] = true
            if lines[index].isMemo {
                partial.market = (partial.market ?? 0) + (result.co2e ?? 0)
                continue
            }
            let otherGWP = result.gases.otherSpecies.flatMap { gwp.gwp($0, in: set) } ?? 0
            let ch4 = result.methaneOrigin == .fossil ? fossil : nonFossil
            partial.cells[position].add(result.gases, ch4GWP: ch4, n2oGWP: n2o, otherGWP: otherGWP)
        }
        return partial
    }
}

/// The lines and the result slots shared by the two halves of a parallel run: each half reads
/// only its range and writes only its slot, and `report` waits for both.
private struct HalvesBox: @unchecked Sendable {
    let lines: UnsafeBufferPointer<Line>
    let storage: UnsafeMutableBufferPointer<Calculator.Partial>
}
