import Foundation
import Indicators

/// The peer-matching features of a city from its inputs and facts. A feature the city lacks is
/// nil (left out of every distance and said), never 0.
enum PeerFeatureBuilder {
    static func features(inputs: CityIndicatorInputs, facts: Facts) -> PeerFeatures {
        let population =
            (inputs.population.filter { $0.kind != .registered }.max { $0.year < $1.year }
                ?? inputs.population.max { $0.year < $1.year })
        var gdpPerPerson: MoneyPerPerson?
        // GDP per person in the year of a population figure, at current prices (the year's own money).
        for gdp in inputs.gdp.sorted(by: { $0.year > $1.year }) where gdp.priceBasis == .current {
            if let people = inputs.population.first(where: { $0.year == gdp.year && $0.kind != .registered }), people.value > 0 {
                let money = currencyUnit(gdp.currency)
                gdpPerPerson = MoneyPerPerson(
                    value: gdp.value * money.scale / people.value, currency: money.currency, year: gdp.year)
                break
            }
        }
        var emissions: EmissionsPerPerson?
        if let latest = inputs.inventories.map(\.year).max(),
            case .value(let computed) = Formulas.evaluate(.emissionsPerPerson, inputs: inputs, year: latest)
        {
            emissions = EmissionsPerPerson(value: computed.value, basis: computed.basis, year: computed.year ?? latest)
        }
        let hdd = facts.other["heating_degree_days"]?.last?.value
        let cdd = facts.other["cooling_degree_days"]?.last?.value
        return PeerFeatures(
            id: "", population: population?.value, areaKm2: inputs.area?.km2, gdpPerPerson: gdpPerPerson,
            climate: hdd == nil && cdd == nil
                ? nil : Climate(heatingDegreeDays: hdd, coolingDegreeDays: cdd, source: "city facts"),
            serviceShare: facts.other["service_share"]?.last?.value, industryShare: facts.other["industry_share"]?.last?.value,
            emissionsPerPerson: emissions)
    }

    /// "CNY million current" → CNY × 1,000,000: GDP per person is in the currency's own unit, so that
    /// a yearbook series in millions compares with a figure in units.
    static func currencyUnit(_ unit: String) -> (currency: String, scale: Double) {
        let words = unit.split(separator: " ").map(String.init)
        guard let currency = words.first else { return (unit, 1) }
        let scale: Double =
            words.contains("billion") ? 1e9 : words.contains("million") ? 1e6 : words.contains("thousand") ? 1e3 : 1
        return (currency, scale)
    }
}
