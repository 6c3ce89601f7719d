import Foundation

/// Who may do what with a knowledge record (the editorial workflow of issue 5): members draft and
/// submit their own records; the secretariat and members of a resource centre review them and
/// publish or return them; the secretariat corrects anything. Drafts and records in review are
/// visible only to their author and the reviewers.
struct KnowledgeAccess: Sendable, Equatable {
    let canView: Bool
    let canEdit: Bool
    let canSubmit: Bool
    let canReview: Bool
    let canAttach: Bool

    static func canCreate(_ user: CurrentUser?) -> Bool { user != nil }

    static func isReviewer(_ user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.isSecretariat || (user.organisationIsResourceCentre && !user.organisationSuspended)
    }

    init(user: CurrentUser?, item: KnowledgeItem) {
        let isAuthor = user != nil && item.authorID == user?.id
        let reviewer = Self.isReviewer(user)
        let state = item.state
        canView = state == .published || isAuthor || reviewer
        canEdit = (isAuthor && state == .draft) || (user?.isSecretariat ?? false)
        canSubmit = isAuthor && state == .draft
        canReview = reviewer && state == .inReview
        canAttach = canEdit && item.kind == KnowledgeKind.publication.rawValue
    }
}
