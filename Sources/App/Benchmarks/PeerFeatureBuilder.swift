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
                gdpPerPerson = MoneyPerPerson(value: gdp.value / people.value, currency: gdp.currency, year: gdp.year)
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
}
