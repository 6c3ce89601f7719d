import CarbonAccounting
import Spreadsheets

/// A row of `eCRF_1`: its label in column B and where its value (column C) comes from.
struct MetadataField {
    enum Kind {
        case text(WritableKeyPath<InventoryMetadata, String>)
        case number(WritableKeyPath<InventoryMetadata, Double?>)
        case optionalYear(WritableKeyPath<InventoryMetadata, Int?>)
        case year, coordinate, level, gwp, gwpExplanation, gases, verified
    }

    let row: Int
    let label: String
    let kind: Kind

    init(_ row: Int, _ label: String, _ kind: Kind) {
        self.row = row
        self.label = label
        self.kind = kind
    }

    /// Section names in column A, each merged over its rows.
    static let sections: [(name: String, rows: ClosedRange<Int>)] = [
        ("Boundary", 2...16), ("Inventory", 17...28), ("Compiler/contact", 29...34),
    ]

    /// Rows 1–34 (reporting_formats.md §1.1).
    static var all: [MetadataField] {
        [
            MetadataField(1, "Type", .text(\.inventoryType)),
            MetadataField(2, "Name of city", .text(\.cityName)),
            MetadataField(3, "Country", .text(\.country)),
            MetadataField(4, "Region", .text(\.region)),
            MetadataField(5, "City ID (GeoNames)", .text(\.geoNamesID)),
            MetadataField(6, "City coordinate", .coordinate),
            MetadataField(7, "Inventory year", .year),
            MetadataField(8, "Geographic boundary", .text(\.boundary)),
            MetadataField(9, "Heating degree days (HDD, °C)", .number(\.heatingDegreeDays)),
            MetadataField(10, "Cooling degree days (CDD, °C)", .number(\.coolingDegreeDays)),
            MetadataField(11, "Land area (km2) within city boundary", .number(\.landAreaKm2)),
            MetadataField(12, "Resident population within city boundary", .number(\.population)),
            MetadataField(13, "GDP (US$) of economic activity within city boundary", .number(\.gdpUSD)),
            MetadataField(14, "Type of economy", .text(\.economyType)),
            MetadataField(15, "Climate", .text(\.climate)),
            MetadataField(16, "Other information", .text(\.otherInformation)),
            MetadataField(17, "Inventory tool used", .text(\.tool)),
            MetadataField(18, "GPC reporting level", .level),
            MetadataField(19, "Greenhouse gases included in inventory", .gases),
            MetadataField(20, "Global Warming Potential", .gwp),
            MetadataField(21, "Please explain your choice of GWP (if not AR4 or AR5)", .gwpExplanation),
            MetadataField(22, "Description of overall methodology and tools used", .text(\.methodology)),
            MetadataField(23, "Relevant local, regional and national regulations", .text(\.regulations)),
            MetadataField(
                24, "Comments on change in total emissions since last reported inventory", .text(\.changeSinceLastInventory)),
            MetadataField(25, "Has the inventory been audited or verified by a third party?", .verified),
            MetadataField(26, "Name of auditor/verifier", .text(\.verifierName)),
            MetadataField(27, "Year of audit/verification", .optionalYear(\.verificationYear)),
            MetadataField(28, "Planned improvements", .text(\.plannedImprovements)),
            MetadataField(29, "Compiler name", .text(\.compilerName)),
            MetadataField(30, "Department", .text(\.department)),
            MetadataField(31, "Date", .text(\.compiledOn)),
            MetadataField(32, "Version", .text(\.version)),
            MetadataField(33, "Email", .text(\.email)),
            MetadataField(34, "Webpage", .text(\.webpage)),
        ]
    }

    /// "26.647, 106.63": latitude then longitude, decimal degrees.
    static func coordinate(_ metadata: InventoryMetadata) -> String {
        guard let latitude = metadata.latitude, let longitude = metadata.longitude else { return "" }
        return "\(LineColumns.format(latitude)), \(LineColumns.format(longitude))"
    }

    func value(_ export: InventoryExport) -> Cell {
        let metadata = export.metadata
        switch kind {
        case .text(let path): return .text(metadata[keyPath: path])
        case .number(let path): return .number(metadata[keyPath: path])
        case .optionalYear(let path): return .number(metadata[keyPath: path].map(Double.init))
        case .year: return .number(Double(metadata.year))
        case .coordinate: return .text(Self.coordinate(metadata))
        case .level: return .text(metadata.level.rawValue)
        case .gwp: return .text(metadata.gwp.rawValue)
        case .gwpExplanation:
            // The CRF asks why when the set is neither AR4 nor AR5: state the platform's convention.
            let stated = metadata.gwpExplanation
            return .text(stated.isEmpty && metadata.gwp == .ar6 ? metadata.gwp.convention : stated)
        case .gases: return .text(export.gasesIncluded)
        case .verified: return metadata.verified.map { .text($0 ? "Yes" : "No") } ?? .empty
        }
    }
}

extension ECRF {
    static func metadata(_ export: InventoryExport) -> Sheet {
        var sheet = Sheet(name: metadataSheet, columnWidths: [1: 18, 2: 58, 3: 60])
        for field in MetadataField.all {
            sheet["B\(field.row)"] = .bold(field.label)
            var cell = field.value(export)
            cell.style = .wrapped
            sheet["C\(field.row)"] = cell
        }
        for (name, rows) in MetadataField.sections {
            sheet["A\(rows.lowerBound)"] = Cell.text(name, style: .header)
            sheet.merge("A\(rows.lowerBound):A\(rows.upperBound)")
        }
        return sheet
    }
}

extension ECRF {
    /// The cells of `eCRF_1` an importer compares with the inventory it imports into (column C of
    /// rows 7, 18 and 20), to name them in its problems.
    public static let yearCell = "C7"
    /// See `yearCell`.
    public static let levelCell = "C18"
    /// See `yearCell`.
    public static let gwpCell = "C20"
}
