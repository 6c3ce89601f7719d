import Foundation

/// A problem in an import file, with the row (1-based line of the file) and column.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let row: Int?
    public let column: String?
    public let message: String
    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
    public var description: String {
        [row.map { "row \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            + (row == nil && column == nil ? "" : ": ") + message
    }
}

/// Reads and writes the published inventory template (docs/inventory-template.md).
public enum InventoryCSV {
    /// At most this many problems are reported: enough to fix a file, not a flood.
    public static let maxProblems = 200

    /// Parses a whole file. Either every row is valid and calculable (lines returned) or
    /// nothing is: every problem with its row and column.
    public static func read(_ text: String, parser: LineParser, calculator: Calculator) -> Result<[Line], ImportProblems> {
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            return .failure(
                ImportProblems([ImportProblem(row: nil, column: nil, message: "the file is not valid CSV: \(error)")]))
        }
        guard let header = records.first else {
            return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "the file is empty")]))
        }
        if header.fields.count == 1, header.fields[0].contains(";") || header.fields[0].contains("\t") {
            return .failure(
                ImportProblems([
                    ImportProblem(
                        row: 1, column: nil,
                        message:
                            "the columns are separated by \(header.fields[0].contains(";") ? "semicolons" : "tabs"); the template uses commas (save as “CSV UTF-8 (comma delimited)”)"
                    )
                ]))
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [ImportProblem] = []
        let unknown = columns.filter { !LineColumns.known.contains($0) }
        if !unknown.isEmpty {
            problems.append(
                ImportProblem(
                    row: 1, column: unknown.joined(separator: ", "),
                    message:
                        "unknown column\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")); the template's columns are \((LineColumns.all + LineColumns.optional).joined(separator: ", "))"
                ))
        }
        let duplicates = Dictionary(grouping: columns, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicates.isEmpty {
            problems.append(ImportProblem(row: 1, column: duplicates.joined(separator: ", "), message: "column named twice"))
        }
        if !columns.contains("gpc_ref") {
            problems.append(ImportProblem(row: 1, column: "gpc_ref", message: "the required column gpc_ref is missing"))
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        guard records.count > 1 else {
            return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "the file has a header but no rows")]))
        }

        var lines: [Line] = []
        lines.reserveCapacity(records.count - 1)
        var ids: [String: Int] = [:]
        for record in records.dropFirst() {
            if problems.count >= maxProblems { break }
            // Spreadsheets leave rows of empty cells at the end and empty cells beyond the header.
            if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            if record.fields.count > columns.count && !record.fields[columns.count...].allSatisfy({ $0.trimmed.isEmpty }) {
                problems.append(
                    ImportProblem(
                        row: record.line, column: nil,
                        message: "has \(record.fields.count) fields but the header names \(columns.count) columns"))
                continue
            }
            var fields: [String: String] = [:]
            for (index, value) in record.fields.enumerated() where index < columns.count { fields[columns[index]] = value }
            switch parser.parse(fields) {
            case .failure(let found):
                problems += found.items.map { ImportProblem(row: record.line, column: $0.column, message: $0.message) }
            case .success(let line):
                if !line.id.isEmpty {
                    if let first = ids[line.id] {
                        problems.append(
                            ImportProblem(
                                row: record.line, column: "line_id", message: "“\(line.id)” is already used on row \(first)"))
                        continue
                    }
                    ids[line.id] = record.line
                }
                let result = calculator.calculate(line)
                if !result.problems.isEmpty {
                    problems += result.problems.map { ImportProblem(row: record.line, column: $0.column, message: $0.message) }
                    continue
                }
                lines.append(line)
            }
        }
        if problems.count > maxProblems { problems = Array(problems.prefix(maxProblems)) }
        return problems.isEmpty ? .success(lines) : .failure(ImportProblems(problems))
    }

    /// Writes lines in template form; reading the result back gives the same lines. The optional
    /// columns (default factor, vehicle, pollutants) are written only when a line uses them, so an
    /// inventory without them exports exactly as before.
    public static func write(_ lines: [Line]) -> String {
        var used: Set<String> = []
        for line in lines where line.usesOptionalColumns {
            for (column, value) in LineColumns.optionalFields(of: line) where !value.isEmpty { used.insert(column) }
        }
        let columns = LineColumns.all + LineColumns.optional.filter(used.contains)
        var text = CSV.row(columns)
        text.reserveCapacity(lines.count * 160)
        for line in lines {
            let fields = LineColumns.fields(of: line)
            text += CSV.row(columns.map { fields[$0] ?? "" })
        }
        return text
    }
}
