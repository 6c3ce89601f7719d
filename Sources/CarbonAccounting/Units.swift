import Foundation

/// What a quantity measures. Conversions exist within a dimension; between mass, volume and
/// energy only through a fuel's density and net calorific value.
public enum Dimension: String, Sendable, CaseIterable {
    case energy, mass, volume, distance
    case vehicleDistance = "vehicle distance"
    case passengerDistance = "passenger distance"
    case population
}

/// A unit of activity, with its size in the base unit of its dimension
/// (energy TJ, mass t, volume m3, distance km, population person).
public struct ActivityUnit: Sendable, Hashable, CustomStringConvertible {
    public let symbol: String
    public let dimension: Dimension
    public let inBase: Double

    public var description: String { symbol }

    /// The units the platform accepts. Sources: SI; kWh = 3.6 MJ; toe = 41.868 GJ (IEA/OECD
    /// definition); tce = 29.3076 GJ (China's standard coal equivalent, 7,000 kcal/kg, GB/T 2589).
    public static let all: [ActivityUnit] = [
        .init(symbol: "TJ", dimension: .energy, inBase: 1),
        .init(symbol: "GJ", dimension: .energy, inBase: 1e-3),
        .init(symbol: "MJ", dimension: .energy, inBase: 1e-6),
        .init(symbol: "kWh", dimension: .energy, inBase: 3.6e-6),
        .init(symbol: "MWh", dimension: .energy, inBase: 3.6e-3),
        .init(symbol: "GWh", dimension: .energy, inBase: 3.6),
        .init(symbol: "toe", dimension: .energy, inBase: 41.868e-3),
        .init(symbol: "tce", dimension: .energy, inBase: 29.3076e-3),
        .init(symbol: "g", dimension: .mass, inBase: 1e-6),
        .init(symbol: "kg", dimension: .mass, inBase: 1e-3),
        .init(symbol: "t", dimension: .mass, inBase: 1),
        .init(symbol: "Gg", dimension: .mass, inBase: 1e3),
        .init(symbol: "m3", dimension: .volume, inBase: 1),
        .init(symbol: "L", dimension: .volume, inBase: 1e-3),
        .init(symbol: "kL", dimension: .volume, inBase: 1),
        .init(symbol: "km", dimension: .distance, inBase: 1),
        .init(symbol: "vehicle-km", dimension: .vehicleDistance, inBase: 1),
        .init(symbol: "passenger-km", dimension: .passengerDistance, inBase: 1),
        .init(symbol: "person", dimension: .population, inBase: 1),
    ]

    private static let bySymbol: [String: ActivityUnit] = {
        var table: [String: ActivityUnit] = [:]
        for unit in all {
            table[unit.symbol.lowercased()] = unit
            table[unit.symbol] = unit
        }
        // Common spellings of the same units.
        let aliases: [String: String] = [
            "m³": "m3", "l": "L", "tonne": "t", "tonnes": "t", "kl": "kL", "vkm": "vehicle-km", "pkm": "passenger-km",
            "persons": "person", "people": "person", "capita": "person",
            // Normal cubic metres (0 °C, 1 atm): the reference conditions of the natural gas density.
            "nm3": "m3", "nm³": "m3",
        ]
        for (alias, symbol) in aliases { table[alias] = table[symbol.lowercased()] }
        return table
    }()

    public static func parse(_ text: String) -> ActivityUnit? {
        bySymbol[text] ?? bySymbol[text.trimmed.lowercased()]
    }

    /// The factor that turns a value in `self` into a value in `other` (same dimension only).
    public func factor(to other: ActivityUnit) -> Double? {
        dimension == other.dimension ? inBase / other.inBase : nil
    }
}

/// An emission factor's unit: mass of gas per unit of activity, e.g. `kg/TJ`, `t/MWh`, `g/km`.
public struct FactorUnit: Sendable, Hashable, CustomStringConvertible {
    /// Tonnes of gas per one unit of the numerator (g = 1e-6, kg = 1e-3, t = 1, Gg = 1000).
    public let tonnesPerNumerator: Double
    public let numerator: String
    public let denominator: ActivityUnit

    public var description: String { "\(numerator)/\(denominator.symbol)" }

    public static func parse(_ text: String) -> FactorUnit? {
        let parts = text.trimmed.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let mass = String(parts[0]).trimmed
        // "tCO2/MWh", "kgCO2e/kWh" and "kg CO2/TJ" name the gas in the numerator; the mass unit is what counts.
        var massUnit = mass.lowercased()
        for gas in ["co2e", "co2eq", "co2", "ch4", "n2o"] where massUnit.hasSuffix(gas) && massUnit.count > gas.count {
            massUnit.removeLast(gas.count)
            massUnit = massUnit.trimmed
            break
        }
        let tonnes: Double
        switch massUnit {
        case "g": tonnes = 1e-6
        case "kg": tonnes = 1e-3
        case "t", "tonne": tonnes = 1
        case "gg": tonnes = 1e3
        default: return nil
        }
        guard let denominator = ActivityUnit.parse(String(parts[1])) else { return nil }
        return FactorUnit(tonnesPerNumerator: tonnes, numerator: mass, denominator: denominator)
    }
}
