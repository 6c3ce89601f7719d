import Foundation

/// A waste method's `name=value;…` parameters, read with precise errors.
struct Parameters {
    private(set) var values: [String: String] = [:]
    private(set) var problems: [FieldProblem] = []

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
            return nil
        }
        return number(name, in: range)
    }

    mutating func text(_ name: String) -> String? {
        return values[name]
    }

    mutating func has(_ name: String) -> Bool { values[name] != nil }

    /// Unknown names are errors, so a typo never silently falls back to a default. Checked
    /// against the names the method declares (once per parameter text in a run).
    func unknown(for method: WasteMethod) -> [FieldProblem] {
        let known = method.parameterNames
        return values.keys.filter { !known.contains($0) }.sorted().map { FieldProblem("parameters", "unknown parameter \($0)") }
    }

}
