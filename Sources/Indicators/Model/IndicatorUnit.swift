import Foundation

/// The unit of a quantitative item, written as a symbol from a ``UnitCatalog`` ("t CO2e/person").
public struct IndicatorUnit: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let symbol: String

    public init(_ symbol: String) { self.symbol = symbol }
    public init(stringLiteral value: String) { self.symbol = value }
    public var description: String { symbol }
}

/// The units the platform knows, each tied to a canonical unit by an exact factor.
///
/// Two units convert only when they share a canonical unit: nothing is converted by guesswork
/// (no exchange rates, no days per year, no GWPs). A value entered as "850 kg CO2e/person" for an
/// item in "t CO2e/person" is accepted as 0.85; "t CO2/person" is refused for the same item,
/// because CO2 alone is a different quantity from all greenhouse gases.
public struct UnitCatalog: Sendable {
    /// How one unit relates to its canonical unit: value in canonical = value × `factor`.
    public struct Entry: Sendable, Hashable {
        public let symbol: String
        public let canonical: String
        public let factor: Double
    }

    /// Every known unit by its normalised symbol.
    public private(set) var entries: [String: Entry] = [:]

    /// An empty catalog; ``standard`` is the platform's.
    public init() {}

    /// Adds a canonical unit (factor 1 to itself).
    public mutating func add(_ symbol: String) {
        let key = Self.normalise(symbol)
        entries[key] = Entry(symbol: key, canonical: key, factor: 1)
    }

    /// Adds `symbol` as `factor` × `canonical` (an alias when the factor is 1).
    public mutating func add(_ symbol: String, as canonical: String, factor: Double) {
        let key = Self.normalise(symbol)
        entries[key] = Entry(symbol: key, canonical: Self.normalise(canonical), factor: factor)
    }

    /// The catalog entry for a written unit, or nil when the unit is unknown.
    public func entry(_ text: String) -> Entry? { entries[Self.normalise(text)] }

    /// True when the catalog knows the written unit.
    public func isKnown(_ text: String) -> Bool { entry(text) != nil }

    /// The factor that turns a value in `from` into a value in `to`, or nil when the two units do
    /// not share a canonical unit. The same unit gives exactly 1.
    public func factor(from: String, to: String) -> Double? {
        guard let source = entry(from), let target = entry(to), source.canonical == target.canonical else { return nil }
        if source.symbol == target.symbol { return 1 }
        return source.factor / target.factor
    }

    /// `value` in `from` expressed in `to`, or nil when they do not convert.
    public func convert(_ value: Double, from: String, to: String) -> Double? {
        guard let factor = factor(from: from, to: to) else { return nil }
        return factor == 1 ? value : value * factor
    }

    /// Trims and collapses inner runs of spaces, so "t  CO2e / person" and "t CO2e/person" differ
    /// only where a person would see a difference. Case is kept: "Mt" is not "mt".
    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension UnitCatalog {
    /// Currencies in which per-GDP and per-person money units exist (SPEC §3: GDP with currency).
    public static let currencies = ["USD", "CNY", "JPY", "KRW", "EUR", "HKD", "MNT", "RUB"]

    /// The platform's units. Factors are exact decimal prefixes (kilo, mega, 10,000 as in China's
    /// "per 10,000 yuan" statistics) or identities; no factor depends on a year, a price or a GWP.
    public static let standard: UnitCatalog = {
        var catalog = UnitCatalog()
        catalog.add("%")
        catalog.add("fraction", as: "%", factor: 100)
        catalog.add("%/yr")
        catalog.add("yes/no")
        catalog.add("count")
        catalog.add("points")
        catalog.add("persons")
        catalog.add("km2")
        catalog.add("km²", as: "km2", factor: 1)
        catalog.add("ha", as: "km2", factor: 0.01)
        catalog.add("persons/km2")
        catalog.add("persons/km²", as: "persons/km2", factor: 1)
        catalog.add("kg/person/yr")
        catalog.add("t/person/yr", as: "kg/person/yr", factor: 1000)
        catalog.add("m2/person")
        catalog.add("m²/person", as: "m2/person", factor: 1)
        catalog.add("min")
        catalog.add("µg/m3")
        catalog.add("ug/m3", as: "µg/m3", factor: 1)
        catalog.add("μg/m3", as: "µg/m3", factor: 1)
        catalog.add("deaths/100k persons")
        for gas in ["CO2e", "CO2"] {
            catalog.add("t \(gas)")
            catalog.add("t\(gas)", as: "t \(gas)", factor: 1)
            catalog.add("kg \(gas)", as: "t \(gas)", factor: 0.001)
            catalog.add("kt \(gas)", as: "t \(gas)", factor: 1e3)
            catalog.add("Mt \(gas)", as: "t \(gas)", factor: 1e6)
            catalog.add("t \(gas)/person")
            catalog.add("t\(gas)/person", as: "t \(gas)/person", factor: 1)
            catalog.add("t \(gas)/capita", as: "t \(gas)/person", factor: 1)
            catalog.add("kg \(gas)/person", as: "t \(gas)/person", factor: 0.001)
            catalog.add("t \(gas)/km2")
            catalog.add("t \(gas)/ha", as: "t \(gas)/km2", factor: 100)
            catalog.add("t \(gas)/MWh")
            catalog.add("kg \(gas)/kWh", as: "t \(gas)/MWh", factor: 1)
            catalog.add("g \(gas)/kWh", as: "t \(gas)/MWh", factor: 0.001)
            for currency in currencies {
                catalog.add("t \(gas)/million \(currency)")
                catalog.add("t \(gas)/10k \(currency)", as: "t \(gas)/million \(currency)", factor: 100)
                catalog.add("kg \(gas)/\(currency)", as: "t \(gas)/million \(currency)", factor: 1000)
            }
        }
        for currency in currencies {
            catalog.add("\(currency)/person")
        }
        return catalog
    }()
}
