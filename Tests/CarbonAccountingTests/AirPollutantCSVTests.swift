import Foundation
import Testing

@testable import CarbonAccounting

/// The template's optional pollutant columns: measured amounts (`nox_t` … `bc_t`), city factors
/// (`ef_nox` … `ef_bc` with `ef_air_unit`, `ef_air_source`, `ef_air_reason`) and `vehicle`.
@Suite struct AirPollutantCSVTests {
    let calc = reference.calculator(set: .ar5, year: 2021)

    func read(_ text: String) -> Result<[Line], ImportProblems> {
        InventoryCSV.read(text, parser: reference.parser, calculator: calc)
    }

    @Test func pollutantColumns_roundTrip() throws {
        let text = #"""
            line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,vehicle,nox_t,pm25_t,ef_sox,ef_bc,ef_air_unit,ef_air_source,ef_air_reason
            plant,I.3.1,500,t,Other Bituminous Coal,94600,10,1.5,kg/TJ,,1.25,,2.5,0.01,kg/t,"MEIC 2020, Table S3",plant's own coal
            bus,II.1.1,3000,L,Diesel Oil,74100,3.9,3.9,kg/TJ,bus,,0.0125,,,,,
            """#
        let lines = try read(text).get()
        #expect(lines[0].measuredPollutants == PollutantValues(nox: 1.25))
        #expect(lines[0].pollutantFactors?.values == PollutantValues(sox: 2.5, bc: 0.01))
        #expect(lines[0].pollutantFactors?.source == "MEIC 2020, Table S3")
        #expect(lines[1].vehicle == .bus)
        let exported = InventoryCSV.write(lines)
        #expect(try read(exported).get() == lines)
        // Only the optional columns in use are written, after the template's.
        let header = exported.split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("comment,vehicle,nox_t,pm25_t,ef_sox,ef_bc,ef_air_unit,ef_air_source,ef_air_reason"))

        // The imported figures: SOx 500 t × 2.5 kg/t = 1,250 kg; BC 500 × 0.01 = 5 kg (a mass here);
        // the bus: 3 m3 × 0.843 t/m3 = 2.529 t × 25.95 g/kg (heavy-duty diesel) = 65.627… kg NOx.
        let report = air().report(lines: lines)
        expectKg(report.results[0].amounts.sox, 1_250)
        expectKg(report.results[0].amounts.bc, 5)
        expectClose(report.results[0].amounts.nox, 1.25)
        expectKg(report.results[1].amounts.nox, 2.529 * 25.95)
        expectClose(report.results[1].amounts.pm25, 0.0125)
    }

    @Test func filesWithoutTheNewColumns_importAndExportExactlyAsBefore() throws {
        let text = """
            line_id,gpc_ref,notation_key,explanation,description,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,co2_t,ch4_t,n2o_t,gas,gas_t,biogenic_co2_t,method,parameters,scope2_method,data_quality,source,comment\r
            a1,I.1.1,,,Homes,1234.5678,TJ,Natural Gas,56100,5,0.1,kg/TJ,,,,,,,,,,H,IPCC,\r
            a2,I.2.1,IE,Included in I.1.1,,,,,,,,,,,,,,,,,,,,\r

            """
        let lines = try read(text).get()
        #expect(lines.allSatisfy { $0.factorID.isEmpty && $0.vehicle == nil && $0.measuredPollutants.isEmpty })
        #expect(InventoryCSV.write(lines) == text.replacingOccurrences(of: "\r\n\r\n", with: "\r\n"))
    }

    @Test func badPollutantInput_getsClearErrors() {
        let base = ["gpc_ref": "I.1.1", "activity_value": "1", "activity_unit": "TJ", "fuel": "Natural Gas"]
        func columns(_ extra: [String: String]) -> [String] { problems(base.merging(extra) { _, new in new }).map(\.column) }
        #expect(columns(["nox_t": "1,5"]) == ["nox_t"])
        #expect(columns(["pm10_t": "-1"]) == ["pm10_t"])
        #expect(columns(["vehicle": "spaceship"]) == ["vehicle"])
        #expect(columns(["ef_nox": "40"]) == ["ef_air_unit", "ef_air_source", "ef_air_reason"])
        #expect(columns(["ef_air_source": "CAPSS"]) == ["ef_air_source"])
        #expect(
            columns(["nox_t": "1", "ef_nox": "40", "ef_air_unit": "g/GJ", "ef_air_source": "x", "ef_air_reason": "y"]) == [
                "ef_nox"
            ])
        // A factor per vehicle-km cannot apply to fuel in TJ.
        #expect(
            columns(["ef_pm10": "0.01", "ef_air_unit": "g/vkm", "ef_air_source": "x", "ef_air_reason": "y"]) == ["ef_air_unit"])
        // Vehicles are for on-road lines; pollutants for scope-1 lines; numbers never with a notation key.
        #expect(columns(["vehicle": "car"]) == ["vehicle"])
        #expect(
            problems([
                "gpc_ref": "I.1.2", "activity_value": "5", "activity_unit": "MWh", "ef_co2": "0.5", "ef_unit": "t/MWh",
                "nox_t": "1",
            ])
            .map(\.column) == ["nox_t"])
        #expect(
            problems(["gpc_ref": "I.1.1", "notation_key": "NO", "explanation": "none", "nox_t": "1"]).map(\.column) == ["nox_t"])
        // An unknown column is still refused with the list of known ones.
        guard
            case .failure(let found) = InventoryCSV.read(
                "gpc_ref,co2_t,nox_kg\nI.1.1,5,1\n", parser: reference.parser, calculator: calc)
        else {
            Issue.record("should fail")
            return
        }
        #expect(found.items.first?.column == "nox_kg")
    }
}
