import Foundation
/// Form controls with their label, hint and error next to the field (and tied to it with
/// `aria-describedby`), so forms read well with a screen reader and without JavaScript.
enum Forms {
    /// Labels of the name fields, one per content language.
    static func nameLabels() -> [String: String] {
        Dictionary(uniqueKeysWithValues: ContentLanguage.allCases.map { ("name_\($0.rawValue)", $0.endonym) })
    }

    static func fieldID(_ name: String) -> String {
        let scope = idScope.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" } + "-" } ?? ""
        return "f-" + scope + name.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "")
    }

    /// The scope of the field ids while a form renders: a page with the same form several times
    /// (one per criterion, per mark, per recommendation) renders each under its own scope, so that
    /// every label, hint and error link points to its own form's field and no id is repeated.
    /// A task-local because rendering is synchronous and the field helpers are called in many
    /// places: the scope reaches them without a parameter on each.
    @TaskLocal static var idScope: String?

    /// `content` with its field ids under `scope` (see `idScope`).
    static func scoped(_ scope: String, _ content: () -> Node) -> Node {
        $idScope.withValue(scope, operation: content)
    }

    static func csrf(_ token: String) -> Node {
        input(.type("hidden"), .name(CSRF.fieldName), .value(token))
    }

    /// The list of problems at the top of a form, each naming its field and linking to it.
    /// `labels` maps field names to their (translated) labels.
    static func errorSummary(_ errors: [String: String], order: [String], labels: [String: String] = [:], t: Translator) -> Node?
    {
        guard !errors.isEmpty else { return nil }
        let ordered = order.filter { errors[$0] != nil } + errors.keys.filter { !order.contains($0) }.sorted()
        return div(.class("error-summary"), .custom("role", "alert"), .id("error-summary")) {
            h2 { t("form.has_errors") }
            ul {
                for name in ordered {
                    li {
                        link(.href("#" + fieldID(name))) {
                            if let label = labels[name] { strong { label + ": " } }
                            t(errors[name] ?? "")
                        }
                    }
                }
            }
        }
    }

    private static func describedBy(_ name: String, error: String?, hint: String?) -> Attribute {
        let ids = [hint == nil ? nil : fieldID(name) + "-hint", error == nil ? nil : fieldID(name) + "-error"].compactMap { $0 }
        return .when(!ids.isEmpty, .aria("describedby", ids.joined(separator: " ")))
    }

    /// The label, then the hint and the error, above a control.
    private static func heading(
        _ name: String, label labelText: String, required: Bool, error: String?, hint: String?, t: Translator
    )
        -> [Node]
    {
        [
            label(.for(fieldID(name))) {
                labelText
                if required { span(.class("required"), .aria("hidden", "true")) { " *" } }
            }
        ] + messages(name, error: error, hint: hint, t: t)
    }

    private static func messages(_ name: String, error: String?, hint: String?, t: Translator) -> [Node] {
        var nodes: [Node] = []
        if let hint { nodes.append(span(.class("hint"), .id(fieldID(name) + "-hint")) { hint }) }
        if let error { nodes.append(span(.class("field-error"), .id(fieldID(name) + "-error")) { t(error) }) }
        return nodes
    }

    static func text(
        _ name: String, label labelText: String, value: String, errors: [String: String], t: Translator,
        type: String = "text", required: Bool = false, hint: String? = nil, autocomplete: String? = nil,
        maxLength: Int = 500, lang: String? = nil
    ) -> Node {
        let error = errors[name]
        return div(.class(error == nil ? "field" : "field has-error")) {
            heading(name, label: labelText, required: required, error: error, hint: hint, t: t)
            input(
                .type(type), .id(fieldID(name)), .name(name), .value(value), .required(required),
                .maxlength(maxLength), describedBy(name, error: error, hint: hint),
                .when(error != nil, .aria("invalid", "true")),
                .when(autocomplete != nil, .autocomplete(autocomplete ?? "")),
                .when(lang != nil, .lang(lang ?? "")),
                .when(type == "number", .step("any"))
            )
        }
    }

    static func textArea(
        _ name: String, label labelText: String, value: String, errors: [String: String], t: Translator,
        required: Bool = false, hint: String? = nil, rows: Int = 5
    ) -> Node {
        let error = errors[name]
        return div(.class(error == nil ? "field" : "field has-error")) {
            heading(name, label: labelText, required: required, error: error, hint: hint, t: t)
            textarea(
                .id(fieldID(name)), .name(name), .rows(rows), .required(required),
                describedBy(name, error: error, hint: hint), .when(error != nil, .aria("invalid", "true"))
            ) { value }
        }
    }

    static func select(
        _ name: String, label labelText: String, options: [(value: String, label: String)], selected: String,
        errors: [String: String], t: Translator, required: Bool = false, blank: String? = nil, hint: String? = nil
    ) -> Node {
        let error = errors[name]
        return div(.class(error == nil ? "field" : "field has-error")) {
            heading(name, label: labelText, required: required, error: error, hint: hint, t: t)
            App.select(
                .id(fieldID(name)), .name(name), .required(required), describedBy(name, error: error, hint: hint),
                .when(error != nil, .aria("invalid", "true"))
            ) {
                if let blank { option(.value("")) { blank } }
                for item in options {
                    option(.value(item.value), .selected(item.value == selected)) { item.label }
                }
            }
        }
    }

    static func checkbox(
        _ name: String, label labelText: String, checked: Bool, errors: [String: String], t: Translator,
        value: String = "on", required: Bool = false
    ) -> Node {
        let error = errors[name]
        return div(.class(error == nil ? "field checkbox" : "field checkbox has-error")) {
            messages(name, error: error, hint: nil, t: t)
            input(
                .type("checkbox"), .id(fieldID(name)), .name(name), .value(value), .checked(checked),
                .required(required), describedBy(name, error: error, hint: nil),
                .when(error != nil, .aria("invalid", "true"))
            )
            label(.for(fieldID(name))) { labelText }
        }
    }

    static func checkboxes(
        _ name: String, legend legendText: String, options: [(value: String, label: String)], selected: Set<String>,
        errors: [String: String], t: Translator
    ) -> Node {
        let error = errors[name]
        return fieldset(.class(error == nil ? "field" : "field has-error"), .id(fieldID(name))) {
            legend { legendText }
            messages(name, error: error, hint: nil, t: t)
            for item in options {
                div(.class("checkbox")) {
                    input(
                        .type("checkbox"), .id(fieldID(name) + "-" + item.value), .name(name), .value(item.value),
                        .checked(selected.contains(item.value))
                    )
                    label(.for(fieldID(name) + "-" + item.value)) { item.label }
                }
            }
        }
    }

    static func submit(_ text: String, secondary: Bool = false) -> Node {
        button(.type("submit"), .class(secondary ? "button secondary" : "button")) { text }
    }
}
