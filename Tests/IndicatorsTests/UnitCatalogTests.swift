import Testing

@testable import Indicators

@Suite struct UnitCatalogTests {
    @Test func convertsOnlyThroughExactStatedFactors() {
        let units = UnitCatalog.standard
        // 1 kg per USD = 0.001 t per USD = 1,000 t per million USD
        #expect(units.factor(from: "kg CO2e/USD", to: "t CO2e/million USD") == 1000)
        // 1 t per 10,000 CNY = 100 t per million CNY, and back
        #expect(units.factor(from: "t CO2e/10k CNY", to: "t CO2e/million CNY") == 100)
        #expect(units.factor(from: "t CO2e/million CNY", to: "t CO2e/10k CNY") == 0.01)
        #expect(units.convert(0.35, from: "fraction", to: "%") == 35)
        #expect(units.factor(from: "t  CO2e / person", to: "t CO2e/person") == nil)  // "/ person" is not written that way
        #expect(units.factor(from: "t  CO2e/person", to: "t CO2e/person") == 1)  // inner spaces collapse
        // never across gases, currencies or case
        #expect(units.factor(from: "t CO2/person", to: "t CO2e/person") == nil)
        #expect(units.factor(from: "t CO2e/million CNY", to: "t CO2e/million USD") == nil)
        #expect(units.factor(from: "mt CO2e", to: "t CO2e") == nil)
    }

    @Test func evidence_isALinkARecordOrADocument() {
        #expect(Evidence.parse("https://example.org/plan.pdf").kind == .link)
        #expect(Evidence.parse("inventory-line:42").kind == .record)
        #expect(Evidence.parse("Target:7").kind == .record)
        #expect(Evidence.parse("Plan 2021: p. 14").kind == .document)
    }
}
