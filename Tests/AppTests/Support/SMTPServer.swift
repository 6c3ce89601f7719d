import Foundation

/// scripts/smtp_test_server.py (aiosmtpd) on loopback, for the platform's mail tests: the platform
/// sends through it and the tests read what it received. Needs python3 with aiosmtpd; without them
/// the mail suites are skipped with the reason, unless LCC_REQUIRE_SMTP is set (CI), when they fail.
final class SMTPServer: @unchecked Sendable {
    struct Received: Decodable {
        struct Summary: Decodable {
            let subject: String?
            let messageId: String?
            let text: String?
            let html: String?
        }

        let rcptTos: [String]
        let message: Summary
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    static var available: Bool {
        let required = !(ProcessInfo.processInfo.environment["LCC_REQUIRE_SMTP"] ?? "").isEmpty
        if required || unavailableReason == nil { return true }
        print("AppTests: skipping the mail tests: \(unavailableReason ?? ""); set LCC_REQUIRE_SMTP=1 to fail instead")
        return false
    }

    static let unavailableReason: String? = {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot start python3: \(error)" }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "python3 cannot import aiosmtpd (pip install aiosmtpd)"
    }()

    private init(port: Int, directory: URL, process: Process, input: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.input = input
    }

    /// Starts a server on `port` (0: any free port), storing messages in `directory` (new if nil).
    static func start(port: Int = 0, directory: URL? = nil, slowSeconds: Double = 0) async throws -> SMTPServer {
        if let reason = unavailableReason { throw Failure(description: "the SMTP test server cannot run: \(reason)") }
        let directory = directory ?? FileManager.default.temporaryDirectory.appending(path: "lcc-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: directory.appending(path: "server.json"))
        let script = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "scripts/smtp_test_server.py").path
        var arguments = ["python3", script, "--port", String(port), "--dir", directory.path, "--exit-on-stdin-eof"]
        if slowSeconds > 0 { arguments += ["--slow-seconds", String(slowSeconds)] }
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = directory.appending(path: "server.json")
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let data = try? Data(contentsOf: ready),
                let info = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let bound = info["port"] as? Int
            {
                return SMTPServer(port: bound, directory: directory, process: process, input: input)
            }
            if !process.isRunning { throw Failure(description: "smtp_test_server.py exited with \(process.terminationStatus)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw Failure(description: "smtp_test_server.py did not start within 30 s")
    }

    /// Stops the server; the received messages stay in `directory` unless `keepMessages` is false.
    func stop(keepMessages: Bool = false) {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        if !keepMessages { try? FileManager.default.removeItem(at: directory) }
    }

    func received() throws -> [Received] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && $0 != "server.json" && !$0.hasSuffix(".tmp") }.sorted()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try files.map { try decoder.decode(Received.self, from: Data(contentsOf: directory.appending(path: $0))) }
    }

    /// Waits until at least `count` messages arrived (or the time is up) and returns them.
    func waitFor(_ count: Int, within seconds: Double = 20) async throws -> [Received] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let messages = try received()
            if messages.count >= count { return messages }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try received()
    }
}
