import Foundation

extension AirPollutantCalculator {
    /// Road: exhaust by vehicle class and fuel (per kg of fuel), plus tyre, brake and road wear of
    /// the class (per vehicle-km); the Tier 1 fuel consumption converts between the two.
    func roadPlan(vehicle: VehicleClass, fuel: Fuel, roadFuel: RoadFuel) -> AirPlan {
        var parts = Array(repeating: [AirPlan.Part](), count: AirPollutant.allCases.count)
        var gaps = Array(repeating: [String](), count: AirPollutant.allCases.count)
        if let exhaustClass = RoadTier1.exhaustClass(vehicle, roadFuel) {
            for pollutant in AirPollutant.allCases {
                let nfr = vehicle.exhaustNFR
                switch library.lookup(nfr: nfr, fuelClass: exhaustClass, pollutant: pollutant, edition: edition, region: region) {
                case .factor(let factor) where factor.unit == .percentOfPM25:
                    gaps[pollutant.index].append(Self.roadShareGap)
                case .factor(let factor): parts[pollutant.index].append(AirPlan.Part(component: .exhaust, factor: factor))
                case .perRegion(let factors): gaps[pollutant.index].append(Self.regionChoice(factors))
                case .none(let reason): gaps[pollutant.index].append(Self.exhaustGap(pollutant) ?? reason)
                }
            }
        } else {
            let reason = "the Tier 1 road tables have no exhaust factors for a \(vehicle.name.lowercased()) on \(fuel.name)"
            for pollutant in AirPollutant.allCases { gaps[pollutant.index].append(reason) }
        }
        // Wear emits particles only: for the gases there is no part to miss.
        let particles: [AirPollutant] = [.tsp, .pm10, .pm25, .bc]
        if let wearClass = vehicle.nonExhaustClass {
            for (nfr, component) in [
                (AirSource.tyreAndBrakeWear, AirComponent.tyreAndBrakeWear), (AirSource.roadAbrasion, .roadAbrasion),
            ] {
                for pollutant in particles {
                    switch library.lookup(nfr: nfr, fuelClass: wearClass, pollutant: pollutant, edition: edition) {
                    case .factor(let factor) where factor.unit == .percentOfPM25:
                        gaps[pollutant.index].append(Self.roadShareGap)
                    case .factor(let factor): parts[pollutant.index].append(AirPlan.Part(component: component, factor: factor))
                    case .perRegion(let factors): gaps[pollutant.index].append(Self.regionChoice(factors))
                    case .none(let reason): gaps[pollutant.index].append(reason)
                    }
                }
            }
        } else {
            let reason = "the Tier 1 tables have no tyre, brake or road wear factors for a \(vehicle.name.lowercased())"
            for pollutant in particles { gaps[pollutant.index].append(reason) }
        }
        let consumption = RoadTier1.fuelConsumption(vehicle, roadFuel, edition: edition)
        return AirPlan(parts: parts, gaps: gaps, bcShare: nil, fuel: fuel, gramsPerKm: consumption)
    }

    /// Road exhaust gaps the reference note explains (§2).
    static func exhaustGap(_ pollutant: AirPollutant) -> String? {
        switch pollutant {
        case .pm10, .pm25: "the Tier 1 road table lists exhaust particulate matter as TSP only"
        case .sox: "road SOx has no Tier 1 factor (it follows from the fuel's sulphur content)"
        case .bc: "road black carbon has Tier 2/3 factors only"
        default: nil
        }
    }

    /// A share of one road component's PM2.5 cannot be applied to the line's PM2.5 of several components.
    static let roadShareGap = "a black-carbon share of one road component's PM2.5 is not applied to the line's total"
}
