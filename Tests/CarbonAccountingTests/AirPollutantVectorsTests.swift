import Foundation
import Testing

@testable import CarbonAccounting

/// The worked vectors of `air_pollutants.md` §6 (T1–T10), recomputed by hand from the factor file:
/// stationary factors are g/GJ, so 1,000 GJ × f g/GJ = f kg; road exhaust is g/kg of fuel, so
/// 1 t = 1,000 kg × f g/kg = f kg. "2026" is the current edition (EEA database 2026 download).
@Suite struct AirPollutantVectorsTests {
    @Test func t1_naturalGas_homes_andT10_sameLineGivesTheGreenhouseGases() {
        let gas = fuelLine("I.1.1", "Natural Gas")
        let result = air().calculate(gas)
        #expect(result.status == .inBoundary)
        // 1.A.4.b.i Table 3-4: NOx 51, CO 26, NMVOC 1.9, SOx 0.3, TSP = PM10 = PM2.5 = 1.2 g/GJ.
        expectKg(result.amounts.nox, 51)
        expectKg(result.amounts.co, 26)
        expectKg(result.amounts.nmvoc, 1.9)
        expectKg(result.amounts.sox, 0.3)
        expectKg(result.amounts.tsp, 1.2)
        expectKg(result.amounts.pm10, 1.2)
        expectKg(result.amounts.pm25, 1.2)
        // BC = PM2.5 × 5.4 % = 1.2 × 0.054 = 0.0648 kg.
        expectKg(result.amounts.bc, 0.0648)
        // No NH3 row for residential gas: not estimated, never zero.
        #expect(result.amounts.nh3 == nil)
        let nox = air().explain(gas).first { $0.pollutant == .nox }
        #expect(nox?.parts.first?.factor.table == "3-4")
        #expect(nox?.parts.first?.factor.edition == .guidebook2023)
        #expect(nox?.parts.first?.factor.confidenceInterval == 31...71)
        #expect(air().explain(gas).first { $0.pollutant == .nh3 }?.missing.isEmpty == false)

        // T10: the same line takes IPCC 2006 Table 2.5 by default: 1,000 GJ = 1 TJ × 56,100 kg/TJ
        // = 56.1 t CO2; CH4 1 × 5 kg = 0.005 t; N2O 1 × 0.1 kg = 0.0001 t.
        #expect(gas.factorID == "ipcc2006-stationary-residential-and-agriculture-forestry-fishing-stationary-natural-gas")
        let greenhouse = calculate(gas)
        expectClose(greenhouse.gases.co2, 56.1)
        expectClose(greenhouse.gases.ch4, 0.005)
        expectClose(greenhouse.gases.n2o, 0.0001)
    }

    @Test func t2_naturalGas_commercial() {
        let result = air().calculate(fuelLine("I.2.1", "Natural Gas"))
        // 1.A.4.a.i Table 3-8: NOx 74, CO 29, NMVOC 23, SOx 0.67, PM2.5 0.78 g/GJ; BC 0.78 × 4 % = 0.0312.
        expectKg(result.amounts.nox, 74)
        expectKg(result.amounts.co, 29)
        expectKg(result.amounts.nmvoc, 23)
        expectKg(result.amounts.sox, 0.67)
        expectKg(result.amounts.pm25, 0.78)
        expectKg(result.amounts.bc, 0.0312)
    }

    @Test func t3_coal_homes_inGJ_andInTonnesThroughTheNCV() {
        let result = air().calculate(fuelLine("I.1.1", "Other Bituminous Coal"))
        // 1.A.4.b.i Table 3-3 (hard coal and brown coal).
        expectKg(result.amounts.nox, 110)
        expectKg(result.amounts.co, 4_600)
        expectKg(result.amounts.nmvoc, 484)
        expectKg(result.amounts.sox, 900)
        expectKg(result.amounts.nh3, 0.3)
        expectKg(result.amounts.tsp, 444)
        expectKg(result.amounts.pm10, 404)
        expectKg(result.amounts.pm25, 398)
        // BC = 398 × 6.4 % = 25.472 kg.
        expectKg(result.amounts.bc, 25.472)
        // 100 t × 25.8 GJ/t (IPCC Table 1.2 NCV) = 2,580 GJ × 110 g/GJ = 283,800 g = 283.8 kg NOx.
        expectKg(air().calculate(fuelLine("I.1.1", "Other Bituminous Coal", "100", unit: "t")).amounts.nox, 283.8)
    }

    @Test func t4_wood_homes_NH3ChangesWithTheEdition() {
        let wood = fuelLine("I.1.1", "Wood/Wood Waste")
        let current = air().calculate(wood)
        // 1.A.4.b.i Table 3-6: NOx 50, CO 4,000, NMVOC 600, SOx 11, NH3 8, PM2.5 740; BC 740 × 10 % = 74.
        expectKg(current.amounts.nox, 50)
        expectKg(current.amounts.co, 4_000)
        expectKg(current.amounts.nmvoc, 600)
        expectKg(current.amounts.sox, 11)
        expectKg(current.amounts.nh3, 8)
        expectKg(current.amounts.pm25, 740)
        expectKg(current.amounts.bc, 74)
        // The 2019 edition: NH3 70 g/GJ → 70 kg; everything else the same.
        let old = air(.guidebook2019).calculate(wood)
        expectKg(old.amounts.nh3, 70)
        expectKg(old.amounts.pm25, 740)
        // Wood's CO2 is biogenic: a memo, while its pollutants count in the city.
        #expect(calculate(wood).gases.co2 == nil)
        expectClose(calculate(wood).gases.biogenicCO2, 112)
    }

    @Test func t5_heatingOil_homes() {
        // Gas oil and kerosene are the residential "other liquid fuels (gas oil, heating oil)", Table 3-5.
        for fuel in ["Gas Oil", "Other Kerosene"] {
            let result = air().calculate(fuelLine("I.1.1", fuel))
            expectKg(result.amounts.nox, 51)
            expectKg(result.amounts.co, 57)
            expectKg(result.amounts.nmvoc, 0.69)
            expectKg(result.amounts.sox, 70)
            expectKg(result.amounts.pm25, 1.9)
            // BC = 1.9 × 8.5 % = 0.1615 kg.
            expectKg(result.amounts.bc, 0.1615)
        }
    }

    @Test func t6_coal_powerPlantInTheCity() {
        let plant = fuelLine("I.4.4", "Other Bituminous Coal")
        let result = air().calculate(plant)
        // 1.A.1.a Table 3-2 (hard coal): NOx 209, CO 8.7, SOx 820, PM10 7.7, PM2.5 3.4; BC 3.4 × 2.2 % = 0.0748.
        expectKg(result.amounts.nox, 209)
        expectKg(result.amounts.co, 8.7)
        expectKg(result.amounts.sox, 820)
        expectKg(result.amounts.tsp, 11.4)
        expectKg(result.amounts.pm10, 7.7)
        expectKg(result.amounts.pm25, 3.4)
        expectKg(result.amounts.bc, 0.0748)
        // I.4.4 is outside BASIC but inside the boundary: its pollutants are the city's.
        let report = air().report(lines: [plant])
        expectKg(report.total.amounts.nox, 209)
        expectKg(report.sector(.stationaryEnergy).amounts.nox, 209)
    }

    @Test func t7_dieselLorries_bothEditions() throws {
        let lorry = line([
            "gpc_ref": "II.1.1", "activity_value": "1", "activity_unit": "t", "fuel": "Diesel Oil", "vehicle": "heavy_duty",
        ])
        #expect(lorry.factorID == "ipcc2006-mobile-road-diesel-oil")
        let current = air().calculate(lorry)
        // 1 t = 1,000 kg × 25.95 g/kg = 25.95 kg NOx (Tables 3-5_06, 3-6_06).
        expectKg(current.amounts.nox, 25.95)
        expectKg(current.amounts.co, 6.10)
        expectKg(current.amounts.nmvoc, 0.90)
        expectKg(current.amounts.tsp, 0.55)
        // Non-exhaust: 1,000,000 g ÷ 216.8 g/km (Table 3-15) = 4,612.5 vehicle-km × (0.059 + 0.038) g/vkm.
        let vehicleKm = 1_000_000 / 216.8
        expectKg(current.amounts.pm10, vehicleKm * (0.059 + 0.038) / 1000)
        // Exhaust PM is listed as TSP only, wear as PM10/PM2.5 only: both sums leave a part out.
        #expect(current.isPartial(.pm10) && current.isPartial(.tsp))
        #expect(current.amounts.sox == nil && current.amounts.bc == nil)

        let old = air(.guidebook2019).calculate(lorry)
        expectKg(old.amounts.nox, 33.37)
        expectKg(old.amounts.co, 7.58)
        expectKg(old.amounts.nmvoc, 1.92)
        expectKg(old.amounts.tsp, 0.94)
        // The file does not hold the 2019 heavy-vehicle wear factors: not estimated, not the 2026 value.
        #expect(old.amounts.pm10 == nil)
        let reasons = air(.guidebook2019).explain(lorry).first { $0.pollutant == .pm10 }?.missing ?? []
        #expect(reasons.contains { $0.contains("2019 value was not recorded") })
    }

    @Test func t8_petrolCars_bothEditions() {
        // Petrol's IPCC road defaults differ by technology: the line names one in ef_id.
        let car = line([
            "gpc_ref": "II.1.1", "activity_value": "1", "activity_unit": "t", "fuel": "Motor Gasoline", "vehicle": "car",
            "ef_id": "ipcc2006-mobile-road-motor-gasoline-oxidation-catalyst",
        ])
        #expect(car.factors?.ch4 == 25 && car.factors?.n2o == 8)
        let current = air().calculate(car)
        expectKg(current.amounts.nox, 3.98)
        expectKg(current.amounts.co, 48.36)
        expectKg(current.amounts.nmvoc, 7.75)
        expectKg(current.amounts.tsp, 0.02)
        let old = air(.guidebook2019).calculate(car)
        expectKg(old.amounts.nox, 8.73)
        expectKg(old.amounts.co, 84.7)
        expectKg(old.amounts.nmvoc, 10.05)
        expectKg(old.amounts.tsp, 0.03)
    }

    @Test func t9_roadNonExhaust_perVehicleKm() {
        let cars = line([
            "gpc_ref": "II.1.1", "activity_value": "10000", "activity_unit": "vehicle-km", "fuel": "Motor Gasoline",
            "vehicle": "car", "ef_co2": "150", "ef_unit": "g/vkm",
        ])
        let result = air().calculate(cars)
        // Tyre and brake wear 3-1b + road abrasion 3-2b: PM10 10,000 × (0.0184 + 0.0075) g = 184 + 75 g = 0.259 kg;
        // PM2.5 10,000 × (0.0093 + 0.0041) g = 93 + 41 g = 0.134 kg.
        expectKg(result.amounts.pm10, 0.259)
        expectKg(result.amounts.pm25, 0.134)
        // Exhaust from fuel = 10,000 vkm × 61.9 g/km = 619 kg × 3.98 g/kg = 2,463.62 g = 2.46362 kg NOx.
        expectKg(result.amounts.nox, 2.46362)
        let pm10 = air().explain(cars).first { $0.pollutant == .pm10 }
        #expect(pm10?.parts.map(\.component) == [.tyreAndBrakeWear, .roadAbrasion])
        #expect(pm10?.parts.first?.factor.table == "3-1b")
    }
}
