import Foundation
import Synchronization

/// Calculates the air pollutants of inventory lines with the EMEP/EEA Tier 1 factors of one
/// edition, from the same activity as the greenhouse gases. Pure and fast: no I/O, no rounding.
///
/// - Stationary combustion: activity in GJ (net calorific value; mass and volume converted with the
///   fuel's NCV and density, as for the greenhouse gases) × g/GJ.
/// - Road: exhaust per kg of fuel, tyre, brake and road wear per vehicle-km; the Tier 1 fuel
///   consumption (g/km) converts one into the other. Rail, navigation, off-road: per mass of fuel.
/// - Black carbon = PM2.5 × BC % / 100, except where the source gives BC as a mass (off-road).
/// - A measured amount replaces the computed one; a city factor replaces the default.
/// - Only scope-1 lines count in the city; scope 2 is a power-plant memo with the 1.A.1.a factors.
public struct AirPollutantCalculator: Sendable {
    public let library: AirPollutantLibrary
    public let tree: GPCTree
    public let fuels: FuelTable
    public let edition: AirPollutantEdition
    /// Where the source gives one factor per region (1.A.1.a natural gas SOx: "EU Region",
    /// "US Region"), the one the inventory chose; nil leaves that pollutant not estimated.
    public let region: String?
    /// The scope of each sub-category position: reading a `SubCategory` per line would copy its strings.
    let scopes: [Scope]
    let cache: AirPlanCache

    public init(
        library: AirPollutantLibrary, tree: GPCTree, fuels: FuelTable, edition: AirPollutantEdition = .current,
        region: String? = nil, cache: AirPlanCache = AirPlanCache()
    ) {
        self.library = library
        self.tree = tree
        self.fuels = fuels
        self.edition = edition
        self.region = region
        scopes = tree.subCategories.map(\.scope)
        self.cache = cache
    }

    /// The pollutants of one line.
    public func calculate(_ line: Line) -> AirPollutantLineResult {
        var memo = AirMemo(positions: tree.subCategories.count)
        var details: [AirPollutantDetail]?
        return withUnsafePointer(to: line) {
            evaluate($0, position: tree.position(of: line.gpcRef), memo: &memo, details: &details)
        }
    }

    /// Every pollutant of one line with its factors, tables, edition and the reasons for what is
    /// missing: what a page or an export shows beside the amounts. Empty for a notation key, a
    /// failed line and a scope-3 line: their status says why.
    public func explain(_ line: Line) -> [AirPollutantDetail] {
        var memo = AirMemo(positions: tree.subCategories.count)
        var details: [AirPollutantDetail]? = []
        _ = withUnsafePointer(to: line) { evaluate($0, position: tree.position(of: line.gpcRef), memo: &memo, details: &details) }
        return details ?? []
    }
}

/// Plans kept across runs: building one looks up nine factors and writes its reasons, which for an
/// inventory's few hundred sub-category × fuel pairs cost as much as calculating its lines.
/// Shared by the calculators of one edition and region (`ReferenceData.airPollutantCalculator`).
public final class AirPlanCache: Sendable {
    struct Key: Hashable {
        let position: Int
        let fuel: String
        let vehicle: VehicleClass?
    }

    private let plans = Mutex<[Key: AirPlan]>([:])
    /// Fuel names are free text: past this many plans new ones are built per run, not kept.
    static let capacity = 20_000

    /// An empty cache (a calculator made directly; `ReferenceData` shares one per edition and region).
    public init() {}

    func plan(_ key: Key, _ make: () -> AirPlan) -> AirPlan {
        if let known = plans.withLock({ $0[key] }) { return known }
        let made = make()
        plans.withLock { if $0.count < Self.capacity { $0[key] = made } }
        return made
    }
}

/// One plan cache per edition and region.
final class AirPlanCaches: Sendable {
    private let caches = Mutex<[String: AirPlanCache]>([:])

    func cache(edition: AirPollutantEdition, region: String?) -> AirPlanCache {
        caches.withLock { caches in
            let key = "\(edition.rawValue)|\(region ?? "")"
            if let known = caches[key] { return known }
            let made = AirPlanCache()
            caches[key] = made
            return made
        }
    }
}

/// Per-run memo of the plans lines share: the few fuel names of an inventory are compared as the
/// greenhouse-gas calculation does, then a plan is an array element by position, fuel and vehicle.
struct AirMemo {
    /// The first names seen, compared in turn; any further names by hash (free text can hold many).
    private var recentNames: [String] = []
    private var otherNames: [String: Int] = [:]
    private var table: [AirPlan?] = []
    private let positions: Int
    private static let vehicleSlots = VehicleClass.allCases.count + 1
    private static let recentCapacity = 16

    init(positions: Int) { self.positions = positions }

    /// The slot of a position, fuel name and vehicle; `plan(at:)` is nil until remembered.
    mutating func slot(position: Int, fuel: String, vehicle: VehicleClass?) -> Int {
        let fuelIndex = index(of: fuel)
        return (fuelIndex * positions + position) * Self.vehicleSlots + (vehicle.map { $0.slot + 1 } ?? 0)
    }

    private mutating func index(of fuel: String) -> Int {
        for index in recentNames.indices where recentNames[index] == fuel { return index }
        if let known = otherNames[fuel] { return known }
        let index = recentNames.count + otherNames.count
        if recentNames.count < Self.recentCapacity { recentNames.append(fuel) } else { otherNames[fuel] = index }
        table += Array(repeating: nil, count: positions * Self.vehicleSlots)
        return index
    }

    func plan(at slot: Int) -> AirPlan? { table[slot] }

    mutating func remember(_ plan: AirPlan, at slot: Int) { table[slot] = plan }
}
