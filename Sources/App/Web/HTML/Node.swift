/// A small typed HTML builder that escapes every text and attribute value by default and renders
/// into one string buffer.
///
/// Why not Plot (the stack's first choice): Plot 0.14 writes attribute values unescaped
/// (`name="\(value)"`), so any user text in a form field's `value` would be an injection, and its
/// text escaper builds a String per character. See DESIGN.md "HTML" and the issue note.
struct Node: Sendable {
    fileprivate enum Kind: Sendable {
        case element(name: String, attributes: [Attribute], children: [Node])
        case void(name: String, attributes: [Attribute])
        case text(String)
        case raw(String)
        case fragment([Node])
    }

    fileprivate let kind: Kind

    static func element(_ name: String, _ attributes: [Attribute], _ children: [Node]) -> Node {
        Node(kind: .element(name: name, attributes: attributes, children: children))
    }

    static func void(_ name: String, _ attributes: [Attribute]) -> Node {
        Node(kind: .void(name: name, attributes: attributes))
    }

    static func text(_ text: String) -> Node { Node(kind: .text(text)) }

    /// Markup that is already safe (the doctype, server-rendered SVG built by this module).
    static func trusted(_ markup: String) -> Node { Node(kind: .raw(markup)) }

    static func fragment(_ children: [Node]) -> Node { Node(kind: .fragment(children)) }

    func render() -> String {
        var output = ""
        output.reserveCapacity(16 * 1024)
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch kind {
        case .text(let text):
            HTMLEscaping.appendEscapedText(text, to: &output)
        case .raw(let markup):
            output += markup
        case .fragment(let children):
            for child in children { child.render(into: &output) }
        case .void(let name, let attributes):
            output += "<"
            output += name
            Attribute.render(attributes, into: &output)
            output += ">"
        case .element(let name, let attributes, let children):
            output += "<"
            output += name
            Attribute.render(attributes, into: &output)
            output += ">"
            for child in children { child.render(into: &output) }
            output += "</"
            output += name
            output += ">"
        }
    }
}

/// An attribute; `value == nil` renders a boolean attribute (`required`), `present == false` nothing.
struct Attribute: Sendable {
    let name: String
    let value: String?
    var present: Bool = true

    static func render(_ attributes: [Attribute], into output: inout String) {
        for attribute in attributes where attribute.present {
            output += " "
            output += attribute.name
            if let value = attribute.value {
                output += "=\""
                HTMLEscaping.appendEscapedAttribute(value, to: &output)
                output += "\""
            }
        }
    }
}

enum HTMLEscaping {
    static func appendEscapedText(_ text: String, to output: inout String) {
        append(text, to: &output, escapingQuotes: false)
    }

    static func appendEscapedAttribute(_ text: String, to output: inout String) {
        append(text, to: &output, escapingQuotes: true)
    }

    static func escape(_ text: String) -> String {
        var output = ""
        append(text, to: &output, escapingQuotes: true)
        return output
    }

    private static func append(_ text: String, to output: inout String, escapingQuotes: Bool) {
        // Fast path: most text has nothing to escape.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || (escapingQuotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
        }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"" where escapingQuotes: output += "&quot;"
            case "'" where escapingQuotes: output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}

/// Collects builder content into nodes (for `.fragment`).
func build(@HTMLBuilder _ content: () -> [Node]) -> [Node] { content() }

@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ node: Node) -> [Node] { [node] }
    static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    static func buildExpression(_ node: Node?) -> [Node] { node.map { [$0] } ?? [] }
    static func buildBlock(_ components: [Node]...) -> [Node] { components.flatMap { $0 } }
    static func buildArray(_ components: [[Node]]) -> [Node] { components.flatMap { $0 } }
    static func buildOptional(_ component: [Node]?) -> [Node] { component ?? [] }
    static func buildEither(first component: [Node]) -> [Node] { component }
    static func buildEither(second component: [Node]) -> [Node] { component }
    static func buildLimitedAvailability(_ component: [Node]) -> [Node] { component }
}
