/// One problem with a framework definition, located by row and column when it came from a file.
public struct FrameworkProblem: Sendable, Hashable, CustomStringConvertible {
    /// A stable code per kind of problem, for tests and translated messages.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case unreadableFile, unknownColumn, missingColumn, duplicateColumn
        case unknownRecord, missingRecord, duplicateRecord
        case missingValue, invalidNumber, invalidID, unexpectedValue
        case duplicateID, unknownGroup, unknownItem, unknownPreviousItem
        case unknownKind, unknownDirection, unknownUnit, unknownObtain, unknownFormula, unknownScoring
        case unknownState, unknownConfidence, unknownLanguage
        case formulaUnitMismatch
        case negativeWeight, weightedContextItem, weightedDeduction
        case floorEqualsBenchmark, directionMismatch, thresholdsNotMonotonic, scoreOutOfRange
        case invalidScale, missingDescriptor, partialTranslation, levelOutsideScale
        case invalidCondition, selfReference, invalidShare, missingReason, emptyEdition, missingName
    }

    /// What the problem is about; the CSV reader turns it into a row.
    public enum Subject: Sendable, Hashable {
        case file, framework, edition
        case group(String)
        case item(ItemID)
        case level(ItemID, Int)
    }

    /// 1-based line in the file (the header is line 1), when known.
    public var row: Int?
    /// The column the problem is in, when there is one.
    public var column: String?
    public let subject: Subject
    public let code: Code
    public let message: String

    public init(row: Int? = nil, column: String? = nil, subject: Subject, code: Code, message: String) {
        self.row = row
        self.column = column
        self.subject = subject
        self.code = code
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// Every problem found in a framework definition; nothing is accepted while there is one.
public struct FrameworkProblems: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [FrameworkProblem]

    public init(_ problems: [FrameworkProblem]) { self.problems = problems }

    public var codes: [FrameworkProblem.Code] { problems.map(\.code) }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
