import Foundation

/// The gas groups the GPC reports (GPC v1.1 §2.3: the seven Kyoto gases).
public enum GasGroup: String, Sendable, CaseIterable, Codable {
    case co2 = "CO2"
    case ch4 = "CH4"
    case n2o = "N2O"
    case hfcs = "HFCs"
    case pfcs = "PFCs"
    case sf6 = "SF6"
    case nf3 = "NF3"

    /// The group of a species named in `gas` (HFC134a → HFCs, CF4 → PFCs); nil for unknown names.
    public static func of(species: String) -> GasGroup? {
        let name = species.uppercased()
        switch name {
        case "CO2": return .co2
        case "CH4": return .ch4
        case "N2O": return .n2o
        case "SF6": return .sf6
        case "NF3": return .nf3
        default:
            if name.hasPrefix("HFC") { return .hfcs }
            if ["CF4", "C2F6", "C3F8", "CC4F8", "C4F10", "C5F12", "C6F14"].contains(name) { return .pfcs }
            return nil
        }
    }
}

/// Whether a line's methane is of fossil origin. Only AR6 gives the two different GWPs.
public enum MethaneOrigin: String, Sendable, Codable {
    case fossil
    case nonFossil = "non-fossil"
}

/// The IPCC assessment report whose 100-year GWPs convert gases to CO2e.
public enum GWPSet: String, Sendable, CaseIterable, Codable {
    case ar4 = "AR4"
    case ar5 = "AR5"
    case ar6 = "AR6"

    public static func parse(_ text: String) -> GWPSet? {
        GWPSet(rawValue: text.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// The convention stated on every page that shows CO2e.
    public var convention: String {
        switch self {
        case .ar4: "IPCC AR4 100-year GWPs: CH4 = 25, N2O = 298."
        case .ar5:
            "IPCC AR5 100-year GWPs without climate-carbon feedback: CH4 = 28 for every source (as under the Paris Agreement's transparency framework), N2O = 265."
        case .ar6:
            "IPCC AR6 100-year GWPs: fossil CH4 = 29.8, non-fossil CH4 (biomass fuels, waste, wastewater, agriculture) = 27.0, N2O = 273."
        }
    }
}

/// 100-year GWP values by species and set, from `gwp_100yr.csv` (GHG Protocol's table of AR4/AR5
/// values; AR6 WG1 Table 7.15 and 7.SM.7).
public struct GWPTable: Sendable {
    private var values: [String: [GWPSet: Double]]

    public init(values: [String: [GWPSet: Double]]) {
        self.values = [:]
        for (species, sets) in values { self.values[species.uppercased()] = sets }
    }

    /// The GWP of a species in a set; CH4 follows the platform's convention (AR5 28 for all
    /// sources; AR6 fossil 29.8 / non-fossil 27.0). Nil when the set gives no value.
    public func gwp(_ species: String, in set: GWPSet, methaneOrigin: MethaneOrigin = .fossil) -> Double? {
        let key = species.uppercased()
        if key == "CH4" && set == .ar6 {
            return values[methaneOrigin == .fossil ? "CH4_FOSSIL" : "CH4_NON_FOSSIL"]?[.ar6]
        }
        return values[key]?[set]
    }

    public static func parse(csv text: String) throws -> GWPTable {
        var values: [String: [GWPSet: Double]] = [:]
        for (offset, row) in try CSV.table(text).enumerated() {
            guard let gas = row["gas"], !gas.isEmpty else {
                throw ReferenceDataError(file: "gwp_100yr.csv", line: offset + 2, message: "missing gas")
            }
            var sets: [GWPSet: Double] = [:]
            for set in GWPSet.allCases {
                if let text = row[set.rawValue], let value = Double(text) { sets[set] = value }
            }
            values[gas] = sets
        }
        for required in ["CO2", "CH4", "N2O", "SF6", "NF3", "CH4_fossil", "CH4_non_fossil"] where values[required] == nil {
            throw ReferenceDataError(file: "gwp_100yr.csv", line: 0, message: "no row for \(required)")
        }
        return GWPTable(values: values)
    }
}
