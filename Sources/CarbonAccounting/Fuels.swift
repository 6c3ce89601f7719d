import Foundation

/// What the engine knows about a fuel: its net calorific value (to turn mass into energy), its
/// density (to turn volume into mass) and whether it is biomass.
public struct Fuel: Sendable, Hashable {
    public let name: String
    /// TJ per Gg (= GJ per t), IPCC 2006 Vol. 2 Table 1.2.
    public let ncv: Double?
    public let ncvRange: ClosedRange<Double>?
    /// Tonnes per m3 (gases converted from kg/m3).
    public let density: Double?
    public let densitySource: String?
    public let densityConfidence: String?
    public let ncvSource: String?

    /// Biomass fuels of IPCC 2006 Vol. 2 Table 1.1 ("biomass" block): their CO2 is biogenic, reported
    /// as a memo item and never counted in a total (GPC v1.1 §3.3 / Box 6.1).
    public var isBiomass: Bool { Fuel.isBiomass(name) }

    public static func isBiomass(_ name: String) -> Bool {
        let key = normalise(name)
        if biomassNames.contains(key) { return true }
        // Free-typed names a city may use for the same fuels.
        return [
            "wood", "charcoal", "biogas", "biodiesel", "bioethanol", "biogasoline", "biomass", "biofuel", "landfill gas",
            "sludge gas",
        ]
        .contains { key.contains($0) } && !key.contains("non-biomass")
    }

    static let biomassNames: Set<String> = Set(
        [
            "Wood/Wood Waste", "Sulphite Lyes (Black Liquor)", "Other Primary Solid Biomass", "Charcoal", "Biogasoline",
            "Biodiesels", "Other Liquid Biofuels", "Landfill Gas", "Sludge Gas", "Other Biogas",
            "Municipal Wastes (biomass fraction)",
        ].map(normalise))

    static func normalise(_ name: String) -> String {
        name.lowercased().trimmingCharacters(in: .whitespaces).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Fuels by name, case- and space-insensitive.
public struct FuelTable: Sendable {
    private let fuels: [String: Fuel]

    public init(_ fuels: [Fuel]) {
        var table: [String: Fuel] = [:]
        for fuel in fuels { table[Fuel.normalise(fuel.name)] = fuel }
        self.fuels = table
    }

    public subscript(name: String) -> Fuel? {
        let key = Fuel.normalise(name)
        return fuels[key] ?? Self.aliases[key].flatMap { fuels[Fuel.normalise($0)] }
    }

    /// Everyday names of IPCC fuels, so "diesel" or "LPG" in a city's sheet finds its NCV and
    /// density. Only unambiguous names: "coal" or "oil" alone could be several IPCC fuels.
    static let aliases: [String: String] = [
        "diesel": "Diesel Oil", "gasoil": "Gas Oil", "gas/diesel oil": "Diesel Oil", "gasoline": "Motor Gasoline",
        "petrol": "Motor Gasoline", "lpg": "Liquefied Petroleum Gases", "kerosene": "Other Kerosene",
        "jet fuel": "Jet Kerosene", "jet a-1": "Jet Kerosene", "fuel oil": "Residual Fuel Oil",
        "heavy fuel oil": "Residual Fuel Oil",
        "cng": "Natural Gas", "lng": "Natural Gas", "compressed natural gas": "Natural Gas",
        "liquefied natural gas": "Natural Gas",
        "wood": "Wood/Wood Waste", "firewood": "Wood/Wood Waste", "biogas": "Other Biogas",
    ]

    public var all: [Fuel] { fuels.values.sorted { $0.name < $1.name } }

    /// Joins `ipcc2006_fuel_ncv_carbon_co2.csv` and `fuel_densities.csv` by fuel name.
    public static func parse(ncvCSV: String, densityCSV: String?) throws -> FuelTable {
        var densities: [String: (Double, String, String)] = [:]
        if let densityCSV {
            for (offset, row) in try CSV.table(densityCSV).enumerated() {
                guard let name = row["fuel"], let value = row["density"].flatMap(Double.init), let unit = row["unit"] else {
                    throw ReferenceDataError(
                        file: "fuel_densities.csv", line: offset + 2, message: "fuel, density and unit are required")
                }
                let tonnesPerM3: Double
                switch unit.lowercased() {
                case "t/m3", "kg/l": tonnesPerM3 = value
                case "kg/m3": tonnesPerM3 = value / 1000
                default:
                    throw ReferenceDataError(file: "fuel_densities.csv", line: offset + 2, message: "unknown unit \(unit)")
                }
                densities[Fuel.normalise(name)] = (tonnesPerM3, row["source"] ?? "", row["confidence"] ?? "")
            }
        }
        var fuels: [Fuel] = []
        for row in try CSV.table(ncvCSV) {
            guard let name = row["fuel"], !name.isEmpty else { continue }
            let ncv = row["ncv_TJ_per_Gg"].flatMap(Double.init)
            let lower = row["ncv_lower_TJ_per_Gg"].flatMap(Double.init)
            let upper = row["ncv_upper_TJ_per_Gg"].flatMap(Double.init)
            let density = densities[Fuel.normalise(name)]
            fuels.append(
                Fuel(
                    name: name, ncv: ncv, ncvRange: lower.flatMap { l in upper.map { l...$0 } }, density: density?.0,
                    densitySource: density?.1, densityConfidence: density?.2,
                    ncvSource: ncv == nil ? nil : "IPCC 2006 GL Vol. 2 Ch. 1 Table 1.2"))
        }
        return FuelTable(fuels)
    }
}
