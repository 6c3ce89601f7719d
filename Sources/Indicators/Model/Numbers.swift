import Foundation

/// The shortest text that reads back as the same Double (Swift's own shortest round-trip form),
/// with whole numbers written without ".0" so a spreadsheet shows "100", not "100.0".
func formatNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// A finite decimal number as a person types it in a spreadsheet ("12", "-0.5", "1e6"), or nil.
/// Thousands separators are refused rather than guessed: "1,000" could be one thousand or one.
func parseNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !trimmed.contains(","), let value = Double(trimmed), value.isFinite else { return nil }
    return value
}

/// A whole number, or nil.
func parseInteger(_ text: String) -> Int? {
    Int(text.trimmingCharacters(in: .whitespaces))
}

/// A number for people to read in an input's description: at most six significant digits (a
/// detail text, never a value anything computes with — values keep full precision).
func displayNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let magnitude = Int(floor(log10(abs(value))))
    let decimals = max(0, 5 - magnitude)
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}
