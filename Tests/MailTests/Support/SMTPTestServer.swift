import Foundation

/// scripts/smtp_test_server.py (aiosmtpd) running on loopback for one test.
struct SMTPTestServer {
    struct Options {
        var startTLS = false
        var implicitTLS = false
        var auth = false
        var authPlaintext = false
        var user = "lcc"
        var password = "secret"
        var size = 0
        var heloOnly = false
    }

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    /// The CA that signed the server's certificate (TLS options only).
    var caFile: String { directory.appending(path: "tls/ca.pem").path }

    static var scriptPath: String {
        // Tests/MailTests/Support/this file → the package root.
        URL(filePath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "scripts/smtp_test_server.py").path
    }

    static func start(_ options: Options = Options()) async throws -> SMTPTestServer {
        if let reason = SMTPServerRequirement.unavailableReason {
            throw StartFailure(description: "LCC_REQUIRE_SMTP is set but the SMTP test server cannot run: \(reason)")
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "lcc-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = ["python3", scriptPath, "--port", "0", "--dir", directory.path, "--exit-on-stdin-eof"]
        if options.startTLS { arguments.append("--starttls") }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if options.auth { arguments += ["--auth", "--user", options.user, "--password", options.password] }
        if options.authPlaintext { arguments.append("--auth-plaintext") }
        if options.size > 0 { arguments += ["--size", String(options.size)] }
        if options.heloOnly { arguments.append("--helo-only") }

        let errorLog = directory.appending(path: "stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()

        // The script writes server.json once it listens; poll rather than block a thread.
        let ready = directory.appending(path: "server.json")
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let data = try? Data(contentsOf: ready),
                let info = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let port = info["port"] as? Int
            {
                return SMTPTestServer(port: port, directory: directory, process: process, input: input)
            }
            if !process.isRunning {
                let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
                throw StartFailure(description: "smtp_test_server.py exited with \(process.terminationStatus): \(log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw StartFailure(description: "smtp_test_server.py did not start within 30 s")
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// What the server received, in order.
    func received() throws -> [ReceivedMessage] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && $0 != "server.json" }
            .sorted()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try files.map { file in
            var message = try decoder.decode(ReceivedMessage.self, from: Data(contentsOf: directory.appending(path: file)))
            message.raw = try Data(contentsOf: directory.appending(path: message.rawFile))
            return message
        }
    }
}

/// Runs `body` with a fresh server and stops it afterwards.
func withSMTPTestServer<Result>(
    _ options: SMTPTestServer.Options = SMTPTestServer.Options(),
    _ body: (SMTPTestServer) async throws -> Result
) async throws -> Result {
    let server = try await SMTPTestServer.start(options)
    defer { server.stop() }
    return try await body(server)
}

/// One message as stored by the script: envelope, session facts and Python's decoding of it.
struct ReceivedMessage: Decodable {
    struct Mailbox: Decodable, Equatable {
        let name: String
        let address: String
    }

    struct Summary: Decodable {
        let subject: String?
        let from: [Mailbox]
        let to: [Mailbox]
        let replyTo: [Mailbox]
        let date: String?
        let messageId: String?
        let contentType: String
        let transferEncodings: [String?]
        let text: String?
        let html: String?
        let defects: [String]
        let maxLineLength: Int
    }

    let mailFrom: String
    let mailOptions: [String]
    let rcptTos: [String]
    let tls: Bool
    let authenticated: Bool
    let authMechanism: String?
    let authLogin: String?
    let rawFile: String
    let message: Summary
    var raw = Data()

    enum CodingKeys: String, CodingKey {
        case mailFrom, mailOptions, rcptTos, tls, authenticated, authMechanism, authLogin, rawFile, message
    }

    /// The raw data as text, lines split at CRLF.
    var rawLines: [String] {
        String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
    }
}
