import NIOCore
import NIOSSL
import NIOTLS

/// The channel handler at the end of the pipeline: parses replies and hands each one to the
/// single waiting command. SMTP without PIPELINING has at most one command in flight, so one
/// waiter is enough; replies that arrive early (the greeting) are kept until asked for.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    static let maximumUnaskedReplies = 8

    private var parser = SMTPReplyParser()
    private var ready = CircularBuffer<SMTPReply>()
    private var failure: SMTPTransportFailure?
    private var context: ChannelHandlerContext?
    private var replyWaiter: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>)?
    private var handshakeWaiter: (promise: EventLoopPromise<Void>, timeout: Scheduled<Void>)?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            for reply in try parser.parse(buffer.readableBytesView) {
                deliver(reply)
            }
        } catch {
            fail(.malformedReply(error.description))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(SMTPTransportFailure(error))
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event, let waiter = handshakeWaiter {
            handshakeWaiter = nil
            waiter.timeout.cancel()
            waiter.promise.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// The next reply, failing after `timeout`. A timeout closes the connection: the session's
    /// state is unknown once a reply is missing, so it must not be reused.
    func nextReply(timeout: TimeAmount, on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = ready.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        guard replyWaiter == nil else { return eventLoop.makeFailedFuture(SMTPTransportFailure.busy) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let scheduled = eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.timeOut(after: timeout)
        }
        replyWaiter = (promise, scheduled)
        return promise.futureResult
    }

    /// Puts TLS under this handler and waits for the handshake (RFC 3207 §4).
    ///
    /// Bytes received after the 220 to STARTTLS but before the handshake would be plaintext an
    /// attacker could have injected (the STARTTLS command-injection flaw, CVE-2011-0411 and
    /// RFC 7817 §5): if any are held, the upgrade is refused.
    func startTLS(
        context sslContext: NIOSSLContext,
        serverHostname: String?,
        timeout: TimeAmount,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<Void> {
        guard let context else { return eventLoop.makeFailedFuture(SMTPTransportFailure.connectionClosed) }
        guard ready.isEmpty, !parser.hasBufferedInput else {
            context.close(promise: nil)
            return eventLoop.makeFailedFuture(SMTPTransportFailure.tls("server sent data before the TLS handshake"))
        }
        let promise = eventLoop.makePromise(of: Void.self)
        let scheduled = eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.timeOut(after: timeout)
        }
        handshakeWaiter = (promise, scheduled)
        do {
            let tlsHandler = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
            try context.pipeline.syncOperations.addHandler(tlsHandler, position: .first)
        } catch {
            fail(SMTPTransportFailure(error))
            context.close(promise: nil)
        }
        return promise.futureResult
    }

    private func deliver(_ reply: SMTPReply) {
        guard let waiter = replyWaiter else {
            // Without PIPELINING at most the greeting or a 421 arrives unasked; a server that
            // keeps talking is broken, and its replies must not pile up.
            guard ready.count < Self.maximumUnaskedReplies else {
                fail(.malformedReply("the server sent more than \(Self.maximumUnaskedReplies) replies nobody asked for"))
                context?.close(promise: nil)
                return
            }
            ready.append(reply)
            return
        }
        replyWaiter = nil
        waiter.timeout.cancel()
        waiter.promise.succeed(reply)
    }

    private func timeOut(after timeout: TimeAmount) {
        fail(.timeout(timeout))
        context?.close(promise: nil)
    }

    /// Records the first failure (later ones are its consequences) and fails every waiter.
    private func fail(_ error: SMTPTransportFailure) {
        if failure == nil { failure = error }
        let recorded = failure ?? error
        if let waiter = replyWaiter {
            replyWaiter = nil
            waiter.timeout.cancel()
            waiter.promise.fail(recorded)
        }
        if let waiter = handshakeWaiter {
            handshakeWaiter = nil
            waiter.timeout.cancel()
            waiter.promise.fail(recorded)
        }
    }
}
