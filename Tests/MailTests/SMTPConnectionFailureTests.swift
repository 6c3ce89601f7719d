import Testing

@testable import Mail

/// Failures that need no SMTP server: these run everywhere.
@Suite(.timeLimit(.minutes(1)))
struct SMTPConnectionFailureTests {
    @Test func serverNotRunning_isATransientConnectionError() async throws {
        let port = try await LoopbackServers.closedPort()
        let client = try SMTPClient(configuration: SMTPTestMessages.configuration("smtp://127.0.0.1:\(port)"))

        let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

        #expect(error?.stage == .connect)
        #expect(error?.isTransient == true)
        #expect(error?.isMessageSpecific == false)
        #expect(error?.mayHaveBeenAccepted == false)
        guard case .connectionFailed = error?.reason else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
    }

    @Test func silentServer_timesOutWaitingForTheGreeting() async throws {
        try await LoopbackServers.withSilentServer { port in
            var configuration = try SMTPTestMessages.configuration("smtp://127.0.0.1:\(port)")
            configuration.replyTimeout = .milliseconds(300)
            let client = try SMTPClient(configuration: configuration)

            let error = await #expect(throws: SMTPError.self) { try await client.send(try SMTPTestMessages.simple()) }

            #expect(error?.stage == .greeting)
            #expect(error?.reason == .timeout(.milliseconds(300)))
            #expect(error?.isTransient == true)
        }
    }

    @Test func cancellingTheSender_closesTheConnectionWithoutWaitingForTheTimeout() async throws {
        try await LoopbackServers.withSilentServer { port in
            var configuration = try SMTPTestMessages.configuration("smtp://127.0.0.1:\(port)")
            configuration.replyTimeout = .seconds(30)
            let client = try SMTPClient(configuration: configuration)
            let message = try SMTPTestMessages.simple()
            let started = ContinuousClock.now

            let sending = Task { try await client.send(message) }
            try await Task.sleep(for: .milliseconds(200))
            sending.cancel()
            let result = await sending.result

            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(throws: SMTPError.self) { try result.get() }
        }
    }
}
