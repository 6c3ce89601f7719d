import Foundation
import Testing

@testable import CarbonAccounting

@Suite struct RulesTests {
    @Test func notationKey_cannotCarryANumber() {
        let found = problems(["gpc_ref": "I.1.1", "notation_key": "NO", "explanation": "none", "co2_t": "5"])
        #expect(found.contains(FieldProblem("co2_t", "a line with a notation key cannot also carry a number")))
    }

    @Test func notationKey_needsAnExplanation_andIENamesWhere() {
        #expect(problems(["gpc_ref": "I.1.1", "notation_key": "NE"]).map(\.column) == ["explanation"])
        #expect(
            problems(["gpc_ref": "I.2.1", "notation_key": "IE", "explanation": "with homes"]).map(\.column) == ["explanation"])
        #expect(problems(["gpc_ref": "I.2.1", "notation_key": "IE", "explanation": "Included in I.1.1"]).isEmpty)
    }

    @Test func aLineWithNothing_isRefused_neverZero() {
        #expect(problems(["gpc_ref": "I.1.1"]).map(\.column) == ["notation_key"])
    }

    @Test func incompatibleUnits_areErrors_notGuesses() {
        let distance = line([
            "gpc_ref": "II.1.1", "activity_value": "100", "activity_unit": "km", "ef_co2": "74100", "ef_unit": "kg/TJ",
            "fuel": "Diesel Oil",
        ])
        #expect(calculate(distance).problems.map(\.column) == ["ef_unit"])
        let noFuel = line([
            "gpc_ref": "I.1.1", "activity_value": "100", "activity_unit": "t", "ef_co2": "56100", "ef_unit": "kg/TJ",
        ])
        #expect(calculate(noFuel).problems.map(\.column) == ["fuel"])
        #expect(
            problems(["gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "barrels", "co2_t": "1"]).map(\.column)
                == ["activity_unit"])
    }

    @Test func badNumbers_andNegatives_nameTheirColumn() {
        #expect(problems(["gpc_ref": "I.1.1", "co2_t": "1,000"]).map(\.column) == ["co2_t"])
        #expect(problems(["gpc_ref": "I.1.1", "co2_t": "-5"]).map(\.column) == ["co2_t"])
        // Removals are allowed in AFOLU.
        #expect(problems(["gpc_ref": "V.2", "co2_t": "-5"]).isEmpty)
        #expect(problems(["gpc_ref": "X.9", "co2_t": "5"]).map(\.column) == ["gpc_ref"])
    }

    @Test func marketBased_onlyOnScope2() {
        #expect(problems(["gpc_ref": "I.1.1", "co2_t": "5", "scope2_method": "market"]).map(\.column) == ["scope2_method"])
    }

    @Test func unitConversions_withPublishedDefinitions() {
        let calc = reference.calculator(set: .ar5)
        let tj = ActivityUnit.parse("TJ")!
        // 1 toe = 41.868 GJ; 1 tce = 29.3076 GJ; 1 GWh = 3.6 TJ.
        expectClose(try? calc.convert(Activity(value: 1000, unit: .parse("toe")!), to: tj, fuel: "").get(), 41.868)
        expectClose(try? calc.convert(Activity(value: 1000, unit: .parse("tce")!), to: tj, fuel: "").get(), 29.3076)
        expectClose(try? calc.convert(Activity(value: 1, unit: .parse("GWh")!), to: tj, fuel: "").get(), 3.6)
        // 2,000 kg of diesel at 43.0 TJ/Gg = 0.002 Gg × 43 = 0.086 TJ.
        expectClose(try? calc.convert(Activity(value: 2000, unit: .parse("kg")!), to: tj, fuel: "Diesel Oil").get(), 0.086)
    }

    @Test func factorUnits_parseWithGasNames() {
        #expect(FactorUnit.parse("tCO2/MWh")?.tonnesPerNumerator == 1)
        #expect(FactorUnit.parse("kgCO2e/kWh")?.denominator.symbol == "kWh")
        #expect(FactorUnit.parse("g/km")?.tonnesPerNumerator == 1e-6)
        #expect(FactorUnit.parse("kg per TJ") == nil)
    }

    @Test func plausibility_warnsOnFarOutFactorsAndJumps() {
        let typo = line([
            "gpc_ref": "I.1.1", "activity_value": "10", "activity_unit": "TJ", "fuel": "Natural Gas", "ef_co2": "561000",
            "ef_unit": "kg/TJ",
        ])
        let calc = reference.calculator(set: .ar5)
        let report = calc.report(lines: [typo], level: .basic)
        let warnings = Plausibility.check(
            lines: [typo], report: report, library: reference.library, calculator: calc, previousTotal: 100,
            population: 5_000_000, previousPopulation: 400_000)
        #expect(Set(warnings.map(\.code)) == [.factorOutsideRange, .totalJump, .populationJump])
        #expect(Plausibility.checkReported(total: 100, scopes: [60, 50, nil])?.code == .scopesExceedTotal)
        #expect(Plausibility.checkReported(total: 100, scopes: [60, 40, nil]) == nil)
    }

    @Test func library_hasProvenanceForEveryFactor() {
        #expect(reference.library.factors.count > 200)
        for factor in reference.library.factors {
            #expect(!factor.publisher.isEmpty && !factor.source.isEmpty && !factor.confidence.isEmpty, "\(factor.id)")
        }
        let gas = reference.library["ipcc2006-stationary-residential-and-agriculture-forestry-fishing-stationary-natural-gas"]
        #expect(gas?.co2 == 56_100 && gas?.ch4 == 5 && gas?.n2o == 0.1)
        #expect(reference.library.candidates(for: "I.1.2").contains { $0.kind == .grid && $0.region.contains("East") })
    }
}

@Suite struct RealWorldInputTests {
    @Test func everydayFuelNames_findTheirIPCCFuel() {
        // 10 t of "diesel": 10 / 1,000 Gg × 43.0 TJ/Gg = 0.43 TJ × 74,100 kg/TJ = 31,863 kg = 31.863 t CO2.
        let diesel = line([
            "gpc_ref": "II.1.1", "activity_value": "10", "activity_unit": "t", "fuel": "diesel", "ef_co2": "74100",
            "ef_unit": "kg/TJ",
        ])
        expectClose(calculate(diesel).gases.co2, 31.863)
        #expect(Fuel.isBiomass("firewood"))
        #expect(reference.fuels["coal"] == nil, "ambiguous names are not guessed")
    }

    @Test func semicolonSeparatedFiles_getAClearError() {
        let result = InventoryCSV.read(
            "gpc_ref;co2_t\nI.1.1;5\n", parser: reference.parser, calculator: reference.calculator(set: .ar5))
        guard case .failure(let problems) = result else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.first?.message.contains("semicolons") == true)
    }
}

@Suite struct TreeLookupTests {
    @Test func everyReference_isFoundByItsFastPath_andLookalikesAreNot() {
        for (position, sub) in reference.tree.subCategories.enumerated() {
            #expect(reference.tree.position(of: sub.ref) == position, "\(sub.ref)")
        }
        for bogus in ["I.01.1", "IIII.1.1", "I.1", "VII.1", "I.1.1.1", "", "i.1.1", "IV.1.0"] {
            #expect(reference.tree.position(of: bogus) == nil, "\(bogus)")
        }
    }
}

@Suite struct SpreadsheetExportTests {
    @Test func emptyRowsAndTrailingEmptyCells_areIgnored_butExtraValuesAreNot() throws {
        let calc = reference.calculator(set: .ar5)
        let sheet = "gpc_ref,co2_t\r\nI.1.1,5,,\r\n,\r\n,,,\r\n"
        let lines = try InventoryCSV.read(sheet, parser: reference.parser, calculator: calc).get()
        #expect(lines.count == 1)
        let extra = InventoryCSV.read("gpc_ref,co2_t\nI.1.1,5,7\n", parser: reference.parser, calculator: calc)
        guard case .failure(let problems) = extra else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.first?.row == 2)
    }

    @Test func unitSpellingsOfOtherTools_areRead() {
        #expect(FactorUnit.parse("kg CO2/TJ")?.tonnesPerNumerator == 1e-3)
        #expect(FactorUnit.parse("t CO2e / MWh")?.denominator.symbol == "MWh")
        #expect(ActivityUnit.parse("Nm3")?.symbol == "m3")
        #expect(ActivityUnit.parse("tonnes")?.symbol == "t")
    }
}
