import Foundation

/// The one rule for "may this user change this city's records" (profile, facts, inventories,
/// factors, targets, forecast, actions, plans, capacity requests): the secretariat may for every
/// city; a member may for the city of their own organisation (a local government), unless the
/// organisation is suspended (then `CurrentUser.cityID` is nil).
enum EditorRule {
    static func mayEdit(city cityID: UUID, user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.isSecretariat || (user.cityID != nil && user.cityID == cityID)
    }
}
