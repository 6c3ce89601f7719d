import Foundation

/// The applicability columns of an item row.
extension FrameworkReader {
    mutating func readApplicability(_ row: CSVTable.Row) -> Applicability {
        func list(_ column: String) -> Set<String> {
            Set(
                row[column].split(separator: FrameworkCSV.listSeparator).map { $0.trimmingASCIISpacesSub() }.filter {
                    !$0.isEmpty
                })
        }
        var applicability = Applicability(
            onlyCityTypes: list("only_city_types"), exceptCityTypes: list("except_city_types"),
            onlyCountries: list("only_countries"), exceptCountries: list("except_countries"))
        for column in ["only_countries", "except_countries"] {
            for code in list(column).sorted()
            where !(code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }) {
                problem(row.line, column, .invalidID, "'\(code)' is not an ISO 3166-1 alpha-2 country code such as CN, JP or KR")
            }
        }
        for clause in row["applies_when"].split(separator: FrameworkCSV.clauseSeparator) {
            let text = clause.trimmingASCIISpacesSub()
            if text.isEmpty { continue }
            if let condition = Self.parseCondition(text) {
                applicability.conditions.append(condition)
            } else {
                problem(
                    row.line, "applies_when", .invalidCondition,
                    "'\(text)' is not a condition such as 'E1 >= 2' or 'E1 = 1|2' (operators = != >= <= > <)")
            }
        }
        return applicability
    }

    /// "ID op value" or "ID = v1|v2".
    static func parseCondition(_ text: String) -> AnswerCondition? {
        let operators: [AnswerCondition.Comparison] = [.notEqual, .atLeast, .atMost, .equal, .greater, .less]
        for comparison in operators {
            guard let range = text.range(of: comparison.rawValue) else { continue }
            let id = String(text[..<range.lowerBound]).trimmingASCIISpaces()
            let right = String(text[range.upperBound...])
            let values = right.split(separator: FrameworkCSV.listSeparator).map { parseNumber(String($0)) }
            guard !id.isEmpty, !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
            let numbers = values.compactMap { $0 }
            if numbers.count > 1 && comparison != .equal && comparison != .notEqual { return nil }
            return AnswerCondition(item: ItemID(id), comparison: comparison, values: numbers)
        }
        return nil
    }
}
