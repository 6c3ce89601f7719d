import Foundation

/// Parses a worksheet part's `sheetData` into values (ECMA-376 Part 1 §18.3.1.4 for `c`,
/// §18.18.11 for its types).
enum SheetReader {
    static func parse(_ data: Data, part: String, name: String, sharedStrings: [String]) throws(SpreadsheetError)
        -> SheetValues
    {
        var cells: [CellReference: CellValue] = [:]
        var row = 0
        var column = 0
        var type = "n"
        var reference: CellReference?
        var inValue = false
        var inInline = false
        var inPhonetic = false
        var inText = false
        var buffer = ""
        var inlineText = ""
        var hasValue = false
        var problem: SpreadsheetError?

        func finishCell() {
            guard let reference else { return }
            if inlineText.isEmpty && !hasValue { return }
            switch type {
            case "s":
                guard let index = Int(buffer.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                    problem =
                        problem
                        ?? .malformedPart(part, "cell \(reference.a1) refers to shared string “\(buffer)”, which does not exist")
                    return
                }
                cells[reference] = .text(sharedStrings[index])
            case "inlineStr": cells[reference] = .text(XMLText.decodeCellText(inlineText))
            case "str": cells[reference] = .text(XMLText.decodeCellText(buffer))
            case "b": cells[reference] = .bool(buffer.trimmingCharacters(in: .whitespaces) == "1")
            case "e": cells[reference] = .error(buffer)
            case "d": cells[reference] = .text(buffer)
            default:
                let text = Double(buffer) != nil ? buffer : buffer.trimmingCharacters(in: .whitespaces)
                guard let number = Double(text), number.isFinite else {
                    problem = problem ?? .malformedPart(part, "cell \(reference.a1) holds “\(text)” where its type says number")
                    return
                }
                cells[reference] = .number(number)
            }
        }

        try XMLEvents.parse(
            data, part: part,
            start: { element, attributes in
                switch element {
                case "row":
                    // Rows and cells may leave out their position: they then follow the previous one.
                    row = attributes["r"].flatMap { Int($0) } ?? row + 1
                    column = 0
                case "c":
                    if let text = attributes["r"], let parsed = CellReference(text) {
                        reference = parsed
                        row = parsed.row
                        column = parsed.column
                    } else {
                        column += 1
                        reference = CellReference(row: row, column: column)
                        if reference == nil {
                            problem =
                                problem ?? .malformedPart(part, "a cell lies outside the sheet (row \(row), column \(column))")
                        }
                    }
                    type = attributes["t"] ?? "n"
                    buffer = ""
                    inlineText = ""
                    hasValue = false
                case "v":
                    inValue = true
                    hasValue = true
                case "is": inInline = true
                case "rPh": inPhonetic = true
                case "t" where inInline && !inPhonetic: inText = true
                default: break
                }
            },
            end: { element in
                switch element {
                case "c":
                    finishCell()
                    reference = nil
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "t": inText = false
                default: break
                }
            },
            text: { text in
                if inValue {
                    buffer += text
                } else if inText {
                    inlineText += text
                }
            })
        if let problem { throw problem }
        return SheetValues(name: name, cells: cells)
    }
}

/// Parses `xl/sharedStrings.xml`: one text per `si`, its runs joined, phonetic guides (`rPh`,
/// the furigana Japanese Excel stores beside a text) left out.
enum SharedStringsReader {
    static func parse(_ data: Data, part: String) throws(SpreadsheetError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inPhonetic = false
        var inText = false
        try XMLEvents.parse(
            data, part: part,
            start: { element, _ in
                switch element {
                case "si":
                    inItem = true
                    current = ""
                case "rPh": inPhonetic = true
                case "t" where inItem && !inPhonetic: inText = true
                default: break
                }
            },
            end: { element in
                switch element {
                case "si":
                    strings.append(XMLText.decodeCellText(current))
                    inItem = false
                case "rPh": inPhonetic = false
                case "t": inText = false
                default: break
                }
            },
            text: { text in if inText { current += text } })
        return strings
    }
}
