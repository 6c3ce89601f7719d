import Foundation

/// What an inventory covers. A city may have one of each per year; they share the engine, the
/// factors, the states, the versions and the exports, and are never summed together (the
/// municipality's own operations are part of the community's emissions already).
enum InventoryKind: String, RecordStatus {
    /// The city as a whole, by the GPC (the platform's inventories before kinds existed).
    case community
    /// The municipality's own operations — its buildings, fleet, street lighting, water and waste
    /// services — in scopes 1–3 (ClearPath's and HEAT+'s government module).
    case government

    /// What the eCRF's "Type" row and the CDP summary state.
    var reportType: String {
        switch self {
        case .community: "Community-scale GHG inventory (GPC)"
        case .government: "Government operations GHG inventory (local government's own operations, scopes 1–3)"
        }
    }

    /// Reads the API's and forms' spellings; empty means community.
    static func parse(_ text: String) -> InventoryKind? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "community", "gpc": .community
        case "government", "government-operations", "government_operations", "municipal": .government
        default: nil
        }
    }
}
