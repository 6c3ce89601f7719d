import Foundation
import Synchronization

/// Sums of the pollutants of some lines, tonnes. A pollutant no line estimated stays nil (missing,
/// not zero); the counts say how many lines left it out or estimated only part of it.
public struct AirPollutantTotals: Sendable, Hashable {
    public private(set) var amounts = PollutantValues()
    /// Lines added (notation keys and failed lines are not).
    public private(set) var lineCount = 0
    private var notEstimated = Array(repeating: 0, count: AirPollutant.allCases.count)
    private var partial = Array(repeating: 0, count: AirPollutant.allCases.count)

    public init() {}

    /// Lines that count here but have no estimate of the pollutant.
    public func notEstimatedLines(_ pollutant: AirPollutant) -> Int { notEstimated[pollutant.index] }

    /// Lines whose estimate of the pollutant leaves out a part without a factor.
    public func partialLines(_ pollutant: AirPollutant) -> Int { partial[pollutant.index] }

    /// The total of a pollutant is complete when every line estimated all of it.
    public func isComplete(_ pollutant: AirPollutant) -> Bool {
        notEstimated[pollutant.index] == 0 && partial[pollutant.index] == 0
    }

    /// Adds one line's result (the report's sums; an annex's groups of lines).
    public mutating func add(_ result: AirPollutantLineResult) {
        lineCount += 1
        amounts.add(result.amounts)
        for pollutant in AirPollutant.ordered {
            if result.amounts[pollutant] == nil {
                notEstimated[pollutant.index] += 1
            } else if result.partialMask & (1 << pollutant.index) != 0 {
                partial[pollutant.index] += 1
            }
        }
    }

    mutating func merge(_ other: AirPollutantTotals) {
        lineCount += other.lineCount
        amounts.add(other.amounts)
        for index in notEstimated.indices {
            notEstimated[index] += other.notEstimated[index]
            partial[index] += other.partial[index]
        }
    }
}

/// The air pollutants of an inventory: per line, by sub-category and sector, the city's total
/// (scope 1 only) and the power-plant memo of grid energy. Never part of any CO2e figure.
public struct AirPollutantReport: Sendable {
    public let edition: AirPollutantEdition
    /// One result per input line, in order.
    public let results: [AirPollutantLineResult]
    /// Inside the city boundary: every scope-1 line.
    public let total: AirPollutantTotals
    /// Indexed by `Sector.allCases`; scope-1 lines only.
    public let bySector: [AirPollutantTotals]
    /// Indexed by the tree's sub-category order; scope-2 cells hold the memo of their lines.
    public let bySubCategory: [AirPollutantTotals]
    /// Grid-supplied energy: emitted at the power plants (1.A.1.a factors), outside every total.
    public let upstreamPowerMemo: AirPollutantTotals
    public let tree: GPCTree

    /// A sector's scope-1 lines: the sector × pollutant table.
    public func sector(_ sector: Sector) -> AirPollutantTotals {
        bySector[Sector.allCases.firstIndex(of: sector) ?? 0]
    }

    /// One sub-category's lines (the memo for a scope-2 sub-category).
    public func subCategory(_ ref: String) -> AirPollutantTotals? { tree.position(of: ref).map { bySubCategory[$0] } }

    /// Lines whose pollutants cannot be calculated (a city factor without its source or reason).
    public var failedLines: [(index: Int, problems: [FieldProblem])] {
        results.enumerated().compactMap { index, result in result.problems.isEmpty ? nil : (index, result.problems) }
    }
}

extension AirPollutantCalculator {
    /// Calculates every line and sums them: the city total and the sector cells take scope-1 lines
    /// only; scope-2 lines go to the power-plant memo; scope 3, notation keys and failed lines add
    /// nothing. Sums are exact (no rounding). Large inventories are calculated in two halves at once,
    /// as the greenhouse gases are; the halves' cells are added in order, so timing changes nothing.
    public func report(lines: [Line]) -> AirPollutantReport {
        var partials: [AirPartial] = []
        lines.withUnsafeBufferPointer { buffer in
            guard buffer.count >= Calculator.parallelThreshold else {
                partials = [accumulate(buffer, buffer.indices)]
                return
            }
            let middle = buffer.count / 2
            let ranges = [0..<middle, middle..<buffer.count]
            let slots = AirHalves(lines: buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let partial = accumulate(slots.lines, ranges[half])
                slots.partials.withLock { $0[half] = partial }
            }
            partials = slots.partials.withLock { $0.compactMap { $0 } }
        }
        var results: [AirPollutantLineResult] = []
        results.reserveCapacity(lines.count)
        var cells = Array(repeating: AirPollutantTotals(), count: tree.subCategories.count)
        for partial in partials {
            results += partial.results
            for position in cells.indices where partial.cells[position].lineCount > 0 {
                cells[position].merge(partial.cells[position])
            }
        }
        let sectors = Sector.allCases
        var total = AirPollutantTotals()
        var memoTotal = AirPollutantTotals()
        var bySector = Array(repeating: AirPollutantTotals(), count: sectors.count)
        for (position, sub) in tree.subCategories.enumerated() where cells[position].lineCount > 0 {
            if sub.scope == .one {
                total.merge(cells[position])
                bySector[sectors.firstIndex(of: sub.sector) ?? 0].merge(cells[position])
            } else {
                memoTotal.merge(cells[position])
            }
        }
        return AirPollutantReport(
            edition: edition, results: results, total: total, bySector: bySector, bySubCategory: cells,
            upstreamPowerMemo: memoTotal, tree: tree)
    }

    /// What a run of lines adds up to, cell by cell.
    struct AirPartial: Sendable {
        var results: [AirPollutantLineResult] = []
        var cells: [AirPollutantTotals]
    }

    /// Calculates `range` of the lines, read in place: copying each (a dozen strings) would cost
    /// more than its arithmetic.
    func accumulate(_ lines: UnsafeBufferPointer<Line>, _ range: Range<Int>) -> AirPartial {
        var partial = AirPartial(cells: Array(repeating: AirPollutantTotals(), count: tree.subCategories.count))
        partial.results.reserveCapacity(range.count)
        guard let first = lines.baseAddress else { return partial }
        var memo = AirMemo(positions: tree.subCategories.count)
        var details: [AirPollutantDetail]?
        for index in range {
            let line = first + index
            let position = tree.position(of: line.pointee.gpcRef)
            let result = evaluate(line, position: position, memo: &memo, details: &details)
            partial.results.append(result)
            guard let position else { continue }
            switch result.status {
            case .inBoundary, .upstreamMemo: partial.cells[position].add(result)
            case .outsideBoundary, .notation, .failed: continue
            }
        }
        return partial
    }
}

/// The lines both halves read (each only its own range) and the slots they write; `report` waits
/// for both before reading the slots.
private final class AirHalves: @unchecked Sendable {
    let lines: UnsafeBufferPointer<Line>
    let partials = Mutex<[AirPollutantCalculator.AirPartial?]>([nil, nil])

    init(lines: UnsafeBufferPointer<Line>) { self.lines = lines }
}
