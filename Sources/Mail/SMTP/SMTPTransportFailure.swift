import NIOCore
import NIOPosix
import NIOSSL

/// A failure below the SMTP commands, before it is tied to a stage as an ``SMTPError``.
enum SMTPTransportFailure: Error, Equatable {
    case timeout(TimeAmount)
    case connectionFailed(String)
    case connectionClosed
    case tls(String)
    case malformedReply(String)
    case busy

    /// Sorts NIO's errors: TLS errors by their types, closed channels, everything else as a
    /// failed connection (refused, unreachable, name resolution).
    init(_ error: any Error) {
        switch error {
        case let failure as SMTPTransportFailure: self = failure
        // A peer that closes without TLS close_notify has closed the connection, whatever TLS
        // calls it.
        case NIOSSLError.uncleanShutdown: self = .connectionClosed
        case let error as NIOSSLError: self = .tls(String(describing: error))
        case let error as NIOSSLExtraError: self = .tls(String(describing: error))
        case let error as BoringSSLError: self = .tls(String(describing: error))
        case ChannelError.connectTimeout(let amount): self = .timeout(amount)
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.eof: self = .connectionClosed
        case let error as NIOConnectionError:
            let causes = error.connectionErrors.map { "\($0.target): \($0.error)" }
            let resolution = [error.dnsAAAAError, error.dnsAError].compactMap { $0.map { "\($0)" } }
            let summary = (causes + resolution).joined(separator: "; ")
            self = .connectionFailed("\(error.host):\(error.port): \(summary.isEmpty ? "no address" : summary)")
        default: self = .connectionFailed(String(describing: error))
        }
    }

    /// The public error for a failure at `stage`.
    func error(at stage: SMTPError.Stage) -> SMTPError {
        let reason: SMTPError.Reason
        switch self {
        case .timeout(let amount): reason = .timeout(.nanoseconds(amount.nanoseconds))
        case .connectionFailed(let message): reason = .connectionFailed(message)
        case .connectionClosed: reason = .connectionClosed
        case .tls(let message): reason = .tls(message)
        case .malformedReply(let message): reason = .malformedReply(message)
        case .busy: reason = .refusedByClient("the connection is already running a command")
        }
        return SMTPError(stage: stage, reason: reason)
    }
}
