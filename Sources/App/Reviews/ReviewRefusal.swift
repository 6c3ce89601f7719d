import Foundation

/// A review form the service refused, shown again on its page: which form (its action and the
/// criterion or recommendation it is for), what the person typed, and what is wrong — field by
/// field, or one message for the whole form (a stage closed, a conflict of interest). Nothing was
/// written; the page says so by keeping the typed values in the form it came from.
struct ReviewRefusal: Sendable {
    let action: String
    let key: String
    let values: [String: [String]]
    let errors: [String: String]
    /// A refusal that is not about one field (a catalogue key).
    let message: String?

    init(action: String, key: String, form: FormData, error: AppError) {
        self.action = action
        self.key = key
        self.values = form.values
        self.errors = error.fieldErrors
        self.message = error.fieldErrors.isEmpty ? error.messageKey : nil
    }

    /// What the form for `action` (and `key`) shows: the refusal when it is this form's.
    func fill(_ action: String, _ key: String = "") -> ReviewFormFill {
        ReviewFormFill(refusal: action == self.action && key == self.key ? self : nil)
    }
}

/// A form's values and errors: what was typed when the form was refused, else what is stored.
struct ReviewFormFill: Sendable {
    let refusal: ReviewRefusal?

    static let none = ReviewFormFill(refusal: nil)

    var errors: [String: String] { refusal?.errors ?? [:] }

    func value(_ name: String, _ stored: String) -> String { refusal?.values[name]?.first ?? stored }

    func values(_ name: String, _ stored: [String]) -> [String] { refusal?.values[name] ?? stored }

    func checked(_ name: String, _ stored: Bool) -> Bool {
        refusal.map { $0.values[name]?.first == "on" } ?? stored
    }

    /// The problems, above the form (each field's error also stands next to it).
    func summary(labels: [String: String], t: Translator) -> Node {
        guard let refusal else { return .fragment([]) }
        if let message = refusal.message {
            return div(.class("error-summary"), .custom("role", "alert"), .id("error-summary")) {
                h2 { t("form.has_errors") }
                para { t(message) }
            }
        }
        return Forms.errorSummary(refusal.errors, order: Array(labels.keys).sorted(), labels: labels, t: t) ?? .fragment([])
    }
}

extension Optional where Wrapped == ReviewRefusal {
    func fill(_ action: String, _ key: String = "") -> ReviewFormFill { self?.fill(action, key) ?? .none }

    /// Whatever form it was for: when the page no longer shows that form (the stage closed
    /// meanwhile, another reviewer marked the criterion first), the reason stands at the top.
    var any: ReviewFormFill { ReviewFormFill(refusal: self) }
}
