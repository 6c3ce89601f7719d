extension Attribute {
    static func `class`(_ value: String) -> Attribute { Attribute(name: "class", value: value) }
    static func id(_ value: String) -> Attribute { Attribute(name: "id", value: value) }
    static func href(_ path: String) -> Attribute { Attribute(name: "href", value: path) }
    static func action(_ path: String) -> Attribute { Attribute(name: "action", value: path) }
    static let post = Attribute(name: "method", value: "post")
    static let get = Attribute(name: "method", value: "get")
    static func name(_ value: String) -> Attribute { Attribute(name: "name", value: value) }
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: value) }
    static func type(_ value: String) -> Attribute { Attribute(name: "type", value: value) }
    static func `for`(_ value: String) -> Attribute { Attribute(name: "for", value: value) }
    static func lang(_ value: String) -> Attribute { Attribute(name: "lang", value: value) }
    static func title(_ value: String) -> Attribute { Attribute(name: "title", value: value) }
    static func scope(_ value: String) -> Attribute { Attribute(name: "scope", value: value) }
    static func autocomplete(_ value: String) -> Attribute { Attribute(name: "autocomplete", value: value) }
    static func inputmode(_ value: String) -> Attribute { Attribute(name: "inputmode", value: value) }
    static func rows(_ value: Int) -> Attribute { Attribute(name: "rows", value: String(value)) }
    static func maxlength(_ value: Int) -> Attribute { Attribute(name: "maxlength", value: String(value)) }
    static func step(_ value: String) -> Attribute { Attribute(name: "step", value: value) }
    static func aria(_ name: String, _ value: String) -> Attribute { Attribute(name: "aria-\(name)", value: value) }
    static func custom(_ name: String, _ value: String?) -> Attribute { Attribute(name: name, value: value) }
    static func required(_ on: Bool = true) -> Attribute { Attribute(name: "required", value: nil, present: on) }
    static func checked(_ on: Bool) -> Attribute { Attribute(name: "checked", value: nil, present: on) }
    static func selected(_ on: Bool) -> Attribute { Attribute(name: "selected", value: nil, present: on) }
    /// A `<details>` shown open.
    static func open(_ on: Bool) -> Attribute { Attribute(name: "open", value: nil, present: on) }
    static func hreflang(_ value: String) -> Attribute { Attribute(name: "hreflang", value: value) }
    static func rel(_ value: String) -> Attribute { Attribute(name: "rel", value: value) }
    static func content(_ value: String) -> Attribute { Attribute(name: "content", value: value) }
    /// Present only when `condition` holds (e.g. `aria-invalid` on a field with an error).
    static func when(_ condition: Bool, _ attribute: Attribute) -> Attribute {
        Attribute(name: attribute.name, value: attribute.value, present: condition && attribute.present)
    }
}
