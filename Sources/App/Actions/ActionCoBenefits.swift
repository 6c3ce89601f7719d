import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// What an action's energy avoided is worth: the CO2e under a GWP set and the air pollutants under
/// an edition, entry by entry and in total, from the same default factors as an inventory line.
struct ActionCoBenefits: Sendable {
    struct Entry: Sendable {
        let entry: EnergyAvoidedEntry
        let estimate: CoBenefitEstimate?
        /// Why it does not compute (the reference data changed since it was saved).
        let problems: [String]
    }

    let set: GWPSet
    let edition: AirPollutantEdition
    let entries: [Entry]

    /// t CO2e per year avoided; nil when no entry computes.
    var co2e: Double? {
        let values = entries.compactMap { $0.estimate?.co2e }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    /// Tonnes per year avoided inside the city boundary (nil = not estimated).
    var pollutants: PollutantValues {
        var total = PollutantValues()
        for entry in entries { if let estimate = entry.estimate { total.add(estimate.pollutants) } }
        return total
    }

    /// Tonnes per year avoided at the power plants (grid energy): a memo.
    var upstream: PollutantValues {
        var total = PollutantValues()
        for entry in entries { if let estimate = entry.estimate { total.add(estimate.upstreamPowerPlant) } }
        return total
    }

    /// nil for an action without energy avoided.
    static func compute(
        _ entries: [EnergyAvoidedEntry], reference: ReferenceData, set: GWPSet, edition: AirPollutantEdition
    ) -> ActionCoBenefits? {
        guard !entries.isEmpty else { return nil }
        return ActionCoBenefits(
            set: set, edition: edition,
            entries: entries.map { entry in
                guard let avoided = entry.value else { return Entry(entry: entry, estimate: nil, problems: ["unit"]) }
                switch reference.coBenefits(of: avoided, set: set, edition: edition) {
                case .success(let estimate): return Entry(entry: entry, estimate: estimate, problems: [])
                case .failure(let problems):
                    return Entry(entry: entry, estimate: nil, problems: problems.items.map(\.description))
                }
            })
    }
}

extension Services {
    /// The GWP set and edition an action page states its computed reductions in: those of the
    /// city's latest published community inventory (so they compare with it), else AR5 and the
    /// current edition.
    func coBenefitBasis(city: UUID) async throws -> (set: GWPSet, edition: AirPollutantEdition) {
        let row = try await db.sql().select().columns("gwp_set", "air_edition").from("inventories")
            .where("city_id", .equal, city).where("kind", .equal, InventoryKind.community.rawValue)
            .where("state", .equal, InventoryState.published.rawValue).orderBy("year", .descending).limit(1).first()
        guard let row else { return (.ar5, .current) }
        return (
            GWPSet(rawValue: try row.decode(column: "gwp_set", as: String.self)) ?? .ar5,
            AirPollutantEdition(rawValue: try row.decode(column: "air_edition", as: String.self)) ?? .current
        )
    }
}
