import Foundation

/// A waste method's `name=value;…` parameters, read with precise errors.
struct Parameters {
    private(set) var values: [String: String] = [:]
    private(set) var problems: [FieldProblem] = []
    private var used: Set<String> = []

    init(_ text: String) {
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                if !pair.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(FieldProblem("parameters", "“\(pair)” is not name=value"))
                }
                continue
            }
            values[parts[0].lowercased()] = parts[1]
        }
    }

    mutating func number(_ name: String, default fallback: Double? = nil, in range: ClosedRange<Double>? = nil) -> Double? {
        used.insert(name)
        guard let text = values[name] else {
            if fallback == nil { problems.append(FieldProblem("parameters", "\(name) is required")) }
            return fallback
        }
        guard let value = Double(text), value.isFinite else {
            problems.append(FieldProblem("parameters", "\(name)=“\(text)” is not a number"))
            return nil
        }
        if let range, !range.contains(value) {
            problems.append(
                FieldProblem(
                    "parameters",
                    "\(name) must be between \(LineColumns.format(range.lowerBound)) and \(LineColumns.format(range.upperBound))")
            )
            return nil
        }
        return value
    }

    mutating func optionalNumber(_ name: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard values[name] != nil else {
            used.insert(name)
            return nil
        }
        return number(name, in: range)
    }

    mutating func text(_ name: String) -> String? {
        used.insert(name)
        return values[name]
    }

    mutating func has(_ name: String) -> Bool { values[name] != nil }

    /// Unknown names are errors, so a typo never silently falls back to a default.
    mutating func finish() -> [FieldProblem] {
        for name in values.keys.sorted() where !used.contains(name) {
            problems.append(FieldProblem("parameters", "unknown parameter \(name)"))
        }
        return problems
    }
}
