import Foundation

/// The IPCC 2006 fuels grouped as the EMEP/EEA Tier 1 tables class them. Only fuels whose class
/// is clear are grouped; any other fuel gives "not estimated" with the reason, never a near guess
/// (derived gases, coke, peat, charcoal and waste fuels have no Tier 1 class here).
enum AirFuelGroup: Sendable, Hashable {
    case naturalGas, lpg, hardCoal, brownCoal, gasOil, kerosene, heavyFuelOil, solidBiomass, biogas, petrol

    /// By IPCC fuel name (`FuelTable` resolves everyday names such as "diesel" first).
    /// Hard and brown coal follow the IEA/Eurostat split: sub-bituminous coal counts as brown coal
    /// [RECALLED]; it matters only for power plants (1.A.1.a), where the two have their own tables.
    static let byFuel: [String: AirFuelGroup] = {
        let groups: [(AirFuelGroup, [String])] = [
            (.naturalGas, ["Natural Gas"]),
            (.lpg, ["Liquefied Petroleum Gases"]),
            (.hardCoal, ["Anthracite", "Coking Coal", "Other Bituminous Coal"]),
            (.brownCoal, ["Sub-Bituminous Coal", "Lignite", "Brown Coal Briquettes"]),
            (.gasOil, ["Gas Oil", "Diesel Oil"]),
            (.kerosene, ["Other Kerosene"]),
            (.heavyFuelOil, ["Residual Fuel Oil"]),
            (.solidBiomass, ["Wood/Wood Waste", "Other Primary Solid Biomass"]),
            (.biogas, ["Other Biogas", "Landfill Gas", "Sludge Gas"]),
            (.petrol, ["Motor Gasoline"]),
        ]
        var table: [String: AirFuelGroup] = [:]
        for (group, names) in groups { for name in names { table[Fuel.normalise(name)] = group } }
        return table
    }()
}

/// Where a GPC sub-category's pollutants come from in the EMEP/EEA Guidebook: the mapping of
/// `air_pollutants.md` §3, written down here and checked against the factor file at load.
enum AirSource: Sendable, Hashable {
    /// Factors by NFR category and fuel class; each factor's unit says what it is per (GJ, kg or t of fuel).
    case category(String)
    /// On-road: exhaust per kg of fuel by vehicle class, plus tyre, brake and road wear per vehicle-km.
    case road

    /// GPC sub-category → source. No mapping is proposed for I.6 (non-specified), II.4 (aviation),
    /// waste, IPPU or AFOLU: their lines are "not estimated" with that reason.
    static let byGPCRef: [String: AirSource] = [
        "I.1.1": .category("1.A.4.b.i"),  // residential
        "I.2.1": .category("1.A.4.a.i"),  // commercial and institutional
        // 1.A.2: the file's rows use 1.A.2.g.viii; the Guidebook lists identical values under 1.A.2.a–e.
        "I.3.1": .category("1.A.2.g.viii"),
        "I.4.1": .category(powerPlants),  // energy industries, auxiliary use
        "I.4.4": .category(powerPlants),  // generation supplied to the grid (a plant inside the city)
        "I.5.1": .category("1.A.4.c.i"),  // agriculture, forestry and fishing
        "II.1.1": .road,
        "II.2.1": .category("1.A.3.c"),  // railways
        "II.3.1": .category("1.A.3.d.ii"),  // national navigation
        // Off-road machinery: the same factors are listed for 1.A.4.a.ii, 1.A.4.b.ii and 1.A.4.c.ii.
        "II.5.1": .category("1.A.2.g.vii"),
    ]

    /// Public electricity and heat: also the source of the "upstream power plant" memo of grid energy.
    static let powerPlants = "1.A.1.a"

    /// NFR category → fuel group → the file's `fuel_class`. LPG takes the gaseous-fuel rows in
    /// stationary combustion: the Guidebook has no Tier 1 LPG row there (the residential class is
    /// "Gaseous fuels (natural gas, LPG)"; `etk.edb` does the same, note §2). Kerosene heats homes in
    /// Japan and Korea: it is among the residential "other liquid fuels (gas oil, heating oil)";
    /// residual fuel oil is not, so it is left out of that class. Petrol in off-road machinery is
    /// left out: the file's only rows are for 4-stroke engines and a line does not say which.
    static let fuelClasses: [String: [AirFuelGroup: String]] = [
        "1.A.4.b.i": [
            .naturalGas: "Gaseous fuels (natural gas, LPG)", .lpg: "Gaseous fuels (natural gas, LPG)",
            .hardCoal: "Hard coal and brown coal", .brownCoal: "Hard coal and brown coal",
            .gasOil: "Other liquid fuels (gas oil, heating oil)", .kerosene: "Other liquid fuels (gas oil, heating oil)",
            .solidBiomass: "Biomass (wood)",
        ],
        "1.A.4.a.i": commercialAndAgriculture,
        "1.A.4.c.i": commercialAndAgriculture,
        "1.A.2.g.viii": [
            .hardCoal: "Solid fuels", .brownCoal: "Solid fuels", .naturalGas: "Gaseous fuels", .lpg: "Gaseous fuels",
            .gasOil: "Other liquid fuels", .kerosene: "Other liquid fuels", .heavyFuelOil: "Other liquid fuels",
            .solidBiomass: "Biomass",
        ],
        powerPlants: [
            .hardCoal: "Hard coal", .brownCoal: "Brown coal", .naturalGas: "Natural gas", .lpg: "Natural gas",
            .heavyFuelOil: "Heavy fuel oil", .gasOil: "Gas oil", .solidBiomass: "Biomass", .biogas: "Biogas",
        ],
        "1.A.3.c": [.gasOil: "Gas oil / diesel"],
        "1.A.3.d.ii": [.gasOil: "Marine diesel oil / marine gas oil (MDO/MGO)", .heavyFuelOil: "Bunker fuel oil"],
        "1.A.2.g.vii": [.gasOil: "Diesel", .lpg: "LPG"],
    ]

    private static let commercialAndAgriculture: [AirFuelGroup: String] = [
        .naturalGas: "Gaseous fuels", .lpg: "Gaseous fuels", .hardCoal: "Hard coal and brown coal",
        .brownCoal: "Hard coal and brown coal", .gasOil: "Liquid fuels", .kerosene: "Liquid fuels", .heavyFuelOil: "Liquid fuels",
        .solidBiomass: "Biomass",
    ]

    /// Non-exhaust road sources: tyre and brake wear, road abrasion (per vehicle-km).
    static let tyreAndBrakeWear = "1.A.3.b.vi"
    static let roadAbrasion = "1.A.3.b.vii"

    /// Every class named here, in the road tables and in the 2019 gaps must exist in the current
    /// edition of the file.
    static func check(against library: AirPollutantLibrary) throws {
        var present: Set<String> = []
        for row in library.rows where row.edition == .current { present.insert("\(row.nfr)|\(row.fuelClass)") }
        var named: [String] = []
        for (nfr, classes) in fuelClasses { named += classes.values.map { "\(nfr)|\($0)" } }
        for vehicle in VehicleClass.allCases {
            for fuel in [RoadFuel.petrol, .diesel, .lpg, .cng] {
                if let name = RoadTier1.exhaustClass(vehicle, fuel) { named.append("\(vehicle.exhaustNFR)|\(name)") }
            }
            if let name = vehicle.nonExhaustClass { named += ["\(tyreAndBrakeWear)|\(name)", "\(roadAbrasion)|\(name)"] }
        }
        named += AirPollutantLibrary.gaps2019.map { "\($0.nfr)|\($0.fuelClass)" }
        for key in Set(named).sorted() where !present.contains(key) {
            throw ReferenceDataError(
                file: AirPollutantLibrary.file, line: 0, message: "the mapping names \(key), which the file does not have")
        }
    }
}

/// The written-down mapping of GPC sub-categories to EMEP/EEA source categories, for the pages and
/// documents that publish it (the template page).
public enum AirPollutantSources {
    /// The sub-categories with a source, in GPC order of the mapping.
    public static let mappedRefs = ["I.1.1", "I.2.1", "I.3.1", "I.4.1", "I.4.4", "I.5.1", "II.1.1", "II.2.1", "II.3.1", "II.5.1"]

    /// The NFR category (or categories, for road transport) of a sub-category; nil: not estimated.
    /// Scope-2 sub-categories (grid energy) take the power plants' category for their memo.
    public static func category(of gpcRef: String) -> String? {
        switch AirSource.byGPCRef[gpcRef] {
        case .category(let nfr): nfr
        case .road: "1.A.3.b.i–iv (exhaust, per kg of fuel) + 1.A.3.b.vi–vii (tyre, brake and road wear, per vehicle-km)"
        case nil: nil
        }
    }
}
