import Foundation

extension SMTPConnection {
    /// Sends a message to all its recipients and returns when the server has accepted it.
    ///
    /// **The acceptance moment.** This returns right after the server's 250 to the end of the
    /// data (RFC 5321 §4.1.1.4); from then on the server is responsible for delivery (§6.1). A
    /// queue should mark the message sent immediately after this returns, before anything else
    /// (not after ``close()``, whose QUIT round trip could fail or stall). A crash between the
    /// 250 and that mark is the one window in which a message can be sent twice; it is as short
    /// as the caller's write. A failure with ``SMTPError/mayHaveBeenAccepted`` is the other side
    /// of the same window: the data went out but the reply did not come back.
    ///
    /// The send is all or nothing: if any recipient is refused, the transaction is reset
    /// (RSET, §4.1.1.5) and nothing is sent, so a retry cannot duplicate mail to the recipients
    /// that were accepted.
    public func send(_ message: MailMessage) async throws(SMTPError) -> SMTPReceipt {
        try await send(
            data: Array(message.render().utf8),
            from: message.from,
            to: message.to,
            messageID: message.messageID
        )
    }

    /// Sends already rendered message bytes with the given envelope. Line breaks are normalised
    /// to CRLF and lines starting with "." are dot-stuffed here (RFC 5321 §4.5.2).
    public func send(data: [UInt8], from sender: MailAddress, to recipients: [MailAddress]) async throws(SMTPError)
        -> SMTPReceipt
    {
        try await send(data: data, from: sender, to: recipients, messageID: nil)
    }

    private func send(
        data: [UInt8],
        from sender: MailAddress,
        to recipients: [MailAddress],
        messageID: String?
    ) async throws(SMTPError) -> SMTPReceipt {
        guard !isBusy else {
            throw SMTPError(stage: .mailFrom, reason: .refusedByClient("the connection is already sending a message"))
        }
        guard brokenBy == nil else {
            // The session's state is unknown after a lost reply; only a new connection helps.
            throw SMTPError(stage: .mailFrom, reason: .connectionClosed)
        }
        isBusy = true
        defer { isBusy = false }

        let wireData = try prepare(data, recipients: recipients)
        do {
            return try await transaction(wireData, size: data.count, from: sender, to: recipients, messageID: messageID)
        } catch {
            switch error.reason {
            case .reply where error.stage != .endOfData:
                await reset()
            case .reply, .notSupported, .refusedByClient:
                break
            case .timeout, .connectionFailed, .connectionClosed, .tls, .malformedReply:
                brokenBy = error
                await transport.close()
            }
            throw error
        }
    }

    private func prepare(_ data: [UInt8], recipients: [MailAddress]) throws(SMTPError) -> [UInt8] {
        guard !recipients.isEmpty else {
            throw SMTPError(stage: .prepare, reason: .refusedByClient("the message has no recipient"))
        }
        let wireData: [UInt8]
        switch SMTPDataEncoder.encode(data) {
        case .success(let encoded): wireData = encoded
        case .failure(let tooLong):
            let limit = SMTPDataEncoder.maximumLineLength
            throw SMTPError(
                stage: .prepare,
                reason: .refusedByClient("line \(tooLong.lineNumber) is longer than \(limit) octets (RFC 5321 §4.5.3.1.6)")
            )
        }
        // RFC 1870 §4: a message over the announced SIZE would be refused after the whole upload.
        if let limit = capabilities.maximumMessageSize, data.count > limit {
            throw SMTPError(
                stage: .prepare,
                reason: .refusedByClient("the message has \(data.count) octets, the server accepts at most \(limit)")
            )
        }
        return wireData
    }

    private func transaction(
        _ wireData: [UInt8],
        size: Int,
        from sender: MailAddress,
        to recipients: [MailAddress],
        messageID: String?
    ) async throws(SMTPError) -> SMTPReceipt {
        // RFC 1870 §6: declaring the size lets the server refuse a too large message up front.
        let sizeParameter = capabilities.supports("SIZE") ? " SIZE=\(size)" : ""
        _ = try await command("MAIL FROM:<\(sender.address)>\(sizeParameter)", stage: .mailFrom)
        for recipient in recipients {
            // 251 "user not local; will forward" is a success too (§4.2.2).
            _ = try await command("RCPT TO:<\(recipient.address)>", stage: .recipient(recipient.address), accepted: 250...251)
        }
        _ = try await command("DATA", stage: .data, accepted: 354...354)
        do {
            try await transport.send(bytes: wireData)
        } catch {
            // The write did not complete, so the terminator cannot have reached the server.
            throw error.error(at: .data)
        }
        let reply: SMTPReply
        do {
            reply = try await transport.reply(timeout: configuration.dataTerminationTimeout)
        } catch {
            throw error.error(at: .endOfData)
        }
        guard reply.code == 250 else { throw SMTPError(stage: .endOfData, reason: .reply(reply)) }
        return SMTPReceipt(
            reply: reply,
            messageID: messageID,
            recipients: recipients.map(\.address),
            acceptedAt: Date()
        )
    }

    /// RSET after a refused command, so the next message starts a clean transaction.
    private func reset() async {
        do {
            _ = try await command("RSET", stage: .mailFrom)
        } catch {
            brokenBy = error
            await transport.close()
        }
    }
}
