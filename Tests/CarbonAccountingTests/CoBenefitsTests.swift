import Foundation
import Testing

@testable import CarbonAccounting

/// An action's expected reduction stated as fuel avoided gives both its CO2e and its pollutants.
@Suite struct CoBenefitsTests {
    @Test func coalAvoidedInHomes_givesCO2eAndPollutants() throws {
        // 1,000 t of other bituminous coal no longer burnt in homes: 1,000 × 25.8 GJ/t = 25,800 GJ = 25.8 TJ.
        let avoided = EnergyAvoided(
            gpcRef: "I.1.1", fuel: "Other Bituminous Coal", amount: Activity(value: 1000, unit: .parse("t")!))
        let estimate = try reference.coBenefits(of: avoided, set: .ar5).get()
        // IPCC Table 2.5 residential: CO2 25.8 × 94,600 kg = 2,440.68 t; CH4 25.8 × 300 kg = 7.74 t; N2O 25.8 × 1.5 kg = 0.0387 t.
        // AR5: 2,440.68 + 7.74 × 28 + 0.0387 × 265 = 2,440.68 + 216.72 + 10.2555 = 2,667.6555 t CO2e.
        expectClose(estimate.co2e, 2_667.6555)
        #expect(
            estimate.factor.id
                == "ipcc2006-stationary-residential-and-agriculture-forestry-fishing-stationary-other-bituminous-coal")
        // EMEP/EEA 1.A.4.b.i Table 3-3: 25,800 GJ × 900 g/GJ SOx = 23,220 kg; × 398 g/GJ PM2.5 = 10,268.4 kg.
        expectKg(estimate.pollutants.sox, 23_220)
        expectKg(estimate.pollutants.pm25, 10_268.4)
        // BC = 10,268.4 × 6.4 % = 657.1776 kg.
        expectKg(estimate.pollutants.bc, 657.1776)
        #expect(estimate.upstreamPowerPlant.isEmpty)
        #expect(estimate.details.count == AirPollutant.allCases.count)
    }

    @Test func gridElectricityAvoided_hasNoPollutantsInTheCity() throws {
        let grid = try #require(reference.library.candidates(for: "I.1.2").first { $0.kind == .grid })
        let avoided = EnergyAvoided(gpcRef: "I.1.2", amount: Activity(value: 1000, unit: .parse("MWh")!), factorID: grid.id)
        let estimate = try reference.coBenefits(of: avoided, set: .ar6).get()
        expectClose(estimate.co2e, 1000 * (grid.co2 ?? 0))
        #expect(estimate.pollutants.isEmpty)
    }

    @Test func ambiguousFuelOrUnknownPlace_isAnError() {
        let coal = EnergyAvoided(gpcRef: "I.1.1", fuel: "coal", amount: Activity(value: 1, unit: .parse("t")!))
        #expect(problemColumns(reference.coBenefits(of: coal, set: .ar5)) == ["fuel"])
        let nowhere = EnergyAvoided(gpcRef: "I.9.9", fuel: "Natural Gas", amount: Activity(value: 1, unit: .parse("TJ")!))
        #expect(problemColumns(reference.coBenefits(of: nowhere, set: .ar5)) == ["gpc_ref"])
    }

    func problemColumns(_ result: Result<CoBenefitEstimate, FieldProblems>) -> [String] {
        if case .failure(let problems) = result { return problems.items.map(\.column) }
        return []
    }
}

@Suite struct AirPollutantLibraryTests {
    static let header = "edition,nfr,sector_name,table,fuel_class,pollutant,value,unit,ci_low,ci_high,source,note\n"
    static let good = "2019,1.A.4.b.i,Residential,3-4,Gas,NOx,51,g/GJ,31,71,src,"

    func failure(_ rows: String) -> String? {
        do {
            _ = try AirPollutantLibrary.parse(csv: Self.header + rows)
            return nil
        } catch { return "\(error)" }
    }

    @Test func theBundledFile_loads_withBothEditions() {
        #expect(reference.airPollutants.rows.count == 296)
        #expect(reference.airPollutants.rows.filter { $0.edition == .guidebook2019 }.count == 40)
        #expect(reference.airPollutants.factors(in: .current).allSatisfy { $0.edition == .guidebook2023 })
        #expect(!reference.airPollutants.rows.contains { $0.source.isEmpty })
    }

    @Test func malformedRows_areRefusedWithTheirLine() {
        #expect(failure(Self.good + "\n") == nil)
        #expect(
            failure("2019,1.A.4.b.i,Residential,3-4,Gas,Ozone,51,g/GJ,,,src,\n")?.contains("line 2: unknown pollutant") == true)
        #expect(failure("2019,1.A.4.b.i,Residential,3-4,Gas,NOx,80,g/GJ,31,71,src,\n")?.contains("ci_low ≤ value") == true)
        #expect(failure("2019,1.A.4.b.i,Residential,3-4,Gas,NOx,-1,g/GJ,,,src,\n")?.contains("≥ 0") == true)
        #expect(failure("2019,1.A.4.b.i,Residential,3-4,Gas,BC,120,% of PM2.5,,,src,\n")?.contains("at most 100") == true)
        #expect(failure("2019,1.A.4.b.i,Residential,3-4,Gas,NOx,51,g/GJ,,,,\n")?.contains("missing source") == true)
        #expect(failure(Self.good + "\n" + Self.good + "\n")?.contains("line 3: a second NOx row") == true)
        #expect(
            failure("2023,1.A.3.c,Rail,,Diesel,NOx,1,g/kg fuel,,,src,2019 value not recorded\n")?.contains("gaps2019") == true)
        #expect(failure("1999,1.A.4.b.i,Residential,3-4,Gas,NOx,51,g/GJ,,,src,\n")?.contains("unknown edition") == true)
    }
}
