extension FrameworkCSV {
    /// Reads and validates a framework file. Nothing is returned unless the whole file is valid;
    /// otherwise every problem is thrown at once, each with its row and column.
    ///
    /// `previous`, when given, is the edition this one follows: the file's `previous_id` values
    /// must exist there.
    public static func read(_ text: String, catalog: UnitCatalog = .standard, previous: Edition? = nil) throws(FrameworkProblems)
        -> Edition
    {
        var reader = FrameworkReader(catalog: catalog)
        return try reader.read(text, previous: previous)
    }
}

/// The state of one read: problems so far and the rows each subject came from.
struct FrameworkReader {
    let catalog: UnitCatalog
    var problems: [FrameworkProblem] = []
    var rows: [FrameworkProblem.Subject: Int] = [:]
    var framework: Framework?
    var notKnown: [LocalizedText] = []
    var version: String?
    var state = EditionState.draft
    var previousVersion: String?
    var minimumShare = Edition.defaultMinimumShare
    var groups: [FrameworkGroup] = []
    var items: [FrameworkItem] = []
    /// Items whose row could not be read: other rows may still name them without an error.
    var brokenItems: Set<ItemID> = []
    var levelRows: [(row: CSVTable.Row, item: ItemID, level: Int)] = []

    init(catalog: UnitCatalog) { self.catalog = catalog }

    mutating func problem(_ row: Int?, _ column: String?, _ code: FrameworkProblem.Code, _ message: String) {
        problems.append(FrameworkProblem(row: row, column: column, subject: .file, code: code, message: message))
    }

    mutating func read(_ text: String, previous: Edition?) throws(FrameworkProblems) -> Edition {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw FrameworkProblems([
                FrameworkProblem(row: error.line, subject: .file, code: .unreadableFile, message: error.message)
            ])
        }
        let columns = checkHeader(table)
        if columns["record"] == nil || columns["id"] == nil { throw FrameworkProblems(problems) }

        for record in table.records {
            let row = CSVTable.Row(record: record, columns: columns)
            if row.isBlank { continue }
            guard let type = FrameworkCSV.RecordType(rawValue: row["record"].lowercased()) else {
                problem(
                    row.line, "record", row["record"].isEmpty ? .missingValue : .unknownRecord,
                    "record must be one of \(FrameworkCSV.RecordType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(row["record"])'"
                )
                continue
            }
            checkUnusedColumns(row, type)
            switch type {
            case .framework: readFramework(row)
            case .notKnown: readNotKnown(row)
            case .edition: readEdition(row)
            case .group: readGroup(row)
            case .item: readItem(row)
            case .level: readLevel(row)
            }
        }
        attachLevels()
        if framework == nil { problem(nil, "record", .missingRecord, "the file has no framework row") }
        if version == nil { problem(nil, "record", .missingRecord, "the file has no edition row") }
        if let previous, let previousVersion, previous.version != previousVersion {
            problem(
                rows[.edition], "previous_id", .unknownPreviousItem,
                "the edition follows '\(previousVersion)' but the previous edition given is '\(previous.version)'")
        }

        let framework = self.framework.map { value -> Framework in
            var copy = value
            copy.notKnown = notKnown
            return copy
        }
        let placeholder = Framework(slug: "framework", name: LocalizedText(en: "framework"))
        let validation = Edition.problems(
            framework: framework ?? placeholder, version: version ?? "edition", minimumShare: minimumShare, groups: groups,
            items: items, catalog: catalog, previous: previous, alsoKnown: brokenItems)
        for var found in validation {
            found.row = row(of: found.subject)
            problems.append(found)
        }
        problems.sort { ($0.row ?? 0, $0.column ?? "") < ($1.row ?? 0, $1.column ?? "") }
        guard problems.isEmpty, let framework, let version else { throw FrameworkProblems(problems) }
        return try Edition(
            framework: framework, version: version, state: state, previousVersion: previousVersion, minimumShare: minimumShare,
            groups: groups, items: items, catalog: catalog, previous: previous)
    }

    private func row(of subject: FrameworkProblem.Subject) -> Int? {
        if let row = rows[subject] { return row }
        if case .level(let item, _) = subject { return rows[.item(item)] }
        return nil
    }

    /// Known columns only, each once; `record` and `id` required.
    private mutating func checkHeader(_ table: CSVTable) -> [String: Int] {
        let accepted = Set(FrameworkCSV.acceptedColumns)
        var columns: [String: Int] = [:]
        for (index, raw) in table.header.enumerated() {
            let name = raw.lowercased()
            if name.isEmpty { continue }
            if !accepted.contains(name) {
                let code: FrameworkProblem.Code =
                    name.hasPrefix("name_") || name.hasPrefix("description_") ? .unknownLanguage : .unknownColumn
                problem(table.headerLine, raw, code, "unknown column '\(raw)'")
            } else if columns[name] != nil {
                problem(table.headerLine, raw, .duplicateColumn, "column '\(raw)' appears twice")
            } else {
                columns[name] = index
            }
        }
        for required in ["record", "id"] where columns[required] == nil {
            problem(table.headerLine, required, .missingColumn, "the file has no '\(required)' column")
        }
        return columns
    }

    private mutating func checkUnusedColumns(_ row: CSVTable.Row, _ type: FrameworkCSV.RecordType) {
        let allowed = FrameworkCSV.allowedColumns(type)
        for column in row.filledColumns.sorted() {
            if column.hasPrefix("name_") {
                if FrameworkCSV.usesNames(type) { continue }
            } else if column.hasPrefix("description_") {
                if FrameworkCSV.usesDescriptions(type) { continue }
            } else if allowed.contains(column) {
                continue
            }
            problem(row.line, column, .unexpectedValue, "column \(column) is not used on a \(type.rawValue) row")
        }
    }
}
