/// A small RFC 4180 reader and writer (quoted fields, doubled quotes, CRLF or LF), working on
/// UTF-8 bytes and keeping the line on which each record starts, so that every problem can name
/// its row as a spreadsheet shows it (the header is row 1).
struct CSVTable {
    struct Record {
        /// 1-based line where the record starts.
        let line: Int
        let fields: [String]
    }

    struct ParseError: Error {
        let line: Int
        let message: String
    }

    let header: [String]
    let records: [Record]
    let headerLine: Int

    /// Parses `text`; blank lines are skipped and a byte-order mark is ignored.
    init(parsing text: String) throws(ParseError) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let all = try Self.records(bytes)
        guard let first = all.first else { throw ParseError(line: 1, message: "the file is empty") }
        header = first.fields.map { $0.trimmingASCIISpaces() }
        headerLine = first.line
        records = Array(all.dropFirst())
    }

    private static func records(_ bytes: [UInt8]) throws(ParseError) -> [Record] {
        let quote: UInt8 = 0x22
        let comma: UInt8 = 0x2C
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var hasContent = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                inQuotes = true
                quoteLine = line
                hasContent = true
            case comma:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                hasContent = true
            case cr, lf:
                if byte == cr && index < bytes.count && bytes[index] == lf { index += 1 }
                if hasContent || !field.isEmpty {
                    fields.append(String(decoding: field, as: UTF8.self))
                    records.append(Record(line: recordLine, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                field.removeAll(keepingCapacity: true)
                hasContent = false
                line += 1
                recordLine = line
            default:
                field.append(byte)
                hasContent = true
            }
        }
        if inQuotes { throw ParseError(line: quoteLine, message: "a quoted field that starts on row \(quoteLine) never ends") }
        if hasContent || !field.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    /// One record as a field lookup by column name; absent columns and cells read as "".
    struct Row {
        let line: Int
        private let fields: [String]
        private let columns: [String: Int]

        init(record: Record, columns: [String: Int]) {
            line = record.line
            fields = record.fields
            self.columns = columns
        }

        subscript(column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingASCIISpaces()
        }

        var isBlank: Bool { fields.allSatisfy { $0.trimmingASCIISpaces().isEmpty } }

        /// The columns of this row that hold something.
        var filledColumns: [String] {
            columns.filter { $0.value < fields.count && !fields[$0.value].trimmingASCIISpaces().isEmpty }.map(\.key)
        }
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var escaped = "\""
        for character in field {
            if character == "\"" { escaped.append("\"") }
            escaped.append(character)
        }
        return escaped + "\""
    }

    /// One line of a file, CRLF-terminated as RFC 4180 asks.
    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }
}

extension String {
    /// Trims spaces, tabs and line breaks at both ends without Foundation's bridging.
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
