import Foundation
import Testing

@testable import CarbonAccounting

@Suite struct TotalsTests {
    /// One measured line of `tonnes` CO2 in a sub-category.
    func measured(_ ref: String, _ tonnes: Double, id: String = "") -> Line {
        line(["line_id": id, "gpc_ref": ref, "co2_t": LineColumns.format(tonnes)])
    }

    func report(_ lines: [Line], level: ReportingLevel = .basic, set: GWPSet = .ar5) -> InventoryReport {
        reference.calculator(set: set, year: 2021).report(lines: lines, level: level)
    }

    @Test func totals_followTheGPCBoundaries() {
        let lines = [
            measured("I.1.1", 100),  // scope 1, BASIC
            measured("I.1.2", 200),  // scope 2, BASIC
            measured("I.1.3", 30),  // scope 3 T&D losses, BASIC+ only
            measured("I.4.4", 4_000),  // generation for the grid: territorial only
            measured("III.1.2", 50),  // waste treated outside: scope 3, BASIC
            measured("III.1.3", 7),  // others' waste treated here: territorial only
            measured("IV.1", 600),  // IPPU: BASIC+ and territorial
            measured("V.1", 80),  // AFOLU: BASIC+ and territorial
            measured("VI.1", 9_000),  // other scope 3: no total
        ]
        let result = report(lines)
        // territorial = scope 1 = 100 + 4,000 + 7 + 600 + 80
        expectClose(result.territorial.co2e, 4_787)
        // BASIC = 100 + 200 + 50
        expectClose(result.basic.co2e, 350)
        // BASIC+ = BASIC + 30 + 600 + 80
        expectClose(result.basicPlus.co2e, 1_060)
        expectClose(result.scope(.two).co2e, 200)
        expectClose(result.scope(.three).co2e, 30 + 50 + 9_000)
        expectClose(result.cell(.stationaryEnergy, .basic).co2e, 300)
        expectClose(result.cell(.waste, .territorial).co2e, 7)
    }

    @Test func missingIsMissing_notZero() {
        let result = report([line(["gpc_ref": "I.1.1", "notation_key": "NO", "explanation": "No fuel use in homes"])])
        #expect(result.basic.co2e == nil)
        #expect(result.sector(.stationaryEnergy).co2e == nil)
        #expect(result.basic.co2e(of: .ch4) == nil)
    }

    @Test func completeness_requiresEveryCellOfTheLevel() {
        let basicRefs = reference.tree.subCategories.filter(\.inBasic).map(\.ref)
        var lines = basicRefs.dropFirst().map { line(["gpc_ref": $0, "notation_key": "NE", "explanation": "Not yet estimated"]) }
        #expect(report(lines).completeness.missing.map(\.subCategory.ref) == [basicRefs[0]])
        lines.append(measured(basicRefs[0], 1))
        #expect(report(lines).completeness.isComplete)
        // BASIC+ also requires scope 3 of I and II, IV and V.
        let plus = report(lines, level: .basicPlus).completeness.missing.map(\.subCategory.ref)
        #expect(plus.contains("I.1.3") && plus.contains("IV.1") && plus.contains("V.3"))
        #expect(!plus.contains("VI.1") && !plus.contains("I.4.4"))
    }

    @Test func biogenicAndMarketBased_areMemoItems() {
        let lines = [
            line(["gpc_ref": "I.1.1", "biogenic_co2_t": "70", "co2_t": "10"]),
            line([
                "gpc_ref": "I.2.2", "activity_value": "1000", "activity_unit": "MWh", "ef_co2": "0.3", "ef_unit": "t/MWh",
                "scope2_method": "market",
            ]),
        ]
        let result = report(lines)
        expectClose(result.basic.co2e, 10)
        expectClose(result.biogenicCO2, 70)
        expectClose(result.marketBasedScope2, 300)
    }

    @Test func property_doublingActivityDoublesEmissions() {
        for value in [1.0, 123.456, 98_765.4321] {
            let single = line([
                "gpc_ref": "II.1.1", "activity_value": LineColumns.format(value), "activity_unit": "TJ", "fuel": "Diesel Oil",
                "ef_co2": "74100", "ef_ch4": "3.9", "ef_n2o": "3.9", "ef_unit": "kg/TJ",
            ])
            var double = single
            double.activity?.value = value * 2
            expectClose(calculate(double).co2e, 2 * calculate(single).co2e!)
        }
    }

    @Test func property_totalsEqualTheSumOfTheirParts() {
        var lines: [Line] = []
        for (index, sub) in reference.tree.subCategories.enumerated() {
            lines.append(line(["gpc_ref": sub.ref, "co2_t": "\(index + 1).25", "ch4_t": "0.\(index + 1)", "n2o_t": "0.01"]))
        }
        let result = report(lines, level: .basicPlus)
        let sectorSum = Sector.allCases.compactMap { result.sector($0).co2e }.reduce(0, +)
        let scopeSum = Scope.allCases.compactMap { result.scope($0).co2e }.reduce(0, +)
        let cellSum = reference.tree.subCategories.compactMap { result.subCategory($0.ref)?.co2e }.reduce(0, +)
        expectClose(scopeSum, sectorSum)
        expectClose(cellSum, sectorSum)
        expectClose(result.territorial.co2e, result.scope(.one).co2e!)
        let gasSum = GasGroup.allCases.compactMap { result.basicPlus.co2e(of: $0) }.reduce(0, +)
        expectClose(result.basicPlus.co2e, gasSum)
        for basis in TotalBasis.allCases {
            let bySector = Sector.allCases.compactMap { result.cell($0, basis).co2e }.reduce(0, +)
            expectClose(result.total(basis).co2e, bySector)
        }
    }

    @Test func property_changingTheGWPSetChangesOnlyNonCO2() {
        let lines = [
            line(["gpc_ref": "I.1.1", "co2_t": "1000", "ch4_t": "2", "n2o_t": "0.5"]),
            line(["gpc_ref": "IV.2", "gas": "HFC134a", "gas_t": "0.1"]),
        ]
        let ar4 = report(lines, level: .basicPlus, set: .ar4)
        let ar6 = report(lines, level: .basicPlus, set: .ar6)
        #expect(ar4.basicPlus.co2e(of: .co2) == ar6.basicPlus.co2e(of: .co2))
        #expect(ar4.basicPlus.mass(of: .ch4) == ar6.basicPlus.mass(of: .ch4))
        #expect(ar4.basicPlus.co2e(of: .ch4) != ar6.basicPlus.co2e(of: .ch4))
        #expect(ar4.basicPlus.co2e(of: .hfcs) != ar6.basicPlus.co2e(of: .hfcs))
        // HFC-134a: 0.1 × 1,430 (AR4) = 143; 0.1 × 1,530 (AR6) = 153
        expectClose(ar4.basicPlus.co2e(of: .hfcs), 143)
        expectClose(ar6.basicPlus.co2e(of: .hfcs), 153)
    }
}

@Suite struct LargeInventoryTests {
    /// Above the parallel threshold the two halves' totals equal the line-by-line sums, the results
    /// stay in line order, and notation keys and memo items of both halves are kept.
    @Test func parallelHalves_giveTheSameTotalsAsLineByLine() {
        let refs = reference.tree.subCategories.map(\.ref)
        var lines: [Line] = []
        for index in 0..<(Calculator.parallelThreshold + 1001) {
            let ref = refs[index % refs.count]
            if index == 4500 {
                lines.append(line(["gpc_ref": "I.7.1", "notation_key": "NO", "explanation": "none"]))
            } else {
                lines.append(
                    line(["line_id": "l\(index)", "gpc_ref": ref, "co2_t": "\(index % 97).5", "ch4_t": "0.0\(index % 7)"]))
            }
        }
        let calculator = reference.calculator(set: .ar6, year: 2021)
        let report = calculator.report(lines: lines, level: .basicPlus)
        #expect(report.results.count == lines.count)
        var expected: [TotalBasis: Double] = [:]
        for (index, line) in lines.enumerated() {
            let result = calculator.calculate(line)
            #expect(report.results[index] == result)
            guard let sub = reference.tree[line.gpcRef], let co2e = result.co2e else { continue }
            for basis in TotalBasis.allCases where sub.counts(in: basis) { expected[basis, default: 0] += co2e }
        }
        for basis in TotalBasis.allCases {
            let actual = report.total(basis).co2e ?? 0
            #expect(abs(actual - expected[basis]!) <= 1e-9 * expected[basis]!, "\(basis)")
        }
        #expect(report.completeness.entries.first { $0.subCategory.ref == "I.7.1" }?.state == .data)
    }
}
