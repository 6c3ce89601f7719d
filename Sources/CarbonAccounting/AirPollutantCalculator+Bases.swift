import Foundation

extension AirPollutantCalculator {
    /// The quantities a line's factors apply to, from its activity.
    struct Bases {
        var energyGJ: Double?
        var fuelTonnes: Double?
        var vehicleKm: Double?
        /// Why a quantity is missing (for `explain`).
        var energyProblem = ""
        var fuelProblem = ""
        var vehicleKmProblem = ""
    }

    static let gigajoule = ActivityUnit(symbol: "GJ", dimension: .energy, inBase: 1e-3)
    static let tonne = ActivityUnit(symbol: "t", dimension: .mass, inBase: 1)

    /// The quantity a factor applies to and the divisor that turns quantity × factor into tonnes:
    /// g/GJ × GJ / 10⁶; g/kg × t / 10³ (t × 1000 kg × g/kg / 10⁶); g/t × t / 10⁶; g/vkm × vkm / 10⁶.
    static func quantity(_ basis: AirPlan.Basis, _ bases: Bases) -> (Double, Double)? {
        switch basis {
        case .energyGJ: bases.energyGJ.map { ($0, 1e6) }
        case .fuelKg: bases.fuelTonnes.map { ($0, 1e3) }
        case .fuelTonnes: bases.fuelTonnes.map { ($0, 1e6) }
        case .vehicleKm: bases.vehicleKm.map { ($0, 1e6) }
        }
    }

    static func problem(_ basis: AirPlan.Basis, _ bases: Bases) -> String {
        switch basis {
        case .energyGJ: bases.energyProblem
        case .fuelKg, .fuelTonnes: bases.fuelProblem
        case .vehicleKm: bases.vehicleKmProblem
        }
    }

    /// Energy, fuel mass and vehicle-km from the activity, as far as the plan needs them.
    func bases(_ activity: Activity?, _ plan: AirPlan, memoOnly: Bool) -> Bases {
        var bases = Bases()
        guard let activity else {
            let reason = "the line has no activity to apply factors to"
            (bases.energyProblem, bases.fuelProblem, bases.vehicleKmProblem) = (reason, reason, reason)
            return bases
        }
        if memoOnly && activity.unit.dimension != .mass && activity.unit.dimension != .volume {
            // Grid energy in kWh is the power plant's output, not the fuel it burnt.
            let reason = "the power-plant memo needs the fuel burnt for the energy (its mass or volume)"
            (bases.energyProblem, bases.fuelProblem, bases.vehicleKmProblem) = (reason, reason, reason)
            return bases
        }
        if plan.needsEnergy {
            switch UnitConversion.convert(
                activity, to: Self.gigajoule, fuel: plan.fuel, ncv: plan.ncv, density: plan.density)
            {
            case .success(let value): bases.energyGJ = value
            case .failure(let problem): bases.energyProblem = problem.message
            }
        }
        guard plan.needsFuelMass || plan.needsVehicleKm else { return bases }
        if activity.unit.dimension == .vehicleDistance {
            let vehicleKm = activity.value * activity.unit.inBase
            bases.vehicleKm = vehicleKm
            if let grams = plan.gramsPerKm {
                bases.fuelTonnes = vehicleKm * grams / 1e6
            } else {
                bases.fuelProblem = "no Tier 1 fuel consumption to turn vehicle-km into fuel"
            }
            return bases
        }
        switch UnitConversion.convert(activity, to: Self.tonne, fuel: plan.fuel, ncv: plan.ncv, density: plan.density) {
        case .success(let tonnes):
            bases.fuelTonnes = tonnes
            if let grams = plan.gramsPerKm {
                bases.vehicleKm = tonnes * 1e6 / grams
            } else {
                bases.vehicleKmProblem = "no Tier 1 fuel consumption to turn fuel into vehicle-km"
            }
        case .failure(let problem):
            bases.fuelProblem = problem.message
            bases.vehicleKmProblem = problem.message
        }
        return bases
    }
}
