import Foundation

/// The edition of the EMEP/EEA factors an inventory uses: one per inventory, never mixed
/// (`air_pollutants.md` §4). The current one by default; 2019 only to recalculate old inventories.
public enum AirPollutantEdition: String, Sendable, CaseIterable, Codable {
    /// The EEA factor database downloaded on 2026-02-07: the Guidebook 2023 or a later update
    /// (the download does not name its edition; it cites 2023 work).
    case guidebook2023 = "2023"
    /// The database as of the Guidebook 2019 (its road Tier 1 rows are labelled Guidebook 2016).
    case guidebook2019 = "2019"

    /// The edition of a new inventory.
    public static let current = AirPollutantEdition.guidebook2023

    /// The `edition` column of the factor file.
    public var label: String {
        switch self {
        case .guidebook2023: "2023 (EEA database 2026 download)"
        case .guidebook2019: "2019"
        }
    }

    /// What every page and export showing the figures states.
    public var citation: String {
        switch self {
        case .guidebook2023:
            "EMEP/EEA air pollutant emission inventory guidebook 2023 (EEA Report 06/2023), Tier 1 factors as in the EEA factor database downloaded on 2026-02-07"
        case .guidebook2019:
            "EMEP/EEA air pollutant emission inventory guidebook 2019 (EEA Report No 13/2019), Tier 1 factors as in the EEA factor database of that edition"
        }
    }

    /// Reads "2023", "2019" or the file's label.
    public static func parse(_ text: String) -> AirPollutantEdition? {
        let key = text.trimmed
        return allCases.first { $0.rawValue == key || $0.label == key }
    }
}

/// How a factor of the file is expressed.
public enum AirFactorUnit: String, Sendable, CaseIterable, Codable {
    /// Stationary combustion: grams per GJ of fuel input (net calorific value).
    case gramsPerGJ = "g/GJ"
    /// Road exhaust, rail and navigation (kg/t in the source: the same number).
    case gramsPerKgFuel = "g/kg fuel"
    /// Off-road machinery.
    case gramsPerTonneFuel = "g/t fuel"
    /// Road non-exhaust: tyre and brake wear, road abrasion.
    case gramsPerVehicleKm = "g/vkm"
    /// Black carbon as a share of PM2.5: BC = PM2.5 × value / 100.
    case percentOfPM25 = "% of PM2.5"

    /// The unit of activity one gram is given per; nil for a share.
    var perUnit: String? {
        switch self {
        case .gramsPerGJ: "GJ"
        case .gramsPerKgFuel: "kg fuel"
        case .gramsPerTonneFuel: "t fuel"
        case .gramsPerVehicleKm: "vehicle-km"
        case .percentOfPM25: nil
        }
    }
}

/// One row of `air_pollutant_factors_emep_eea.csv`, as the file gives it.
public struct AirPollutantFactor: Sendable, Hashable {
    public let edition: AirPollutantEdition
    /// NFR source category (e.g. 1.A.4.b.i).
    public let nfr: String
    public let sectorName: String
    /// Guidebook table ("3-4", "3-6_06"); empty where the file did not record it.
    public let table: String
    /// The Guidebook's fuel or vehicle class, exactly as in the file.
    public let fuelClass: String
    public let pollutant: AirPollutant
    public let value: Double
    public let unit: AirFactorUnit
    /// The 95 % confidence interval where the file gives one (never for road rows: unreliable there).
    public let confidenceInterval: ClosedRange<Double>?
    /// The source's region column where one factor is given per region (1.A.1.a natural gas SOx).
    public let region: String
    public let source: String
    public let note: String
    /// Line of the row in the file.
    public let line: Int

    /// The same value as a factor of an older edition whose database held it unchanged.
    func carried(into older: AirPollutantEdition) -> AirPollutantFactor {
        let renumbered = older == .guidebook2019 ? AirPollutantLibrary.tables2019["\(nfr)|\(fuelClass)"] : nil
        return AirPollutantFactor(
            edition: older, nfr: nfr, sectorName: sectorName, table: renumbered ?? table, fuelClass: fuelClass,
            pollutant: pollutant, value: value, unit: unit, confidenceInterval: confidenceInterval, region: region,
            source: source, note: note, line: line)
    }

    /// A short citation: "EMEP/EEA 2023, 1.A.4.b.i Table 3-4, Gaseous fuels (natural gas, LPG)".
    public var citation: String {
        let table = table.isEmpty ? "table not recorded" : "Table \(table)"
        return "EMEP/EEA \(edition.rawValue), \(nfr) \(table), \(fuelClass)\(region.isEmpty ? "" : " (\(region))")"
    }
}

/// The EMEP/EEA Tier 1 factors of both editions, loaded and validated from the bundled file. The
/// file holds every row of the current edition and only the 2019 rows that differ, so the 2019
/// edition is the current one with those rows put back, less what the file says it lacks for 2019.
public struct AirPollutantLibrary: Sendable {
    /// Every row of the file, in file order.
    public let rows: [AirPollutantFactor]
    /// Per edition: "nfr|fuel class|pollutant" → the factors in effect (several only per region).
    private let effective: [AirPollutantEdition: [String: [AirPollutantFactor]]]
    /// Per edition: "nfr|fuel class" present at all.
    private let classes: [AirPollutantEdition: Set<String>]

    /// A library of the given rows, unchecked (`parse` validates the bundled file).
    public init(rows: [AirPollutantFactor]) {
        self.rows = rows
        var effective: [AirPollutantEdition: [String: [AirPollutantFactor]]] = [:]
        var classes: [AirPollutantEdition: Set<String>] = [:]
        for edition in AirPollutantEdition.allCases {
            var table: [String: [AirPollutantFactor]] = [:]
            for row in rows where row.edition == .current {
                if edition == .guidebook2019 && Self.gap2019(row.nfr, row.fuelClass) != nil { continue }
                // An unchanged value is the older edition's too: stamped with it, as every factor is.
                let carried = edition == .current ? row : row.carried(into: edition)
                table[Self.key(row.nfr, row.fuelClass, row.pollutant), default: []].append(carried)
            }
            if edition != .current {
                // A row of an older edition replaces the current value of its source, class and pollutant.
                var replaced: Set<String> = []
                for row in rows where row.edition == edition {
                    let key = Self.key(row.nfr, row.fuelClass, row.pollutant)
                    if !replaced.contains(key) { table[key] = [] }
                    replaced.insert(key)
                    table[key, default: []].append(row)
                }
            }
            effective[edition] = table
            classes[edition] = Set(table.values.flatMap { $0 }.map { "\($0.nfr)|\($0.fuelClass)" })
        }
        self.effective = effective
        self.classes = classes
    }

    static func key(_ nfr: String, _ fuelClass: String, _ pollutant: AirPollutant) -> String {
        "\(nfr)|\(fuelClass)|\(pollutant.rawValue)"
    }

    /// Every factor in effect in an edition.
    public func factors(in edition: AirPollutantEdition) -> [AirPollutantFactor] {
        (effective[edition] ?? [:]).values.flatMap { $0 }.sorted { $0.line < $1.line }
    }

    /// What the library has for a source, class and pollutant in an edition.
    public enum Lookup: Sendable, Hashable {
        case factor(AirPollutantFactor)
        /// One factor per region: the inventory must choose (never picked silently, note §5).
        case perRegion([AirPollutantFactor])
        /// Nothing: the reason says why.
        case none(String)
    }

    /// The factor of a source category, fuel class and pollutant in an edition; with `region`, the
    /// factor of that region where the source gives one per region.
    public func lookup(
        nfr: String, fuelClass: String, pollutant: AirPollutant, edition: AirPollutantEdition, region: String? = nil
    ) -> Lookup {
        let found = effective[edition]?[Self.key(nfr, fuelClass, pollutant)] ?? []
        if found.count == 1 { return .factor(found[0]) }
        if found.count > 1 {
            if let region, let chosen = found.first(where: { $0.region == region }) { return .factor(chosen) }
            return .perRegion(found)
        }
        if edition == .guidebook2019, let gap = Self.gap2019(nfr, fuelClass) {
            return .none("the \(edition.rawValue) edition has no \(nfr) \(fuelClass) factors in the file: \(gap)")
        }
        if classes[edition]?.contains("\(nfr)|\(fuelClass)") != true {
            return .none("the factor file has no \(nfr) \(fuelClass) factors")
        }
        return .none("no Tier 1 \(pollutant.rawValue) factor for \(nfr) \(fuelClass) in the \(edition.rawValue) edition")
    }

    /// Sources and classes whose 2019 values the file does not hold (its notes say "2019 value not
    /// recorded" or "new in the 2026 download"): in the 2019 edition they are not estimated rather
    /// than silently given the current value. Checked against the notes when the file loads.
    static let gaps2019: [(nfr: String, fuelClass: String, reason: String)] = [
        ("1.A.3.b.vi", "Heavy goods vehicles", "the 2019 value was not recorded"),
        ("1.A.3.b.vii", "Passenger cars", "the 2019 value was not recorded"),
        ("1.A.3.b.vii", "Heavy goods vehicles", "the 2019 value was not recorded"),
        ("1.A.1.a", "Biogas", "the biogas table is new in the 2026 download"),
    ]

    /// The 2019 database numbers the 1.A.1.a tables differently (reference note §4); the file's
    /// 2019 heavy fuel oil rows carry 3-5, checked at load.
    static let tables2019 = ["1.A.1.a|Gas oil": "3-6", "1.A.1.a|Heavy fuel oil": "3-5", "1.A.1.a|Biomass": "3-7"]

    static func gap2019(_ nfr: String, _ fuelClass: String) -> String? {
        gaps2019.first { $0.nfr == nfr && $0.fuelClass == fuelClass }?.reason
    }
}
