import NIOCore
import NIOPosix

/// In-process servers for failures no real server produces on request.
enum LoopbackServers {
    /// A port on 127.0.0.1 where nothing listens: bound, then released.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 9
        try await channel.close()
        return port
    }

    /// Accepts connections and never says anything, to exercise the reply timeout.
    static func withSilentServer<Result>(_ body: (Int) async throws -> Result) async throws -> Result {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 9
        do {
            let result = try await body(port)
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }
}
