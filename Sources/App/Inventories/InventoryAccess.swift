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
        self.init(user: user, cityID: cityID, rights: inventory.map(InventoryRights.init))
    }

    init(user: CurrentUser?, cityID: UUID, rights inventory: InventoryRights?) {
        let isSecretariat = user?.isSecretariat ?? false
        let isEditor = EditorRule.mayEdit(city: cityID, user: user)
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

extension InventoryAccess {
    /// The rights as one string: readers with the same rights see the same inventory page.
    var key: String {
        [canView, isEditor, canEdit, canSubmit, canVerify, canPublish, canReturn, canNameVerifier].map { $0 ? "1" : "0" }
            .joined()
    }
}

/// What decides who may see and act on an inventory, as a plain value (cached pages keep it and
/// decide per request).
struct InventoryRights: Sendable, Hashable {
    let state: InventoryState
    let createdBy: UUID?
    let submittedBy: UUID?
    let verifierID: UUID?

    init(state: InventoryState, createdBy: UUID?, submittedBy: UUID?, verifierID: UUID?) {
        self.state = state
        self.createdBy = createdBy
        self.submittedBy = submittedBy
        self.verifierID = verifierID
    }

    init(_ inventory: Inventory) {
        self.init(
            state: inventory.state, createdBy: inventory.createdBy, submittedBy: inventory.submittedBy,
            verifierID: inventory.verifierID)
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
