import Testing

@testable import Indicators

@Suite struct FormulaTests {
    /// A city with a 2015 base inventory and two versions of 2021; all figures chosen so the
    /// arithmetic can be done by hand.
    static let inputs = CityIndicatorInputs(
        inventories: [
            InventoryFigures(year: 2015, version: 1, source: "platform", gwp: .ar5, totals: [.basic: 10_000_000]),
            InventoryFigures(year: 2021, version: 1, source: "platform", gwp: .ar5, totals: [.basic: 9_000_000]),
            InventoryFigures(
                year: 2021, version: 2, source: "platform", gwp: .ar5, totals: [.basic: 8_800_000, .basicPlus: 9_900_000],
                sectors: [.stationaryEnergy: 5_280_000, .transportation: 2_200_000, .waste: 880_000, .ippu: 440_000],
                requiredCells: 44, coveredCells: 40, verified: true),
        ],
        population: [
            PopulationFigure(year: 2021, value: 4_400_000, kind: .resident, source: "census"),
            PopulationFigure(year: 2020, value: 3_000_000, kind: .registered, source: "yearbook"),
        ],
        gdp: [
            GDPFigure(year: 2021, value: 88_000_000_000, currency: "USD", source: "statistics"),
            GDPFigure(year: 2021, value: 550_000_000_000, currency: "CNY", source: "yearbook"),
        ],
        gdpRealGrowth: (2016...2021).map { year in
            GrowthFigure(year: year, percent: year == 2016 ? 25 : year == 2017 ? 60 : 0, source: "bulletin")
        },
        area: AreaFigure(km2: 2200, source: "directory"),
        waste: [WasteFigures(year: 2021, generatedTonnes: 1_320_000, landfilledTonnes: 660_000, source: "waste lines")],
        gridFactors: [GridFactorFigure(year: 2020, value: 0.6, source: "MEE 2020")],
        actions: [
            ActionFigure(id: "a1", status: .completed, expectedAnnualReduction: 1000, achievedAnnualReduction: 800),
            ActionFigure(id: "a2", status: .inProgress, expectedAnnualReduction: 3000, achievedAnnualReduction: 2600),
            ActionFigure(id: "a3", status: .planned, expectedAnnualReduction: 500),
            ActionFigure(id: "a4", status: .cancelled, expectedAnnualReduction: 900, achievedAnnualReduction: 0),
            ActionFigure(id: "a5", status: .inProgress, expectedAnnualReduction: 500),
        ],
        primaryTarget: TargetFigures(
            id: "t1", kind: .baseYearAbsolute, baseYear: 2015, targetYear: 2030, reductionPercent: 30, percentAchieved: 40,
            progressYear: 2021, source: "climate plan"))

    func value(_ formula: FormulaName, _ unit: IndicatorUnit? = nil, inputs: CityIndicatorInputs = FormulaTests.inputs) -> Double?
    {
        Formulas.evaluate(formula, inputs: inputs, year: 2021, unit: unit).computed?.value
    }

    func reason(_ formula: FormulaName, _ unit: IndicatorUnit? = nil, inputs: CityIndicatorInputs = FormulaTests.inputs) -> String
    {
        Formulas.evaluate(formula, inputs: inputs, year: 2021, unit: unit).missingReason ?? "(has a value)"
    }

    @Test func emissionsPerPerson_usesTheLatestVersionAndResidentPopulation() throws {
        let result = try #require(Formulas.evaluate(.emissionsPerPerson, inputs: Self.inputs, year: 2021).computed)
        // version 2: 8,800,000 t ÷ 4,400,000 residents = 2 t CO2e/person
        expectClose(result.value, 2)
        #expect(result.unit == "t CO2e/person")
        #expect(result.basis == ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5))
        #expect(result.inputs.map(\.role) == ["inventory", "population"])
        #expect(result.inputs[0].detail.contains("2021 version 2, BASIC total 8800000 t CO2e, AR5 GWPs"))
        // in the item's unit kg CO2e/person: 2 × 1000
        expectClose(value(.emissionsPerPerson, "kg CO2e/person"), 2000)
        // BASIC+ on request: 9,900,000 ÷ 4,400,000 = 2.25
        expectClose(
            Formulas.evaluate(.emissionsPerPerson, inputs: Self.inputs, year: 2021, settings: FormulaSettings(basis: .basicPlus))
                .computed?.value,
            2.25)
    }

    @Test func emissionsPerGDP_needsGDPInTheItemsCurrency() {
        // 8,800,000 t ÷ (88,000,000,000 USD ÷ 1,000,000) = 8,800,000 ÷ 88,000 = 100 t CO2e/million USD
        expectClose(value(.emissionsPerGDP, "t CO2e/million USD"), 100)
        // CNY: 8,800,000 ÷ 550,000 = 16 t/million CNY = 0.16 t/10k CNY
        expectClose(value(.emissionsPerGDP, "t CO2e/10k CNY"), 0.16)
        // JPY is not known and no exchange rate is applied
        #expect(reason(.emissionsPerGDP, "t CO2e/million JPY").contains("no exchange rate is applied"))
    }

    @Test func emissionsPerArea_and_sectorShares() {
        // 8,800,000 ÷ 2,200 km² = 4,000 t CO2e/km²
        expectClose(value(.emissionsPerArea), 4000)
        // 5,280,000 / 8,800,000 = 60 %; 2,200,000 / 8,800,000 = 25 %; 880,000 → 10 %; 440,000 → 5 %
        expectClose(value(.sectorShareStationaryEnergy), 60)
        expectClose(value(.sectorShareTransportation), 25)
        expectClose(value(.sectorShareWaste), 10)
        expectClose(value(.sectorShareIPPU), 5)
        #expect(reason(.sectorShareAFOLU) == "sector V is not reported in the 2021 inventory")
    }

    @Test func changeSinceBase_andIntensityChangeFromRealGrowth() {
        // (8,800,000 − 10,000,000) / 10,000,000 × 100 = −12 %
        expectClose(value(.emissionsChangeSinceBase), -12)
        // E ratio 0.88; real growth 1.25 × 1.60 × 1.0⁴ = 2.0; 0.88 / 2 = 0.44 → −56 %
        expectClose(value(.gdpIntensityChangeSinceBase), -56)

        var gap = Self.inputs
        gap.gdpRealGrowth.removeAll { $0.year == 2018 }
        #expect(reason(.gdpIntensityChangeSinceBase, inputs: gap) == "the official real GDP growth rate of 2018 is missing")

        var rebased = Self.inputs
        rebased.inventories[0].gwp = .ar4
        #expect(reason(.emissionsChangeSinceBase, inputs: rebased).contains("re-base from gas-level data first"))
    }

    @Test func gridWasteActionsTargetsAndInventoryQuality() {
        expectClose(value(.gridEmissionFactor), 0.6)  // the 2020 factor is the latest at or before 2021
        // 1,320,000 t × 1,000 ÷ 4,400,000 = 300 kg/person/yr; 660,000 / 1,320,000 = 50 %
        expectClose(value(.wastePerPerson), 300)
        expectClose(value(.landfillShare), 50)
        // not cancelled: a1 a2 a3 a5 = 4; under way or done: a1 a2 a5 = 3 → 75 %
        expectClose(value(.actionImplementationShare), 75)
        // a5 has no achieved figure and is left out: (800 + 2,600) / (1,000 + 3,000) = 85 %
        expectClose(value(.achievedVsExpectedReduction), 85)
        // −30 % from 2015 by 2030: 30 / 15 = 2 %/yr
        expectClose(value(.targetAmbition), 2)
        expectClose(value(.targetProgress), 40)
        // 40 of 44 cells = 90.909… %
        expectClose(value(.inventoryCompleteness), 4000.0 / 44.0)
        #expect(value(.inventoryVerification) == 1)
    }

    @Test func missingInputs_giveMissingWithAReason_neverZero() {
        let empty = CityIndicatorInputs()
        for formula in FormulaName.allCases {
            let result = Formulas.evaluate(formula, inputs: empty, year: 2021)
            #expect(result.computed == nil, "\(formula) gave a value without inputs")
            #expect(!(result.missingReason ?? "").isEmpty, "\(formula) gave no reason")
        }
        #expect(reason(.emissionsPerPerson, inputs: empty) == "no inventory for 2021 or the 5 years before")
    }

    @Test func perPerson_refusesRegisteredPopulation_andCO2OnlyForAGHGItem() {
        var registered = Self.inputs
        registered.population = [PopulationFigure(year: 2021, value: 3_000_000, kind: .registered, source: "yearbook")]
        #expect(reason(.emissionsPerPerson, inputs: registered).contains("registered (hukou)"))

        var ceads = Self.inputs
        ceads.inventories = [
            InventoryFigures(year: 2021, source: "CEADs", gases: .co2Only, gwp: nil, totals: [.territorial: 8_800_000])
        ]
        let settings = FormulaSettings(basis: .territorial)
        let co2 = Formulas.evaluate(.emissionsPerPerson, inputs: ceads, year: 2021, settings: settings)
        #expect(co2.computed?.unit == "t CO2/person")
        let asGHG = Formulas.evaluate(.emissionsPerPerson, inputs: ceads, year: 2021, unit: "t CO2e/person", settings: settings)
        #expect(asGHG.missingReason?.contains("does not convert") == true)
    }

    @Test func targets_onlyAbsoluteAmbition_andNoProgressFromAnotherBasis() {
        var intensity = Self.inputs
        intensity.primaryTarget?.kind = .baseYearIntensityGDP
        #expect(reason(.targetAmbition, inputs: intensity).contains("base_year_intensity_gdp"))

        var estimate = Self.inputs
        estimate.primaryTarget?.progressOnTargetBasis = false
        #expect(reason(.targetProgress, inputs: estimate).contains("estimate on another basis"))
    }

    @Test func lccIndex_computedItemsScoreFromPlatformData() throws {
        let index = try BundledFrameworks.load(.lccIndex)
        let city = CityContext(cityType: "low_carbon_pilot", country: "CN")
        let filled = Assessment(edition: index, year: 2021, city: city).computing(index, from: Self.inputs)
        let scores = index.score(filled)

        // EM01: 2 t CO2e/person on floor 15, benchmark 2 → (2 − 15) / (2 − 15) = 1 → 100
        #expect(scores.item("EM01")?.status == .scored(100))
        // EM03: −12 % on floor 20, benchmark −40 → (−12 − 20) / (−40 − 20) = −32 / −60 = 0.5333… → 53.33…
        expectClose(scores.item("EM03")?.status.score, 32.0 / 60.0 * 100)
        // EM04 applies in China: −56 % is past the benchmark −50 → 100
        #expect(scores.item("EM04")?.status == .scored(100))
        // Sector shares are context only
        #expect(scores.item("EN03")?.status == .context)
        // The entered items are missing, so the composite rests on the computed ones only
        #expect(scores.item("EN02")?.status == .missing(reason: "no value"))
        #expect(filled.responses["EM01"]?.computed?.inputs.count == 2)
    }
}
