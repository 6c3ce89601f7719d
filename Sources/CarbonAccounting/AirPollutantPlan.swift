import Foundation

/// What the pollutants of a line are computed from: the same for every line of one sub-category,
/// fuel and vehicle class, so it is built once (`AirPlanCache`) and shared (a class: one reference
/// per line).
final class AirPlan: Sendable {
    struct Part: Sendable {
        let component: AirComponent
        let factor: AirPollutantFactor
    }

    /// What a line's quantity is measured in for a factor.
    enum Basis: Sendable {
        case energyGJ, fuelKg, fuelTonnes, vehicleKm
    }

    /// The numbers of one part: what the per-line arithmetic reads (a `Part` holds the factor's
    /// strings, and copying those per line would cost more than the arithmetic).
    struct Term: Sendable {
        let pollutant: AirPollutant
        let basis: Basis
        let value: Double
        /// Index of the part in `parts[pollutant.index]`.
        let part: Int
    }

    /// Indexed by `AirPollutant.index`.
    let parts: [[Part]]
    /// Every part, as numbers.
    let terms: [Term]
    /// Pollutants with a gap (bit `AirPollutant.index`).
    let gapMask: UInt16
    /// The BC share of PM2.5, %.
    let bcPercent: Double?
    /// Reasons for the parts with no factor, by pollutant: nothing is estimated where `parts` is
    /// empty, and the amount is partial where both are non-empty.
    let gaps: [[String]]
    /// Black carbon as a share of PM2.5, where the source gives it so.
    let bcShare: AirPollutantFactor?
    /// The IPCC fuel (for NCV and density), and the road fuel consumption in g/vehicle-km.
    let fuel: String
    let ncv: Double?
    let density: Double?
    let gramsPerKm: Double?
    let needsEnergy: Bool
    let needsFuelMass: Bool
    let needsVehicleKm: Bool

    init(
        parts: [[Part]], gaps: [[String]], bcShare: AirPollutantFactor?, fuel: Fuel?, gramsPerKm: Double? = nil
    ) {
        self.parts = parts
        self.gaps = gaps
        self.bcShare = bcShare
        bcPercent = bcShare?.value
        var terms: [Term] = []
        var gapMask: UInt16 = 0
        for pollutant in AirPollutant.ordered {
            if !gaps[pollutant.index].isEmpty { gapMask |= 1 << pollutant.index }
            for (position, part) in parts[pollutant.index].enumerated() {
                let basis: Basis
                switch part.factor.unit {
                case .gramsPerGJ: basis = .energyGJ
                case .gramsPerKgFuel: basis = .fuelKg
                case .gramsPerTonneFuel: basis = .fuelTonnes
                case .gramsPerVehicleKm: basis = .vehicleKm
                // A share is never a part: the plans keep it as `bcShare` or as a gap.
                case .percentOfPM25: continue
                }
                terms.append(Term(pollutant: pollutant, basis: basis, value: part.factor.value, part: position))
            }
        }
        self.terms = terms
        self.gapMask = gapMask
        self.fuel = fuel?.name ?? ""
        ncv = fuel?.ncv
        density = fuel?.density
        self.gramsPerKm = gramsPerKm
        let units = Set(parts.flatMap { $0 }.map(\.factor.unit))
        needsEnergy = units.contains(.gramsPerGJ)
        needsFuelMass = units.contains(.gramsPerKgFuel) || units.contains(.gramsPerTonneFuel)
        needsVehicleKm = units.contains(.gramsPerVehicleKm)
    }

    /// Nothing estimable, for one reason; the fuel is kept for the conversions of city factors.
    convenience init(nothing reason: String, fuel: Fuel?) {
        self.init(
            parts: Array(repeating: [], count: AirPollutant.allCases.count),
            gaps: Array(repeating: [reason], count: AirPollutant.allCases.count), bcShare: nil, fuel: fuel)
    }
}

extension AirPollutantCalculator {
    /// The plan of a sub-category position, a fuel name and a vehicle class.
    func plan(position: Int?, fuel name: String, vehicle: VehicleClass?) -> AirPlan {
        let fuel = name.isEmpty ? nil : fuels[name]
        guard let position else { return AirPlan(nothing: "not a GPC sub-category", fuel: fuel) }
        let sub = tree.subCategories[position]
        let source: AirSource
        switch sub.scope {
        case .one:
            guard let mapped = AirSource.byGPCRef[sub.ref] else {
                return AirPlan(nothing: "no EMEP/EEA Tier 1 source is mapped for \(sub.ref) (air_pollutants.md §3)", fuel: fuel)
            }
            source = mapped
        case .two: source = .category(AirSource.powerPlants)
        case .three: return AirPlan(nothing: "scope 3 is outside the city boundary", fuel: fuel)
        }
        guard !name.isEmpty else {
            return AirPlan(nothing: "the line names no fuel; EMEP/EEA factors are per fuel", fuel: nil)
        }
        guard let fuel else { return AirPlan(nothing: "“\(name)” is not an IPCC fuel the library knows", fuel: nil) }
        let group = AirFuelGroup.byFuel[Fuel.normalise(fuel.name)]
        switch source {
        case .category(let nfr):
            guard let group, let fuelClass = AirSource.fuelClasses[nfr]?[group] else {
                return AirPlan(nothing: "the EMEP/EEA Tier 1 tables of \(nfr) have no class for \(fuel.name)", fuel: fuel)
            }
            return categoryPlan(nfr: nfr, fuelClass: fuelClass, fuel: fuel)
        case .road:
            guard let group, let roadFuel = RoadFuel(group) else {
                return AirPlan(nothing: "the EMEP/EEA Tier 1 road tables have no factors for \(fuel.name)", fuel: fuel)
            }
            guard let vehicle else {
                return AirPlan(
                    nothing:
                        "road factors depend on the vehicle class: give vehicle (\(VehicleClass.allCases.map(\.rawValue).joined(separator: ", ")))",
                    fuel: fuel)
            }
            return roadPlan(vehicle: vehicle, fuel: fuel, roadFuel: roadFuel)
        }
    }

    private func categoryPlan(nfr: String, fuelClass: String, fuel: Fuel) -> AirPlan {
        var parts = Array(repeating: [AirPlan.Part](), count: AirPollutant.allCases.count)
        var gaps = Array(repeating: [String](), count: AirPollutant.allCases.count)
        var share: AirPollutantFactor?
        for pollutant in AirPollutant.ordered {
            switch library.lookup(nfr: nfr, fuelClass: fuelClass, pollutant: pollutant, edition: edition, region: region) {
            case .factor(let factor) where factor.unit == .percentOfPM25: share = factor
            case .factor(let factor): parts[pollutant.index].append(AirPlan.Part(component: .combustion, factor: factor))
            case .perRegion(let factors): gaps[pollutant.index].append(Self.regionChoice(factors))
            case .none(let reason): gaps[pollutant.index].append(reason)
            }
        }
        return AirPlan(parts: parts, gaps: gaps, bcShare: share, fuel: fuel)
    }

    static func regionChoice(_ factors: [AirPollutantFactor]) -> String {
        let values = factors.map { "\($0.region) \(LineColumns.format($0.value)) \($0.unit.rawValue)" }
        return "the source gives one factor per region (\(values.joined(separator: "; "))): the inventory chooses the region"
    }
}
