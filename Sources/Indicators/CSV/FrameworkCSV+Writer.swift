extension FrameworkCSV {
    /// Writes an edition in the framework file format; ``read(_:catalog:previous:)`` gives the same
    /// edition back. Columns for en, zh, ja and ko are always present, other languages when used.
    public static func write(_ edition: Edition) -> String {
        let languages = languagesUsed(edition)
        let columns = columns(languages: languages)
        var output = CSVTable.line(columns)
        func emit(
            _ record: RecordType, _ values: [String: String], names: LocalizedText? = nil, descriptions: LocalizedText? = nil
        ) {
            var cells = values
            cells["record"] = record.rawValue
            for language in languages {
                if let text = names?[language] { cells["name_\(language)"] = text }
                if let text = descriptions?[language] { cells["description_\(language)"] = text }
            }
            output += CSVTable.line(columns.map { cells[$0] ?? "" })
        }

        let framework = edition.framework
        emit(
            .framework, ["id": framework.slug, "source": framework.source], names: framework.name,
            descriptions: framework.description)
        for text in framework.notKnown { emit(.notKnown, [:], descriptions: text) }
        emit(
            .edition,
            [
                "id": edition.version, "state": edition.state.rawValue, "previous_id": edition.previousVersion ?? "",
                "minimum_share": edition.minimumShare == Edition.defaultMinimumShare ? "2/3" : formatNumber(edition.minimumShare),
            ])
        for group in edition.groups {
            emit(
                .group, ["id": group.id, "source": group.source, "confidence": group.confidence.rawValue], names: group.name,
                descriptions: group.description)
        }
        for item in edition.items {
            emit(.item, itemCells(item), names: item.name, descriptions: item.description)
            if case .qualitative(let scale) = item.kind {
                for level in scale.levels {
                    emit(
                        .level, ["id": item.id.rawValue, "level": String(level)], names: scale.labels[level],
                        descriptions: scale.descriptors[level])
                }
            }
        }
        return output
    }

    private static func itemCells(_ item: FrameworkItem) -> [String: String] {
        var cells: [String: String] = [
            "id": item.id.rawValue, "group": item.group, "weight": formatNumber(item.weight),
            "previous_id": item.previousID?.rawValue ?? "", "benchmark_reason": item.benchmarkReason, "source": item.source,
            "confidence": item.confidence.rawValue,
        ]
        let rules = item.applicability
        cells["only_city_types"] = rules.onlyCityTypes.sorted().joined(separator: "|")
        cells["except_city_types"] = rules.exceptCityTypes.sorted().joined(separator: "|")
        cells["only_countries"] = rules.onlyCountries.sorted().joined(separator: "|")
        cells["except_countries"] = rules.exceptCountries.sorted().joined(separator: "|")
        cells["applies_when"] = rules.conditions.map(\.description).joined(separator: "; ")
        cells["kind"] = item.kind.name
        switch item.kind {
        case .quantitative(let spec):
            cells["unit"] = spec.unit.symbol
            cells["direction"] = spec.direction.rawValue
            switch spec.obtain {
            case .computed(let formula):
                cells["obtain"] = "computed"
                cells["formula"] = formula.rawValue
            case .entered(let required):
                cells["obtain"] = "entered"
                cells["evidence"] = required ? "required" : "optional"
            }
            switch spec.scoring {
            case nil: cells["scoring"] = "none"
            case .linear(let floor, let benchmark):
                cells["scoring"] = "linear"
                cells["floor"] = formatNumber(floor)
                cells["benchmark"] = formatNumber(benchmark)
            case .stepped(let steps):
                cells["scoring"] = "stepped"
                cells["thresholds"] = steps.map { "\(formatNumber($0.bound)):\(formatNumber($0.score))" }.joined(separator: "; ")
            }
        case .qualitative(let scale):
            cells["scale_max"] = String(scale.maxLevel)
            cells["evidence"] = scale.evidenceRequired ? "required" : "optional"
        case .deduction(let floor, let required):
            cells["floor"] = formatNumber(floor)
            cells["evidence"] = required ? "required" : "optional"
        }
        return cells
    }

    /// The platform languages plus any other supported language the edition uses, in the order
    /// of ``LocalizedText/supportedLanguages``.
    static func languagesUsed(_ edition: Edition) -> [String] {
        var used = Set(LocalizedText.platformLanguages)
        func note(_ text: LocalizedText) { used.formUnion(text.languages) }
        note(edition.framework.name)
        note(edition.framework.description)
        edition.framework.notKnown.forEach(note)
        for group in edition.groups {
            note(group.name)
            note(group.description)
        }
        for item in edition.items {
            note(item.name)
            note(item.description)
            if case .qualitative(let scale) = item.kind {
                scale.descriptors.values.forEach(note)
                scale.labels.values.forEach(note)
            }
        }
        return LocalizedText.supportedLanguages.filter(used.contains)
    }
}
