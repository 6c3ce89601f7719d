import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A thin wrapper over Foundation's `XMLParser` (libxml2 on Linux): start, end and text events
/// with namespace prefixes stripped from element and attribute names, so that `x:row` (as the
/// Open XML SDK writes it) and `row` read alike, and Strict OOXML's namespaces as well.
/// External entities are never resolved (`XMLParser`'s default).
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: [String: String]) -> Void
    typealias End = (_ name: String) -> Void
    typealias Text = (_ text: String) -> Void

    private let start: Start
    private let end: End
    private let text: Text

    private init(start: @escaping Start, end: @escaping End, text: @escaping Text) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Parses `data`, calling the handlers in document order. Throws `malformedPart` naming `part`.
    static func parse(
        _ data: Data, part: String, start: @escaping Start, end: @escaping End = { _ in }, text: @escaping Text = { _ in }
    ) throws(SpreadsheetError) {
        // The Open Packaging Conventions (ECMA-376 Part 2) forbid DTDs in package parts, and a DTD
        // is how entity-expansion attacks ("billion laughs") get in: refuse it before parsing.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw .malformedPart(part, "it declares a DTD, which Open XML parts never do")
        }
        let events = XMLEvents(start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        // Foundation on Linux returns true for a document that ends too early, with the error
        // set; and true for empty data. Both are damage.
        let finished = parser.parse()
        if !finished || parser.parserError != nil {
            throw .malformedPart(part, "line \(parser.lineNumber): \(reason(parser.parserError))")
        }
        if !events.sawElement { throw .malformedPart(part, "it is empty") }
    }

    /// libxml2's error codes (`xmlParserErrors`) in words, for the few a damaged file produces.
    private static func reason(_ error: (any Error)?) -> String {
        guard let code = (error as? NSError)?.code else { return "not well-formed XML" }
        switch code {
        case 4: return "it is not XML"
        case 5: return "the XML ends too early (the file is truncated)"
        case 26: return "an undeclared entity"
        case 76: return "an end tag does not match its start tag"
        default: return "not well-formed XML (libxml2 error \(code))"
        }
    }

    private var sawElement = false

    static func localName(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: ":")), let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        sawElement = true
        // Most elements have no prefixed attribute: keep their dictionary as it is.
        guard attributes.keys.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) else {
            start(Self.localName(elementName), attributes)
            return
        }
        var local: [String: String] = [:]
        for (key, value) in attributes where !key.hasPrefix("xmlns") { local[Self.localName(key)] = value }
        start(Self.localName(elementName), local)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
}
