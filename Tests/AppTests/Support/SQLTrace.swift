import Foundation
import Logging
import NIOConcurrencyHelpers

/// Collects the SQL a database handle runs (its logger at trace level), to tell which tables a
/// request read.
final class SQLTrace: Sendable {
    private let statements = NIOLockedValueBox<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "sql-trace") { _ in TraceHandler(trace: self) }
        logger.logLevel = .trace
        return logger
    }

    func record(_ text: String) { statements.withLockedValue { $0.append(text) } }

    func reset() { statements.withLockedValue { $0.removeAll() } }

    var all: [String] { statements.withLockedValue { $0 } }

    /// The tables named after FROM or JOIN in the statements so far that read (SELECT, WITH): a
    /// page's load never writes, and the session sweeper's DELETE at start is not a read.
    func tables() -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: #"(?i)\b(?:FROM|JOIN)\s+"?([a-z_][a-z0-9_]*)"?"#)
        else { return [] }
        var found: Set<String> = []
        for statement in all
        where statement.uppercased().hasPrefix("SELECT") || statement.uppercased().hasPrefix("WITH") {
            let range = NSRange(statement.startIndex..., in: statement)
            for match in regex.matches(in: statement, range: range) {
                if let name = Range(match.range(at: 1), in: statement) { found.insert(String(statement[name]).lowercased()) }
            }
        }
        return found
    }

    private struct TraceHandler: LogHandler {
        let trace: SQLTrace
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        /// SQLKit logs "Executing query" with the statement in the `sql` metadata; other drivers put
        /// it in the message. Both are kept.
        func log(event: LogEvent) {
            if let sql = event.metadata?["sql"] { trace.record(sql.description) }
            trace.record(event.message.description)
        }
    }
}
