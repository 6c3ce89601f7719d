import Foundation
import Spreadsheets
import Testing

/// Runs `scripts/check_xlsx.py` (openpyxl, from PyPI) on a workbook: an independent reader checks
/// every cell a test expects. Skipped when python3 or openpyxl is missing, unless
/// `LCC_REQUIRE_OPENPYXL=1` (as CI sets it), which turns their absence into a failure.
/// The same helper lives in ReportingTests (test targets cannot share a file).
enum OpenpyxlCheck {
    struct Expectations {
        var sheets: [String]?
        var cells: [String: [String: CellValue]] = [:]
        var frozen: [String: String] = [:]
        var merged: [String: [String]] = [:]

        var json: Data {
            func kind(_ value: CellValue) -> [String: Any] {
                switch value {
                case .empty, .error: ["t": "z"]
                case .text(let text): ["t": "s", "v": text]
                case .number(let number): ["t": "n", "v": number.description]
                case .bool(let flag): ["t": "b", "v": flag]
                }
            }
            var object: [String: Any] = [
                "cells": cells.mapValues { $0.mapValues(kind) }, "frozen": frozen, "merged": merged,
            ]
            if let sheets { object["sheets"] = sheets }
            return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        }
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/check_xlsx.py")
    }

    static var required: Bool { ProcessInfo.processInfo.environment["LCC_REQUIRE_OPENPYXL"] == "1" }

    /// Exit status and output of a command (nil when it cannot start).
    static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static let available: Bool = run(["python3", "-c", "import openpyxl"])?.status == 0

    static func check(_ xlsx: Data, _ expectations: Expectations, sourceLocation: SourceLocation = #_sourceLocation) {
        guard available else {
            if required {
                Issue.record(
                    "LCC_REQUIRE_OPENPYXL=1 but python3 with openpyxl is missing: pip install openpyxl",
                    sourceLocation: sourceLocation)
            } else {
                print("note: python3 with openpyxl not found; the openpyxl check is skipped (LCC_REQUIRE_OPENPYXL=1 requires it)")
            }
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openpyxl-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let book = folder.appendingPathComponent("book.xlsx")
            let expected = folder.appendingPathComponent("expected.json")
            try xlsx.write(to: book)
            try expectations.json.write(to: expected)
            guard let result = run(["python3", script.path, book.path, expected.path]) else {
                Issue.record("python3 could not be started", sourceLocation: sourceLocation)
                return
            }
            #expect(result.status == 0, "openpyxl: \(result.output)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not prepare the openpyxl check: \(error)", sourceLocation: sourceLocation)
        }
    }
}
