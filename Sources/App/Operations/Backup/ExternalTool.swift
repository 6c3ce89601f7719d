import Foundation

/// Runs an outside program (pg_dump, pg_restore) and waits for it without blocking a thread.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with `arguments` and extra `environment`; throws with its standard error when
    /// it exits non-zero. Cancelling the calling task terminates it.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws {
        let process = Process()
        process.executableURL = URL(filePath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let errors = FileManager.default.temporaryDirectory.appending(path: "lcc-tool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: Failure(description: "cannot start \(executable): \(error)"))
                }
            }
        } onCancel: {
            if process.isRunning { process.terminate() }
        }
        guard status == 0 else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let name = URL(filePath: executable).lastPathComponent
            throw Failure(description: "\(name) exited with \(status): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// The PostgreSQL client programs and how to point them at the platform's database.
enum PostgresTools {
    /// `LCC_PG_DUMP` / `LCC_PG_RESTORE`, else the newest `/usr/lib/postgresql/*/bin` (a pg_dump must be at
    /// least as new as the server), else the one on `PATH`.
    static func executable(_ name: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["LCC_" + name.uppercased()], !configured.isEmpty { return configured }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(name)") {
            return "\(root)/\(version)/bin/\(name)"
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw BackupError(
            "\(name) not found: install postgresql-client (apt-get install postgresql-client) or set LCC_\(name.uppercased())")
    }

    /// libpq's environment for a `postgres://user:password@host:port/database?sslmode=…` URL. The
    /// password goes in `PGPASSWORD`, never on a command line other users can read with `ps`; options
    /// only postgres-kit knows (`tlsmode`) are translated.
    static func environment(url: String) throws -> [String: String] {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw BackupError("DATABASE_URL is not a postgres:// URL")
        }
        var environment = ["PGHOST": host, "PGPORT": String(components.port ?? 5432)]
        if let user = components.user?.removingPercentEncoding { environment["PGUSER"] = user }
        if let password = components.password?.removingPercentEncoding { environment["PGPASSWORD"] = password }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        environment["PGDATABASE"] = database.isEmpty ? (components.user ?? "postgres") : database
        for item in components.queryItems ?? [] where ["sslmode", "tlsmode"].contains(item.name.lowercased()) {
            environment["PGSSLMODE"] = item.value
        }
        return environment
    }
}
