import Foundation
import Testing

@testable import CarbonAccounting

/// The written-down mapping of `air_pollutants.md` §3 and its documented exceptions.
@Suite struct AirPollutantMappingTests {
    @Test func lpg_takesTheGaseousFuelRows() {
        // No Tier 1 LPG row in stationary combustion: 1 TJ of LPG in homes = 1,000 GJ × 51 g/GJ NOx = 51 kg.
        let lpg = fuelLine("I.1.1", "LPG", "1", unit: "TJ")
        expectKg(air().calculate(lpg).amounts.nox, 51)
        #expect(air().explain(lpg)[0].parts[0].factor.fuelClass == "Gaseous fuels (natural gas, LPG)")
        // In industry, "Gaseous fuels" of 1.A.2: 74 g/GJ.
        expectKg(air().calculate(fuelLine("I.3.1", "LPG", "1", unit: "TJ")).amounts.nox, 74)
    }

    @Test func powerPlants_splitHardAndBrownCoal() {
        // 1.A.1.a: hard coal Table 3-2 (NOx 209 g/GJ), brown coal Table 3-3 (NOx 247, SOx 1,680 g/GJ).
        expectKg(air().calculate(fuelLine("I.4.1", "Anthracite")).amounts.nox, 209)
        let lignite = air().calculate(fuelLine("I.4.1", "Lignite"))
        expectKg(lignite.amounts.nox, 247)
        expectKg(lignite.amounts.sox, 1_680)
        // BC = 3.2 × 1 % = 0.032 kg.
        expectKg(lignite.amounts.bc, 0.032)
    }

    @Test func offRoadMachinery_perTonneOfFuel_withBCAsAMass() {
        // 2 t of diesel in machinery (1.A.2.g.vii, Table 3-1_03, g/t fuel): NOx 2 × 32,629 g = 65.258 kg;
        // PM2.5 2 × 2,104 g = 4.208 kg; BC is a mass here, 2 × 1,306 g = 2.612 kg (not a share of PM2.5).
        let digger = Line(gpcRef: "II.5.1", activity: Activity(value: 2, unit: .parse("t")!), fuel: "Diesel Oil")
        let result = air().calculate(digger)
        expectKg(result.amounts.nox, 65.258)
        expectKg(result.amounts.pm25, 4.208)
        expectKg(result.amounts.bc, 2.612)
        #expect(air().explain(digger).first { $0.pollutant == .bc }?.parts.first?.component == .combustion)
        // Petrol machinery: the file has 4-stroke rows only and a line does not say which engine.
        let mower = Line(gpcRef: "II.5.1", activity: Activity(value: 2, unit: .parse("t")!), fuel: "Motor Gasoline")
        #expect(air().calculate(mower).amounts.isEmpty)
    }

    @Test func railAndShipping_perKgOfFuel() {
        // Rail, 1.A.3.c gas oil: 10 t = 10,000 kg × 52.4 g/kg = 524 kg NOx; no TSP row: not estimated.
        let train = Line(gpcRef: "II.2.1", activity: Activity(value: 10, unit: .parse("t")!), fuel: "Gas Oil")
        expectKg(air().calculate(train).amounts.nox, 524)
        #expect(air().calculate(train).amounts.tsp == nil)
        // Shipping on bunker fuel oil, 1.A.3.d.ii: 10,000 kg × 5.6 g/kg = 56 kg PM2.5.
        let ferry = Line(gpcRef: "II.3.1", activity: Activity(value: 10, unit: .parse("t")!), fuel: "Residual Fuel Oil")
        expectKg(air().calculate(ferry).amounts.pm25, 56)
    }

    @Test func roadWithoutVehicleClass_isNotEstimated_withTheReason() {
        let fleet = Line(gpcRef: "II.1.1", activity: Activity(value: 1, unit: .parse("t")!), fuel: "Diesel Oil")
        #expect(air().calculate(fleet).amounts.isEmpty)
        #expect(
            air().explain(fleet)[0].missing == [
                "road factors depend on the vehicle class: give vehicle (car, light_commercial, heavy_duty, bus, l_category)"
            ])
    }

    @Test func gridEnergyInEnergyUnits_saysWhyTheMemoIsMissing() {
        let power = Line(gpcRef: "I.3.2", activity: Activity(value: 10, unit: .parse("MWh")!), fuel: "Natural Gas")
        #expect(air().calculate(power).status == .upstreamMemo)
        #expect(air().explain(power)[0].missing.contains { $0.contains("needs the fuel burnt") })
    }

    @Test func explain_givesTheSameAmountsAsCalculate() {
        var lines = AirPollutantPropertyTests.mappedLines
        lines.append(
            line(["gpc_ref": "II.1.1", "activity_value": "5000", "activity_unit": "L", "fuel": "diesel", "vehicle": "bus"]))
        lines.append(
            line(["gpc_ref": "I.1.1", "activity_value": "10", "activity_unit": "TJ", "fuel": "Natural Gas", "pm25_t": "1"]))
        for line in lines {
            let amounts = air().calculate(line).amounts
            for detail in air().explain(line) {
                #expect(detail.amount == amounts[detail.pollutant], "\(line.gpcRef) \(line.fuel) \(detail.pollutant)")
                let sum = detail.parts.map(\.amount).reduce(0, +)
                if detail.method == .library { expectClose(sum, detail.amount ?? -1) }
            }
        }
    }

    @Test func report_equalsLineByLine_withManyFuelNames() {
        // More names than the run's short list (16) of fuel names: the rest are found by hash.
        var lines: [Line] = []
        let names = AirFuelGroup.byFuel.keys.sorted() + (0..<30).map { "Fuel \($0)" } + ["diesel", "LPG", "firewood"]
        for (index, name) in names.enumerated() {
            for ref in ["I.1.1", "I.2.1", "I.4.4", "II.1.1", "I.1.2", "III.1.1"] {
                var line = Line(gpcRef: ref, activity: Activity(value: Double(index + 1), unit: .parse("t")!), fuel: name)
                line.vehicle = ref == "II.1.1" ? .heavyDuty : nil
                lines.append(line)
            }
        }
        let calculator = air()
        let report = calculator.report(lines: lines)
        #expect(report.results == lines.map(calculator.calculate))
        var total = PollutantValues()
        for (line, result) in zip(lines, report.results) where reference.tree[line.gpcRef]?.scope == .one {
            total.add(result.amounts)
        }
        for pollutant in AirPollutant.allCases { expectClose(report.total.amounts[pollutant], total[pollutant] ?? -1) }
    }

    @Test func parallelHalves_giveTheSameResultsAndTotalsAsLineByLine() {
        let mapped = AirPollutantPropertyTests.mappedLines + [line(["gpc_ref": "III.1.1", "co2_t": "1"])]
        let lines = (0..<(Calculator.parallelThreshold + 1001)).map { index in
            var line = mapped[index % mapped.count]
            line.activity?.value = Double(index % 97 + 1)
            return line
        }
        let calculator = air()
        let report = calculator.report(lines: lines)
        let single = lines.map(calculator.calculate)
        #expect(report.results == single)
        for sector in Sector.allCases {
            var expected = PollutantValues()
            for (line, result) in zip(lines, single) where reference.tree[line.gpcRef]?.sector == sector {
                expected.add(result.amounts)
            }
            for pollutant in AirPollutant.allCases {
                let actual = report.sector(sector).amounts[pollutant]
                #expect((actual == nil) == (expected[pollutant] == nil), "\(sector) \(pollutant)")
                if let actual, let value = expected[pollutant] { #expect(abs(actual - value) <= 1e-9 * value) }
            }
        }
        #expect(report.sector(.waste).notEstimatedLines(.nox) == lines.filter { $0.gpcRef == "III.1.1" }.count)
    }
}
