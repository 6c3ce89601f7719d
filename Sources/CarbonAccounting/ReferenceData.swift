import Foundation

/// The reference data the engine needs, loaded and validated once at start from the files in
/// `Resources/reference` (each row of which names its source).
public struct ReferenceData: Sendable {
    public let tree: GPCTree
    public let gwp: GWPTable
    public let fuels: FuelTable
    public let library: FactorLibrary
    /// The EMEP/EEA air pollutant factors of both editions.
    public let airPollutants: AirPollutantLibrary
    /// Pollutant plans per edition and region, kept for every calculator made here.
    private let airPlanCaches = AirPlanCaches()

    public init(
        tree: GPCTree, gwp: GWPTable, fuels: FuelTable, library: FactorLibrary,
        airPollutants: AirPollutantLibrary = AirPollutantLibrary(rows: [])
    ) {
        self.tree = tree
        self.gwp = gwp
        self.fuels = fuels
        self.library = library
        self.airPollutants = airPollutants
    }

    public func calculator(set: GWPSet, year: Int? = nil) -> Calculator {
        Calculator(tree: tree, gwp: gwp, fuels: fuels, set: set, year: year)
    }

    /// The air-pollutant calculation of an inventory's edition (and region choice, see
    /// `AirPollutantCalculator.region`).
    public func airPollutantCalculator(edition: AirPollutantEdition = .current, region: String? = nil)
        -> AirPollutantCalculator
    {
        AirPollutantCalculator(
            library: airPollutants, tree: tree, fuels: fuels, edition: edition, region: region,
            cache: airPlanCaches.cache(edition: edition, region: region))
    }

    /// Reads lines; a line with a fuel and an activity but no factors takes the library's default.
    public var parser: LineParser { LineParser(tree: tree, gwp: gwp, library: library, fuels: fuels) }

    /// The bundled reference files. Throws with file and line when a file is malformed.
    public static func bundled() throws -> ReferenceData {
        func file(_ name: String) throws -> String {
            guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources/reference")
            else { throw ReferenceDataError(file: "\(name).csv", line: 0, message: "missing from the bundle") }
            return try String(contentsOf: url, encoding: .utf8)
        }
        let fuels = try FuelTable.parse(ncvCSV: try file("ipcc2006_fuel_ncv_carbon_co2"), densityCSV: try? file("fuel_densities"))
        let airPollutants = try AirPollutantLibrary.parse(csv: try file("air_pollutant_factors_emep_eea"))
        try AirSource.check(against: airPollutants)
        return ReferenceData(
            tree: try GPCTree.parse(csv: try file("gpc_structure")), gwp: try GWPTable.parse(csv: try file("gwp_100yr")),
            fuels: fuels,
            library: try FactorLibrary.parse(
                stationary: try file("ipcc2006_stationary_combustion_ef"), mobile: try file("ipcc2006_mobile_combustion_ef"),
                grid: try file("grid_emission_factors_ne_asia")),
            airPollutants: airPollutants)
    }

    /// Loaded once per process; the files never change while it runs.
    public static let shared: Result<ReferenceData, any Error> = Result { try bundled() }
}
