/// The named formulas that compute quantitative items from platform data.
///
/// A framework file names one in its `formula` column; the unit of the item must convert from
/// one of the formula's ``naturalUnits``. `FORMULAS.md` gives each rule and its source.
public enum FormulaName: String, Sendable, Hashable, Codable, CaseIterable {
    /// Inventory total on the chosen basis ÷ resident population of the same year.
    case emissionsPerPerson = "emissions_per_person"
    /// Inventory total ÷ GDP of the same year, per million units of the GDP's currency.
    case emissionsPerGDP = "emissions_per_gdp"
    /// Inventory total ÷ land area.
    case emissionsPerArea = "emissions_per_area"
    /// Change of the total since the base year, same basis, gases and GWP set, in %.
    case emissionsChangeSinceBase = "emissions_change_since_base"
    /// Change of emissions per unit GDP since the base year from official real growth rates, in %.
    case gdpIntensityChangeSinceBase = "gdp_intensity_change_since_base"
    /// Share of GPC sector I in the inventory's total, in %.
    case sectorShareStationaryEnergy = "sector_share_stationary_energy"
    /// Share of GPC sector II, in %.
    case sectorShareTransportation = "sector_share_transportation"
    /// Share of GPC sector III, in %.
    case sectorShareWaste = "sector_share_waste"
    /// Share of GPC sector IV, in %.
    case sectorShareIPPU = "sector_share_ippu"
    /// Share of GPC sector V, in %.
    case sectorShareAFOLU = "sector_share_afolu"
    /// The grid electricity factor the city's inventory uses.
    case gridEmissionFactor = "grid_emission_factor"
    /// Municipal solid waste generated per resident and year, from the waste lines.
    case wastePerPerson = "waste_per_person"
    /// Share of generated municipal solid waste sent to landfill, in %.
    case landfillShare = "landfill_share"
    /// Share of the city's actions completed or in progress, in %.
    case actionImplementationShare = "action_implementation_share"
    /// Achieved ÷ expected annual reductions of actions under way or done, in %.
    case achievedVsExpectedReduction = "achieved_vs_expected_reduction"
    /// Reduction per year a base-year absolute target asks for, in % of base-year emissions.
    case targetAmbition = "target_ambition"
    /// Share of the targeted reduction achieved so far, on the target's own basis, in %.
    case targetProgress = "target_progress"
    /// Share of the GPC cells the inventory's level requires that are reported, in %.
    case inventoryCompleteness = "inventory_completeness"
    /// 1 when the inventory is verified, 0 when it is not.
    case inventoryVerification = "inventory_verification"

    /// The units the formula computes in; an item's unit must convert from one of them.
    public var naturalUnits: [String] {
        switch self {
        case .emissionsPerPerson: ["t CO2e/person", "t CO2/person"]
        case .emissionsPerGDP:
            UnitCatalog.currencies.flatMap { ["t CO2e/million \($0)", "t CO2/million \($0)"] }
        case .emissionsPerArea: ["t CO2e/km2", "t CO2/km2"]
        case .gridEmissionFactor: ["t CO2/MWh"]
        case .wastePerPerson: ["kg/person/yr"]
        case .targetAmbition: ["%/yr"]
        case .inventoryVerification: ["yes/no"]
        case .emissionsChangeSinceBase, .gdpIntensityChangeSinceBase, .sectorShareStationaryEnergy,
            .sectorShareTransportation, .sectorShareWaste, .sectorShareIPPU, .sectorShareAFOLU, .landfillShare,
            .actionImplementationShare, .achievedVsExpectedReduction, .targetProgress, .inventoryCompleteness:
            ["%"]
        }
    }

    /// The GPC sector whose share the formula computes, if it is a share formula.
    public var sector: GPCSector? {
        switch self {
        case .sectorShareStationaryEnergy: .stationaryEnergy
        case .sectorShareTransportation: .transportation
        case .sectorShareWaste: .waste
        case .sectorShareIPPU: .ippu
        case .sectorShareAFOLU: .afolu
        default: nil
        }
    }
}
