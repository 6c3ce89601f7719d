import Foundation

/// An emission factor with its provenance: what a line's factor picker offers and cites.
public struct EmissionFactor: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case stationary, mobile, grid, custom }

    public let id: String
    public let kind: Kind
    public let name: String
    /// The IPCC fuel name the factor applies to ("" for grid electricity).
    public let fuel: String
    public let co2: Double?
    public let ch4: Double?
    public let n2o: Double?
    public let unit: FactorUnit
    /// GPC sub-categories the factor is meant for (the picker offers it there first).
    public let gpcRefs: [String]
    public let publisher: String
    public let document: String
    public let table: String
    public let year: String
    public let region: String
    /// REPORTED / medium / LOW … as the reference row states it; shown beside the value.
    public let confidence: String
    public let source: String

    public init(
        id: String, kind: Kind, name: String, fuel: String, co2: Double?, ch4: Double?, n2o: Double?, unit: FactorUnit,
        gpcRefs: [String], publisher: String, document: String, table: String, year: String, region: String,
        confidence: String, source: String
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.fuel = fuel
        self.co2 = co2
        self.ch4 = ch4
        self.n2o = n2o
        self.unit = unit
        self.gpcRefs = gpcRefs
        self.publisher = publisher
        self.document = document
        self.table = table
        self.year = year
        self.region = region
        self.confidence = confidence
        self.source = source
    }

    /// A short citation written into a line's `source` when the factor is picked.
    public var citation: String {
        [publisher, document, table, year, region].filter { !$0.isEmpty }.joined(separator: ", ") + " [\(id)]"
    }
}

/// The built-in factor library, from the reference files.
public struct FactorLibrary: Sendable {
    public let factors: [EmissionFactor]
    private let index: [String: Int]
    /// "sub-category|normalised fuel" → positions of the fuel factors meant for it (defaults on import).
    let byRefAndFuel: [String: [Int]]

    public init(_ factors: [EmissionFactor]) {
        self.factors = factors
        var index: [String: Int] = [:]
        var byRefAndFuel: [String: [Int]] = [:]
        for (position, factor) in factors.enumerated() {
            index[factor.id] = position
            guard factor.kind == .stationary || factor.kind == .mobile else { continue }
            for ref in factor.gpcRefs { byRefAndFuel["\(ref)|\(Fuel.normalise(factor.fuel))", default: []].append(position) }
        }
        self.index = index
        self.byRefAndFuel = byRefAndFuel
    }

    public subscript(id: String) -> EmissionFactor? { index[id].map { factors[$0] } }

    /// Factors meant for a sub-category first, then the rest of the same kind of use.
    public func candidates(for ref: String) -> [EmissionFactor] { factors.filter { $0.gpcRefs.contains(ref) } }

    /// The range of the library's factors for a fuel and gas, per TJ: what "far outside" is measured against.
    public func range(fuel: String, gas: GasGroup) -> ClosedRange<Double>? {
        let values = factors.filter { $0.fuel.caseInsensitiveCompare(fuel) == .orderedSame && $0.unit.denominator.symbol == "TJ" }
            .compactMap { factor -> Double? in
                let value: Double? =
                    switch gas {
                    case .co2: factor.co2
                    case .ch4: factor.ch4
                    case .n2o: factor.n2o
                    default: nil
                    }
                return value.map { $0 * factor.unit.tonnesPerNumerator }
            }
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    static let stationaryRefs: [String: [String]] = [
        "energy_industries": ["I.4.1", "I.4.4"],
        "manufacturing_construction": ["I.3.1"],
        "commercial_institutional": ["I.2.1", "I.6.1"],
        "residential_and_agriculture_forestry_fishing_stationary": ["I.1.1", "I.5.1"],
    ]

    static func slug(_ text: String) -> String {
        text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    public static func parse(stationary: String, mobile: String, grid: String) throws -> FactorLibrary {
        var factors: [EmissionFactor] = []
        guard let perTJ = FactorUnit.parse("kg/TJ") else { preconditionFailure("kg/TJ must parse") }

        // Stationary: one factor per fuel and IPCC sector, CO2/CH4/N2O from Table 2.2–2.5.
        var stationaryGroups: [String: (fuel: String, sector: String, category: String, gases: [String: Double])] = [:]
        var order: [String] = []
        var stationaryCO2: [String: Double] = [:]
        for row in try CSV.table(stationary) {
            guard let fuel = row["fuel"], let sector = row["sector"], let gas = row["gas"],
                let value = row["value"].flatMap(Double.init)
            else { continue }
            if gas == "CO2" { stationaryCO2[fuel] = value }
            let key = "\(sector)|\(fuel)"
            if stationaryGroups[key] == nil {
                stationaryGroups[key] = (fuel, sector, row["ipcc_category"] ?? "", [:])
                order.append(key)
            }
            stationaryGroups[key]?.gases[gas] = value
        }
        for key in order {
            let group = stationaryGroups[key]!
            factors.append(
                EmissionFactor(
                    id: "ipcc2006-stationary-\(slug(group.sector))-\(slug(group.fuel))", kind: .stationary,
                    name: "\(group.fuel) — \(group.category)", fuel: group.fuel, co2: group.gases["CO2"],
                    ch4: group.gases["CH4"], n2o: group.gases["N2O"], unit: perTJ,
                    gpcRefs: stationaryRefs[group.sector] ?? [], publisher: "IPCC",
                    document: "2006 IPCC Guidelines Vol. 2 Ch. 2", table: "Tables 2.2–2.5 (CO2: Table 1.4)", year: "2006",
                    region: "default", confidence: "REPORTED", source: "ipcc2006_stationary_combustion_ef.csv"))
        }

        // Mobile: CH4/N2O by mode, fuel and technology (Table 3.2.2, 3.3.1); CO2 from Table 1.4.
        var mobileGroups: [String: (mode: String, fuel: String, tech: String, gases: [String: Double])] = [:]
        var mobileOrder: [String] = []
        for row in try CSV.table(mobile) {
            guard let mode = row["mode"], let fuel = row["fuel"], let gas = row["gas"],
                let value = row["value"].flatMap(Double.init), gas != "CO2"
            else { continue }
            let tech = row["technology_or_source"] ?? ""
            // CH4 and N2O rows of one technology are listed separately; pair them by position.
            let groupKey = "\(mode)|\(fuel)|\(tech)"
            var group = mobileGroups[groupKey] ?? (mode, fuel, tech, [:])
            if group.gases[gas] != nil { continue }
            group.gases[gas] = value
            if mobileGroups[groupKey] == nil { mobileOrder.append(groupKey) }
            mobileGroups[groupKey] = group
        }
        for key in mobileOrder {
            let group = mobileGroups[key]!
            let fuelName = group.fuel == "Gas/Diesel Oil" ? "Diesel Oil" : group.fuel
            let co2 = stationaryCO2[fuelName]
            let refs = group.mode == "road" ? ["II.1.1"] : ["II.5.1"]
            factors.append(
                EmissionFactor(
                    id:
                        "ipcc2006-mobile-\(slug(group.mode))-\(slug(group.fuel))\(group.tech.isEmpty ? "" : "-" + slug(group.tech))",
                    kind: .mobile,
                    name: "\(group.fuel), \(group.mode)\(group.tech.isEmpty ? "" : " — " + group.tech)", fuel: fuelName,
                    co2: co2, ch4: group.gases["CH4"], n2o: group.gases["N2O"], unit: perTJ, gpcRefs: refs,
                    publisher: "IPCC", document: "2006 IPCC Guidelines Vol. 2 Ch. 3",
                    table: group.mode == "road" ? "Table 3.2.2 (CO2: Table 1.4)" : "Table 3.3.1 (CO2: Table 1.4)",
                    year: "2006", region: "default", confidence: "REPORTED", source: "ipcc2006_mobile_combustion_ef.csv"))
        }

        // Grid electricity: location-based factors for scope 2.
        let scope2Refs = ["I.1.2", "I.2.2", "I.3.2", "I.4.2", "I.5.2", "I.6.2", "II.1.2", "II.2.2", "II.3.2", "II.4.2", "II.5.2"]
        var seen: Set<String> = []
        for row in try CSV.table(grid) {
            guard let country = row["country"], let region = row["region"], let year = row["data_year"],
                let value = row["value"].flatMap(Double.init), let unitText = row["unit"]
            else { continue }
            // Normalise to t CO2 per MWh: kg/kWh is the same number; t/kWh is 1000 times more.
            let perMWh: Double
            switch unitText.lowercased().replacingOccurrences(of: "eq", with: "").replacingOccurrences(of: "co2e", with: "co2") {
            case "tco2/mwh", "kgco2/kwh": perMWh = value
            case "tco2/kwh": perMWh = value * 1000
            default: continue
            }
            var id = "grid-\(slug(country))-\(slug(region))-\(slug(year))"
            while seen.contains(id) { id += "-b" }
            seen.insert(id)
            factors.append(
                EmissionFactor(
                    id: id, kind: .grid, name: "Grid electricity, \(country) — \(region) (\(year))", fuel: "", co2: perMWh,
                    ch4: nil, n2o: nil, unit: FactorUnit.parse("t/MWh")!, gpcRefs: scope2Refs,
                    publisher: row["factor_type"] ?? "", document: row["source"] ?? "", table: "", year: year,
                    region: "\(country), \(region)", confidence: row["confidence"] ?? "",
                    source: "grid_emission_factors_ne_asia.csv"))
        }
        return FactorLibrary(factors)
    }
}
