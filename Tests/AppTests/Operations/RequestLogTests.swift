import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Mail
import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import App

/// Request ids, the request log line, and the client address behind trusted proxies.
@Suite struct RequestLogTests {
    @Test func everyResponse_carriesItsRequestID_andErrorsShowIt() async throws {
        try await TestApp.run { client, _ in
            let page = try await client.execute(uri: "/cities", method: .get)
            let id = try #require(page.headers[RequestIdentity.header])
            #expect(!id.isEmpty)
            let missing = try await client.execute(uri: "/no-such-page", method: .get)
            let missingID = try #require(missing.headers[RequestIdentity.header])
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Request id \(missingID) (quote it when you report this problem)."))
            let problem = try await client.execute(uri: "/api/v1/cities/nowhere", method: .get)
            let problemID = try #require(problem.headers[RequestIdentity.header])
            #expect(String(buffer: problem.body).contains(#""request_id":"\#(problemID)""#))
            // A balancer's id is kept; anything that could forge log fields is replaced.
            let kept = try await client.execute(uri: "/healthz", method: .get, headers: [RequestIdentity.header: "lb-42.a_b"])
            #expect(kept.headers[RequestIdentity.header] == "lb-42.a_b")
            let replaced = try await client.execute(
                uri: "/healthz", method: .get, headers: [RequestIdentity.header: "x\" status=200 user=admin"])
            #expect(replaced.headers[RequestIdentity.header] != "x\" status=200 user=admin")
        }
    }

    @Test func logLine_namesRouteStatusDurationAndUser_neverPathsOrSecrets() async throws {
        let lines = LogLines()
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            var logger = Logger(label: "requests") { _ in CapturingLogHandler(lines: lines) }
            logger.logLevel = .info
            let app = try buildApplication(
                config: AppConfig(database: harness.database.kind, bcryptCost: 4), database: harness.database, logger: logger,
                closeDatabaseOnShutdown: false)
            try await app.test(.router) { client in
                let browser = Browser(client)
                _ = try await browser.signIn(fixtures.memberA.email)
                _ = try await browser.get("/account")
                _ = try await browser.get("/account/setup/secret-token-123")
                _ = try await browser.get("/search?q=private+words")
            }
            _ = client
        }
        let requests = lines.all.filter { $0.message == "request" }
        #expect(requests.count >= 5)
        let account = try #require(requests.first { $0.metadata["route"] == "/account" })
        #expect(account.metadata["status"] == "200")
        #expect(account.metadata["user"]?.count == 36)
        #expect(account.metadata["request_id"]?.isEmpty == false)
        #expect(account.metadata["duration_ms"].flatMap(Double.init) != nil)
        #expect(requests.contains { $0.metadata["route"] == "/account/setup/{token}" && $0.metadata["status"] == "404" })
        let everything = lines.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        for secret in ["secret-token-123", "private", Fixtures.password, "a@example.org", "Ada Alpha"] {
            #expect(!everything.contains(secret), "the log holds \(secret)")
        }
    }

    @Test func signInLimit_countsTheForwardedClient_onlyBehindATrustedProxy() async throws {
        let proxies = try TrustedProxies(list: "127.0.0.1, ::1, 10.0.0.0/8")
        for trusted in [true, false] {
            let configure: (inout AppConfig) -> Void = { config in
                config.loginAttemptsPerClient = 3
                if trusted { config.operations.trustedProxies = proxies }
            }
            try await TestApp.run(
                configure: configure, testing: .live
            ) { client, _ in
                let browser = Browser(client)
                try await browser.get("/login")
                func attempt(_ email: String, from client: String) async throws -> HTTPResponse.Status {
                    let body = "email=\(email)&password=wrong&_csrf=\(browser.csrf ?? "")"
                    return try await browser.send(
                        "/login", method: .post,
                        headers: [
                            .contentType: "application/x-www-form-urlencoded",
                            RequestIdentity.forwardedFor: "\(client), 10.0.0.1",
                        ],
                        body: ByteBuffer(string: body)
                    ).status
                }
                for number in 1...3 { #expect(try await attempt("n\(number)@example.org", from: "203.0.113.7") == .unauthorized) }
                #expect(try await attempt("n4@example.org", from: "203.0.113.7") == .tooManyRequests)
                // Another client behind the same proxy is another client — only when the proxy is trusted.
                #expect(try await attempt("n5@example.org", from: "198.51.100.9") == (trusted ? .unauthorized : .tooManyRequests))
            }
        }
    }

    @Test func trustedProxies_parseRanges_andFindTheClient() throws {
        let proxies = try TrustedProxies(list: "10.0.0.0/8, 192.168.1.5 ::1 fd00::/8")
        #expect(proxies.trusts("10.20.30.40") && proxies.trusts("192.168.1.5") && proxies.trusts("::1"))
        #expect(proxies.trusts("fd12::1") && proxies.trusts("::ffff:10.1.1.1"))
        #expect(!proxies.trusts("192.168.1.6") && !proxies.trusts("11.0.0.1") && !proxies.trusts("fe80::1"))
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["203.0.113.1, 10.0.0.9"]) == "203.0.113.1")
        // A client cannot hide behind a forged left-most entry: the right-most untrusted address counts.
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "203.0.113.1"]) == "203.0.113.1")
        #expect(proxies.clientAddress(peer: "203.0.113.1", forwardedFor: ["1.2.3.4"]) == "203.0.113.1")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["not-an-ip"]) == "10.0.0.2")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(list: "10.0.0.0/33") }
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(list: "proxy.example.org") }
    }

    @Test func configuration_readsTheEnvironment_andReportsEveryProblem() throws {
        let good = try OperationsConfig.fromEnvironment(
            [
                "LCC_SMTP_URL": "smtp://mailer:s3cret@mail.example.org:2525",
                "LCC_MAIL_FROM": "LCC Platform <noreply@example.org>",
                "LCC_TRUSTED_PROXIES": "10.0.0.1", "LCC_INSTANCE_ID": "web-1", "LCC_BACKUP_DIR": "/var/backups/lcc",
                "LCC_BACKUP_INTERVAL": "6h", "LCC_BACKUP_KEEP": "28", "LCC_MAIL_RETRY_BASE": "90s",
            ], port: 8080, publicURL: "https://lcc.example.org")
        #expect(good.mail?.smtp.description == "smtp://mailer:***@mail.example.org:2525")
        #expect(good.mail?.from.displayName == "LCC Platform" && good.mail?.retryBase == 90)
        #expect(good.instanceID == "web-1" && good.trustedProxies.trusts("10.0.0.1"))
        #expect(good.backups?.interval == 21_600 && good.backups?.keep == 28 && good.backups?.directory == "/var/backups/lcc")
        #expect(OperationsConfig.defaultInstanceID(port: 8081).hasSuffix(":8081"))

        let bad = #expect(throws: ConfigurationProblems.self) {
            try OperationsConfig.fromEnvironment(
                [
                    "LCC_SMTP_URL": "smtp://mail.example.org", "LCC_MAIL_FROM": "noreply@example.org",
                    "LCC_TRUSTED_PROXIES": "everyone", "LCC_BACKUP_DIR": "/b", "LCC_BACKUP_INTERVAL": "often",
                ], port: 8080, publicURL: nil)
        }
        #expect(bad?.problems.count == 3)
        #expect(bad?.description.contains("LCC_PUBLIC_URL") == true)
        #expect(bad?.description.contains("LCC_BACKUP_INTERVAL=often") == true)
        var options = OperationsConfig()
        try options.applyBackupOptions(directory: "/tmp/b", every: "90m", keep: 3)
        #expect(options.backups?.interval == 5400 && options.backups?.keep == 3)
        #expect(DurationText.seconds("1d") == 86_400 && DurationText.seconds("45") == 45 && DurationText.seconds("soon") == nil)
    }
}

/// Log events captured for inspection.
final class LogLines: Sendable {
    struct Line: Sendable {
        let message: String
        let metadata: [String: String]
    }

    private let lines = NIOLockedValueBox<[Line]>([])

    func append(_ line: Line) { lines.withLockedValue { $0.append(line) } }
    var all: [Line] { lines.withLockedValue { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append(LogLines.Line(message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}
