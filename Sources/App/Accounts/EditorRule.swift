import Foundation

/// The one rule for "may this user change this city's records" (profile, facts, inventories,
/// factors, targets, forecast, actions, plans, capacity requests): the secretariat may for every
/// city; a member may for the city of their own organisation (a local government), unless the
/// organisation is suspended (then `CurrentUser.cityID` is nil).
enum EditorRule {
    static func mayEdit(city cityID: UUID, user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.isSecretariat || speaksFor(city: cityID, user: user)
    }

    /// The city's own people — members of its organisations, not the secretariat: those who speak
    /// for the city where its own voice is asked (a review's self-assessment, its right of reply,
    /// its answers to the recommendations). The secretariat moderates and publishes the same review,
    /// so it never writes the city's side of it.
    static func speaksFor(city cityID: UUID, user: CurrentUser?) -> Bool {
        guard let user, let own = user.cityID else { return false }
        return own == cityID
    }
}
