import CarbonAccounting

/// What one cell pair of the CRF table holds: a figure in t CO2e, or a notation key, with notes
/// for column H.
struct CRFCell: Sendable, Hashable {
    var value: Double?
    var key: NotationKey?
    var notes: [String]
}

/// The notation keys of an inventory's lines by GPC reference, with their explanations.
struct KeyNotes {
    private var byRef: [String: [(key: NotationKey, explanation: String)]] = [:]

    init(_ lines: [Line]) {
        for line in lines {
            if let key = line.notationKey { byRef[line.gpcRef, default: []].append((key, line.explanation)) }
        }
    }

    func keys(_ ref: String) -> [(key: NotationKey, explanation: String)] { byRef[ref] ?? [] }
}

extension CRFRow {
    /// The default for a cell the inventory says nothing about: GCoM asks for a number or a key in
    /// every cell, and NE is the key for emissions not estimated (reporting_formats.md §4).
    static let defaultKey = NotationKey.notEstimated

    /// One key for several sub-categories without figures: confidential wins (the figure cannot be
    /// shown), then not estimated, included elsewhere, not occurring.
    static func combine(_ keys: [NotationKey]) -> NotationKey {
        for key in [NotationKey.confidential, .notEstimated, .includedElsewhere, .notOccurring] where keys.contains(key) {
            return key
        }
        return defaultKey
    }

    func cell(_ column: CRFColumn, _ export: InventoryExport, _ notes: KeyNotes) -> CRFCell {
        let tree = export.report.tree
        let refs = refs(column, in: tree)
        if refs.isEmpty { return presetCell(column, export, notes) }
        var total: Double?
        var keys: [NotationKey] = []
        var cellNotes: [String] = []
        for ref in refs {
            if let value = export.report.subCategory(ref)?.co2e {
                total = (total ?? 0) + value
                continue
            }
            let stated = notes.keys(ref)
            if stated.isEmpty {
                keys.append(Self.defaultKey)
                if !isTotal { cellNotes.append("\(ref): no data in the inventory (NE by default)") }
            } else {
                keys += stated.map(\.key)
                if !isTotal {
                    for (key, explanation) in stated { cellNotes.append("\(ref) \(key.rawValue): \(explanation)") }
                }
            }
        }
        if let total { return CRFCell(value: total, key: nil, notes: cellNotes) }
        return CRFCell(value: nil, key: Self.combine(keys), notes: cellNotes)
    }

    /// Cells with no GPC sub-category of their own.
    private func presetCell(_ column: CRFColumn, _ export: InventoryExport, _ notes: KeyNotes) -> CRFCell {
        switch content {
        case .institutional:
            return CRFCell(
                value: nil, key: .includedElsewhere,
                notes: [
                    "Institutional buildings are included in commercial buildings & facilities (GPC I.2.1, I.2.2, I.2.3): the GPC reports them together."
                ])
        case .generationType where column == .direct:
            if export.report.subCategory(Self.generationRef)?.co2e != nil {
                return CRFCell(
                    value: nil, key: .includedElsewhere,
                    notes: [
                        "Included in row 33 (GPC I.4.4): the inventory does not split generation supplied to the grid by plant type."
                    ]
                )
            }
            let stated = notes.keys(Self.generationRef)
            return CRFCell(
                value: nil, key: stated.isEmpty ? Self.defaultKey : Self.combine(stated.map(\.key)),
                notes: stated.isEmpty ? ["I.4.4: no data in the inventory (NE by default)"] : [])
        default:
            return CRFCell(value: nil, key: Self.defaultKey, notes: [])
        }
    }

    /// Column H: the row's note (when it has figures), then each column's notes.
    func explanation(_ cells: [CRFColumn: CRFCell]) -> String {
        var parts: [String] = []
        if !note.isEmpty && cells.values.contains(where: { $0.value != nil }) { parts.append(note) }
        if case .institutional = content, let first = cells[.direct]?.notes.first { return first }
        for column in CRFColumn.allCases {
            for text in cells[column]?.notes ?? [] { parts.append("\(column.shortName): \(text)") }
        }
        return parts.joined(separator: "\n")
    }
}
