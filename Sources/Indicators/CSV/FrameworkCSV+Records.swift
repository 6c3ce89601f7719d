/// Readers of the framework, not_known, edition, group and level records.
extension FrameworkReader {
    func texts(_ row: CSVTable.Row, prefix: String) -> LocalizedText {
        var values: [String: String] = [:]
        for language in LocalizedText.supportedLanguages {
            let text = row["\(prefix)_\(language)"]
            if !text.isEmpty { values[language] = text }
        }
        return LocalizedText(values)
    }

    mutating func confidence(_ row: CSVTable.Row) -> Confidence {
        let text = row["confidence"]
        if text.isEmpty { return .provisional }
        guard let confidence = Confidence.parse(text) else {
            problem(
                row.line, "confidence", .unknownConfidence,
                "confidence must be one of \(Confidence.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            return .provisional
        }
        return confidence
    }

    mutating func readFramework(_ row: CSVTable.Row) {
        guard framework == nil else {
            problem(row.line, "record", .duplicateRecord, "a second framework row; a file describes one framework")
            return
        }
        rows[.framework] = row.line
        framework = Framework(
            slug: row["id"], name: texts(row, prefix: "name"), description: texts(row, prefix: "description"),
            source: row["source"])
    }

    mutating func readNotKnown(_ row: CSVTable.Row) {
        let text = texts(row, prefix: "description")
        if text["en"] == nil {
            problem(row.line, "description_en", .missingValue, "a not_known row needs its text in description_en")
        }
        notKnown.append(text)
    }

    mutating func readEdition(_ row: CSVTable.Row) {
        guard version == nil else {
            problem(row.line, "record", .duplicateRecord, "a second edition row; a file describes one edition")
            return
        }
        rows[.edition] = row.line
        version = row["id"]
        let stateText = row["state"].lowercased()
        if stateText.isEmpty {
            state = .draft
        } else if let parsed = EditionState(rawValue: stateText) {
            state = parsed
        } else {
            problem(row.line, "state", .unknownState, "state must be draft or published, not '\(row["state"])'")
        }
        previousVersion = row["previous_id"].isEmpty ? nil : row["previous_id"]
        let share = row["minimum_share"]
        if !share.isEmpty {
            if let value = parseShare(share) {
                minimumShare = value
            } else {
                problem(row.line, "minimum_share", .invalidNumber, "'\(share)' is not a number or a fraction such as 2/3")
            }
        }
    }

    /// "0.75" or "2/3".
    private func parseShare(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let numerator = parseNumber(String(parts[0])), let denominator = parseNumber(String(parts[1])),
            denominator != 0
        {
            return numerator / denominator
        }
        return parseNumber(text)
    }

    mutating func readGroup(_ row: CSVTable.Row) {
        let id = row["id"]
        if id.isEmpty {
            problem(row.line, "id", .missingValue, "a group needs an id")
            return
        }
        if rows[.group(id)] != nil {
            problem(row.line, "id", .duplicateID, "group '\(id)' appears twice (first on row \(rows[.group(id)] ?? 0))")
            return
        }
        rows[.group(id)] = row.line
        groups.append(
            FrameworkGroup(
                id: id, name: texts(row, prefix: "name"), description: texts(row, prefix: "description"), source: row["source"],
                confidence: confidence(row)))
    }

    mutating func readLevel(_ row: CSVTable.Row) {
        let item = ItemID(row["id"])
        guard !item.rawValue.isEmpty else {
            problem(row.line, "id", .missingValue, "a level row needs the id of its item")
            return
        }
        guard let level = parseInteger(row["level"]) else {
            problem(row.line, "level", row["level"].isEmpty ? .missingValue : .invalidNumber, "level must be a whole number")
            return
        }
        if rows[.level(item, level)] != nil {
            problem(row.line, "level", .duplicateID, "level \(level) of '\(item)' appears twice")
            return
        }
        rows[.level(item, level)] = row.line
        levelRows.append((row, item, level))
    }

    /// Puts level descriptors into their items, once every item is read.
    mutating func attachLevels() {
        var positions: [ItemID: Int] = [:]
        for (position, item) in items.enumerated() { positions[item.id] = position }
        for (row, id, level) in levelRows {
            guard let position = positions[id] else {
                if !brokenItems.contains(id) {
                    problem(row.line, "id", .unknownItem, "level row for item '\(id)', which is not defined")
                }
                continue
            }
            guard case .qualitative(var scale) = items[position].kind else {
                problem(
                    row.line, "id", .unexpectedValue,
                    "level rows belong to qualitative items; '\(id)' is \(items[position].kind.name)")
                continue
            }
            let descriptor = texts(row, prefix: "description")
            let label = texts(row, prefix: "name")
            if !descriptor.isEmpty { scale.descriptors[level] = descriptor }
            if !label.isEmpty { scale.labels[level] = label }
            items[position].kind = .qualitative(scale)
        }
    }
}
