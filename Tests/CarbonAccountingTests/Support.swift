import Foundation
import Testing

@testable import CarbonAccounting

/// The bundled reference data; tests fail loudly when it cannot load.
let reference: ReferenceData = {
    switch ReferenceData.shared {
    case .success(let data): return data
    case .failure(let error): fatalError("reference data: \(error)")
    }
}()

/// Equal up to floating-point summation order (1e-12 relative): the engine itself never rounds.
func expectClose(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}

/// A line from template columns, failing the test if it does not parse.
func line(_ fields: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> Line {
    switch reference.parser.parse(fields) {
    case .success(let line): return line
    case .failure(let problems):
        Issue.record("line does not parse: \(problems.items)", sourceLocation: sourceLocation)
        return Line(gpcRef: "I.1.1")
    }
}

func problems(_ fields: [String: String]) -> [FieldProblem] {
    if case .failure(let problems) = reference.parser.parse(fields) { return problems.items }
    return []
}

func calculate(_ line: Line, _ set: GWPSet = .ar5, year: Int? = 2021) -> LineResult {
    reference.calculator(set: set, year: year).calculate(line)
}
