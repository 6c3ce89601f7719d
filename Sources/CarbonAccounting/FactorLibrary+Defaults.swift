import Foundation

extension FactorLibrary {
    /// The library's default greenhouse-gas factor for a fuel in a sub-category: the IPCC 2006
    /// stationary factor of the sub-category's IPCC sector (Tables 2.2–2.5) or the mobile factor of
    /// its mode (Tables 3.2.2, 3.3.1). Never a guess: an ambiguous or unknown fuel name, a fuel
    /// without a default there, or several defaults with different values (e.g. petrol cars by
    /// catalyst technology) are problems naming the column to fix. Defaults whose values are all
    /// the same (diesel off-road machinery in agriculture, forestry, industry and households) are
    /// one factor in effect: the first is cited.
    public func defaultFactor(for ref: String, fuel name: String, fuels: FuelTable) -> Result<EmissionFactor, FieldProblem> {
        guard let fuel = fuels[name] else {
            if let candidates = FuelTable.ambiguousNames[Fuel.normalise(name)] {
                return .failure(
                    FieldProblem(
                        "fuel",
                        "“\(name)” is ambiguous: it could be \(candidates.joined(separator: ", ")); name the IPCC fuel or give emission factors"
                    ))
            }
            return .failure(
                FieldProblem(
                    "fuel",
                    "“\(name)” is not a fuel the library knows: name an IPCC 2006 fuel (e.g. Natural Gas, Diesel Oil) or give emission factors"
                ))
        }
        let found = (byRefAndFuel["\(ref)|\(Fuel.normalise(fuel.name))"] ?? []).map { factors[$0] }
        guard let first = found.first else {
            return .failure(
                FieldProblem(
                    "ef_co2",
                    "the library has no default factor for \(fuel.name) in \(ref): give ef_co2, ef_ch4, ef_n2o with ef_unit"))
        }
        if found.contains(where: { $0.co2 != first.co2 || $0.ch4 != first.ch4 || $0.n2o != first.n2o || $0.unit != first.unit }) {
            return .failure(
                FieldProblem(
                    "ef_id",
                    "several library factors fit \(fuel.name) in \(ref) (\(found.map(\.id).joined(separator: ", "))): name one in ef_id or give the factors"
                ))
        }
        return .success(first)
    }
}

extension FuelTable {
    /// Everyday names that could mean several IPCC fuels with different factors: an import names
    /// the candidates instead of picking one.
    public static let ambiguousNames: [String: [String]] = [
        "coal": ["Anthracite", "Coking Coal", "Other Bituminous Coal", "Sub-Bituminous Coal", "Lignite"],
        "hard coal": ["Anthracite", "Coking Coal", "Other Bituminous Coal"],
        "brown coal": ["Sub-Bituminous Coal", "Lignite", "Brown Coal Briquettes"],
        "oil": ["Crude Oil", "Gas Oil", "Other Kerosene", "Residual Fuel Oil"],
        "heating oil": ["Gas Oil", "Other Kerosene", "Residual Fuel Oil"],
        "gas": ["Natural Gas", "Liquefied Petroleum Gases", "Gas Works Gas", "Coke Oven Gas"],
        "coke": ["Coke Oven Coke and Lignite Coke", "Gas Coke", "Petroleum Coke"],
        "biomass": ["Wood/Wood Waste", "Other Primary Solid Biomass", "Charcoal"],
        "biofuel": ["Biodiesels", "Biogasoline", "Other Liquid Biofuels"],
        "waste": ["Municipal Wastes (non-biomass fraction)", "Municipal Wastes (biomass fraction)", "Industrial Wastes"],
    ]
}
