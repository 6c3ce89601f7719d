import Foundation

/// Who may change a city's targets, forecast, actions and action plans: the secretariat, and
/// members whose organisation is the city's local government. Everyone may read them: they are
/// the city's public commitments and the registry publishes them.
struct PlanAccess: Sendable, Equatable {
    let canEdit: Bool

    init(user: CurrentUser?, cityID: UUID) {
        canEdit = user.map { $0.isSecretariat || ($0.cityID != nil && $0.cityID == cityID) } ?? false
    }
}
