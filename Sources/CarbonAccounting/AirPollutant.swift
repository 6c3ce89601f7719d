import Foundation

/// The air pollutants estimated beside the greenhouse gases (EMEP/EEA Guidebook, Tier 1;
/// `air_pollutants.md` §1). They have no GWP in any framework the platform reports to, so they
/// never enter CO2e, BASIC or BASIC+.
public enum AirPollutant: String, Sendable, CaseIterable, Codable {
    case nox = "NOx"
    case sox = "SOx"
    case co = "CO"
    case nmvoc = "NMVOC"
    case nh3 = "NH3"
    case tsp = "TSP"
    case pm10 = "PM10"
    case pm25 = "PM2.5"
    case bc = "BC"

    /// The name with its reporting convention (the Guidebook reports NOx as NO2 and SOx as SO2).
    public var name: String {
        switch self {
        case .nox: "NOx (as NO2)"
        case .sox: "SOx (as SO2)"
        case .co: "CO"
        case .nmvoc: "NMVOC"
        case .nh3: "NH3"
        case .tsp: "TSP"
        case .pm10: "PM10"
        case .pm25: "PM2.5"
        case .bc: "Black carbon (BC)"
        }
    }

    /// The key of the template columns: `<key>_t` measured tonnes, `ef_<key>` a city factor.
    public var key: String {
        switch self {
        case .pm25: "pm25"
        default: rawValue.lowercased()
        }
    }

    /// `allCases` once: the synthesised property builds a new array at every call.
    static let ordered = allCases

    /// Position in `allCases`, for the fixed-size tables of the calculation.
    var index: Int {
        switch self {
        case .nox: 0
        case .sox: 1
        case .co: 2
        case .nmvoc: 3
        case .nh3: 4
        case .tsp: 5
        case .pm10: 6
        case .pm25: 7
        case .bc: 8
        }
    }

    /// Reads the file's and the template's spellings ("PM2.5", "pm25", "NOx").
    public static func parse(_ text: String) -> AirPollutant? {
        let key = text.trimmed.lowercased()
        return allCases.first { $0.rawValue.lowercased() == key || $0.key == key }
    }
}

/// City-specific pollutant factors of one line (e.g. from a national inventory such as Korea's
/// CAPSS or China's MEIC): they replace the library's default for the pollutants they give, with
/// their source and the reason for overriding, both required (`air_pollutants.md` §7).
public struct PollutantFactors: Sendable, Hashable {
    /// Mass of pollutant per unit of activity, in `unit`; BC too is a mass here, not a share of PM2.5.
    public var values: PollutantValues
    public var unit: FactorUnit
    public var source: String
    public var reason: String

    public init(values: PollutantValues, unit: FactorUnit, source: String, reason: String) {
        self.values = values
        self.unit = unit
        self.source = source
        self.reason = reason
    }
}

/// The pollutant fields of a line, in one box: most lines have none, and every line is copied and
/// compared as a whole (the greenhouse-gas loop reads every line).
final class LinePollutants: Sendable, Hashable {
    let measured: PollutantValues
    let factors: PollutantFactors?
    /// The column a city factor lacks (its source or reason), found once rather than per calculation.
    let incompleteColumn: String?

    private init(measured: PollutantValues, factors: PollutantFactors?) {
        self.measured = measured
        self.factors = factors
        if let factors, factors.source.trimmed.isEmpty {
            incompleteColumn = "ef_air_source"
        } else if let factors, factors.reason.trimmed.isEmpty {
            incompleteColumn = "ef_air_reason"
        } else {
            incompleteColumn = nil
        }
    }

    /// nil when there is nothing to box, so that equal lines compare equal.
    static func box(measured: PollutantValues, factors: PollutantFactors?) -> LinePollutants? {
        measured.isEmpty && factors == nil ? nil : LinePollutants(measured: measured, factors: factors)
    }

    static func == (lhs: LinePollutants, rhs: LinePollutants) -> Bool {
        lhs.measured == rhs.measured && lhs.factors == rhs.factors
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(measured)
        hasher.combine(factors)
    }
}
