import Foundation
import Testing

@testable import CarbonAccounting

/// Hand-computed examples from the published factors (IPCC 2006 Vol. 2 Tables 1.2, 1.4, 2.2–2.5;
/// grid factors of grid_emission_factors_ne_asia.csv; GWPs of gwp_100yr.csv).
@Suite struct WorkedExamplesTests {
    @Test func naturalGasInTJ_residential_allThreeGWPSets() {
        // 1,000 TJ of natural gas in homes, IPCC Table 2.5 (residential): CO2 56,100, CH4 5, N2O 0.1 kg/TJ.
        // CO2 = 1,000 × 56,100 kg = 56,100 t; CH4 = 5 t; N2O = 0.1 t.
        let gas = line([
            "gpc_ref": "I.1.1", "activity_value": "1000", "activity_unit": "TJ", "fuel": "Natural Gas", "ef_co2": "56100",
            "ef_ch4": "5", "ef_n2o": "0.1", "ef_unit": "kg/TJ",
        ])
        let ar5 = calculate(gas, .ar5)
        expectClose(ar5.gases.co2, 56_100)
        expectClose(ar5.gases.ch4, 5)
        expectClose(ar5.gases.n2o, 0.1)
        // AR5: 56,100 + 5 × 28 + 0.1 × 265 = 56,100 + 140 + 26.5 = 56,266.5
        expectClose(ar5.co2e, 56_266.5)
        // AR4: 56,100 + 5 × 25 + 0.1 × 298 = 56,254.8
        expectClose(calculate(gas, .ar4).co2e, 56_254.8)
        // AR6, fossil CH4: 56,100 + 5 × 29.8 + 0.1 × 273 = 56,276.3
        expectClose(calculate(gas, .ar6).co2e, 56_276.3)
    }

    @Test func coalInTonnes_convertedThroughNCV() {
        // 1,000 t of other bituminous coal; NCV 25.8 TJ/Gg (Table 1.2) → 1,000 / 1,000 × 25.8 = 25.8 TJ.
        // CO2 = 25.8 × 94,600 kg = 2,440,680 kg = 2,440.68 t; CH4 = 25.8 × 10 kg = 0.258 t; N2O = 25.8 × 1.5 kg = 0.0387 t.
        let coal = line([
            "gpc_ref": "I.3.1", "activity_value": "1000", "activity_unit": "t", "fuel": "Other Bituminous Coal",
            "ef_co2": "94600", "ef_ch4": "10", "ef_n2o": "1.5", "ef_unit": "kg/TJ",
        ])
        let result = calculate(coal)
        expectClose(result.convertedActivity, 25.8)
        expectClose(result.gases.co2, 2_440.68)
        expectClose(result.gases.ch4, 0.258)
        expectClose(result.gases.n2o, 0.0387)
        // AR5: 2,440.68 + 0.258 × 28 + 0.0387 × 265 = 2,440.68 + 7.224 + 10.2555 = 2,458.1595
        expectClose(result.co2e, 2_458.1595)
    }

    @Test func gridElectricity_kWhWithFactorPerMWh() {
        // 250,000,000 kWh = 250,000 MWh in East China 2021 at 0.5992 t CO2/MWh → 149,800 t CO2 (scope 2).
        let power = line([
            "gpc_ref": "I.2.2", "activity_value": "250000000", "activity_unit": "kWh", "ef_co2": "0.5992", "ef_unit": "t/MWh",
        ])
        expectClose(calculate(power).co2e, 149_800)
    }

    @Test func wood_isBiogenic_andItsMethaneNonFossil() {
        // 100 TJ of wood in homes: CO2 100 × 112,000 kg = 11,200 t → biogenic memo, not in CO2e.
        // CH4 100 × 300 kg = 30 t; N2O 100 × 4 kg = 0.4 t.
        let wood = line([
            "gpc_ref": "I.1.1", "activity_value": "100", "activity_unit": "TJ", "fuel": "Wood/Wood Waste", "ef_co2": "112000",
            "ef_ch4": "300", "ef_n2o": "4", "ef_unit": "kg/TJ",
        ])
        let ar6 = calculate(wood, .ar6)
        #expect(ar6.gases.co2 == nil)
        expectClose(ar6.gases.biogenicCO2, 11_200)
        #expect(ar6.methaneOrigin == .nonFossil)
        // AR6 non-fossil CH4 27.0: 30 × 27 + 0.4 × 273 = 810 + 109.2 = 919.2
        expectClose(ar6.co2e, 919.2)
        // AR5 uses 28 for every source: 30 × 28 + 0.4 × 265 = 840 + 106 = 946
        expectClose(calculate(wood, .ar5).co2e, 946)
    }

    @Test func measuredRowNamingABiomassFuel_isStillBiogenic() {
        let biogas = line(["gpc_ref": "I.3.1", "fuel": "Other Biogas", "co2_t": "500", "ch4_t": "1"])
        let result = calculate(biogas, .ar5)
        expectClose(result.gases.biogenicCO2, 500)
        expectClose(result.co2e, 28)
    }

    @Test func methaneCommitment_GPCEquation8_3() {
        // MSW 100,000 t; DOC = 0.15 × 0.5 (food) + 0.4 × 0.2 (paper) = 0.075 + 0.08 = 0.155;
        // L0 = MCF 1.0 × 0.155 × DOCf 0.6 × F 0.5 × 16/12 = 0.062; CH4 = 100,000 × 0.062 × (1 − 0) × (1 − 0.1) = 5,580 t.
        let landfill = line([
            "gpc_ref": "III.1.1", "activity_value": "100000", "activity_unit": "t", "method": "methane_commitment",
            "parameters": "mcf=1.0;food=0.5;paper=0.2;ox=0.1",
        ])
        let result = calculate(landfill)
        expectClose(result.gases.ch4, 5_580)
        #expect(result.methaneOrigin == .nonFossil)
        expectClose(calculate(landfill, .ar6).co2e, 5_580 * 27.0)
    }

    @Test func firstOrderDecay_IPCCEquation3_4to3_6() {
        // Deposits 1,000 t in 2019 and 2020; DOC 0.15, DOCf 0.5, MCF 1 → DDOCm 75 t each year.
        // Stock at end of 2020 = 75 + 75·e^−0.1; decomposed in 2021 = stock × (1 − e^−0.1);
        // CH4 = decomposed × F 0.5 × 16/12.
        let landfill = line([
            "gpc_ref": "III.1.1", "activity_value": "1000", "activity_unit": "t", "method": "first_order_decay",
            "parameters": "history=2019:1000 2020:1000;k=0.1;mcf=1;doc=0.15",
        ])
        let stock = 75 + 75 * exp(-0.1)
        expectClose(calculate(landfill, year: 2021).gases.ch4, stock * (1 - exp(-0.1)) * 0.5 * 16 / 12)
        // A missing year is missing, not zero.
        let gap = line([
            "gpc_ref": "III.1.1", "activity_value": "1000", "activity_unit": "t", "method": "first_order_decay",
            "parameters": "history=2018:1000 2020:1000;k=0.1;mcf=1;doc=0.15",
        ])
        #expect(calculate(gap, year: 2021).problems.contains { $0.message.contains("lacks 2019") })
    }

    @Test func biologicalTreatment_composting_dryBasis() {
        // 10,000 t composted (dry): CH4 10 g/kg → 10,000 × 10 / 1,000 = 100 t; N2O 0.6 g/kg → 6 t.
        let compost = line([
            "gpc_ref": "III.2.1", "activity_value": "10000", "activity_unit": "t", "method": "biological_treatment",
            "parameters": "treatment=composting;basis=dry",
        ])
        let result = calculate(compost)
        expectClose(result.gases.ch4, 100)
        expectClose(result.gases.n2o, 6)
        // AR5: 100 × 28 + 6 × 265 = 2,800 + 1,590 = 4,390
        expectClose(result.co2e, 4_390)
    }

    @Test func compostingWetBasis_requiresTheUncertainN2OFactor() {
        let compost = line([
            "gpc_ref": "III.2.1", "activity_value": "10000", "activity_unit": "t", "method": "biological_treatment",
            "parameters": "treatment=composting;basis=wet",
        ])
        #expect(calculate(compost).problems.contains { $0.message.contains("ef_n2o_g_per_kg is required") })
    }

    @Test func incineration_fossilAndBiogenicCarbon() {
        // 1,000 t; carbon oxidised = 1,000 × dm 0.8 × CF 0.4 × OF 1 = 320 t C.
        // Fossil CO2 = 320 × 0.4 × 44/12 = 469.33… t; biogenic = 320 × 0.6 × 44/12 = 704 t.
        // N2O = 1,000 × 50 g/t / 10⁶ = 0.05 t; CH4 = 1,000 × 0.2 kg/Gg / 10⁶ = 0.0002 t.
        let burn = line([
            "gpc_ref": "III.3.1", "activity_value": "1000", "activity_unit": "t", "method": "incineration",
            "parameters": "dm=0.8;cf=0.4;fcf=0.4;ef_n2o_g_per_t=50;ef_ch4_kg_per_gg=0.2",
        ])
        let result = calculate(burn)
        expectClose(result.gases.co2, 320 * 0.4 * 44 / 12)
        expectClose(result.gases.biogenicCO2, 704)
        expectClose(result.gases.n2o, 0.05)
        expectClose(result.gases.ch4, 0.0002)
    }

    @Test func wastewater_GPCEquation8_8() {
        // TOW = 1,000,000 × 40 g × 0.001 × 1.25 × 365 = 18,250,000 kg BOD; EF = 0.6 × 0.3 = 0.18;
        // CH4 = 18,250,000 × 0.18 = 3,285,000 kg = 3,285 t.
        let sewage = line([
            "gpc_ref": "III.4.1", "activity_value": "1000000", "activity_unit": "person", "method": "wastewater",
            "parameters": "bod=40;i=1.25;b0=0.6;mcf=0.3",
        ])
        expectClose(calculate(sewage).gases.ch4, 3_285)
    }

    @Test func otherSpecies_measured_usesItsGWP() {
        // 2 t SF6 (AR5 23,500) = 47,000 t CO2e; AR6 25,200 → 50,400.
        let sf6 = line(["gpc_ref": "IV.2", "gas": "SF6", "gas_t": "2"])
        expectClose(calculate(sf6, .ar5).co2e, 47_000)
        expectClose(calculate(sf6, .ar6).co2e, 50_400)
    }
}
