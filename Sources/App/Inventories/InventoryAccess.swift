import Foundation

/// Who may do what with an inventory. Members edit their own city's inventories; the secretariat
/// edits any. Verification is by the secretariat or the verifier it named, never by the person
/// who created or submitted the inventory (GPC v1.1 ch. 10: verification is independent).
struct InventoryAccess: Sendable, Equatable {
    let canView: Bool
    let isEditor: Bool
    let canEdit: Bool
    let canSubmit: Bool
    let canVerify: Bool
    let canPublish: Bool
    let canReturn: Bool
    let canNameVerifier: Bool

    init(user: CurrentUser?, cityID: UUID, inventory: Inventory?) {
        let isSecretariat = user?.isSecretariat ?? false
        let isEditor = user.map { $0.isSecretariat || ($0.cityID != nil && $0.cityID == cityID) } ?? false
        self.isEditor = isEditor
        guard let inventory else {
            canView = true
            canEdit = isEditor
            canSubmit = false
            canVerify = false
            canPublish = false
            canReturn = false
            canNameVerifier = false
            return
        }
        let isNamedVerifier = user != nil && inventory.verifierID == user?.id
        let isAuthor = user != nil && (inventory.createdBy == user?.id || inventory.submittedBy == user?.id)
        let state = inventory.state
        canView = state == .published || isEditor || isNamedVerifier
        canEdit = isEditor && state == .draft
        canSubmit = isEditor && state == .draft
        canVerify = (isSecretariat || isNamedVerifier) && !isAuthor && state == .submitted
        canPublish = isEditor && state == .verified
        canReturn = (isEditor || isNamedVerifier) && state != .draft
        canNameVerifier = isSecretariat
    }
}

/// A state change asked for by a user.
enum InventoryTransition: String, Sendable, CaseIterable {
    case submit, verify, publish, `return`

    func allowed(by access: InventoryAccess) -> Bool {
        switch self {
        case .submit: access.canSubmit
        case .verify: access.canVerify
        case .publish: access.canPublish
        case .return: access.canReturn
        }
    }

    var target: InventoryState {
        switch self {
        case .submit: .submitted
        case .verify: .verified
        case .publish: .published
        case .return: .draft
        }
    }
}
