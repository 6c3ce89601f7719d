import NIOSSL

/// The TLS client context: full certificate and host name verification always, with the
/// system's trust roots plus the configured CA file. There is deliberately no way to turn
/// verification off; a server with a private CA is trusted by adding that CA.
enum SMTPTLS {
    static func makeContext(trustedCAFile: String?) throws(SMTPConfigurationError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        // RFC 8996 retired TLS 1.0 and 1.1.
        tls.minimumTLSVersion = .tlsv12
        if let trustedCAFile {
            // Read the file here so a wrong path or a non-PEM file fails at start-up, not at the
            // first handshake.
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(trustedCAFile)
            } catch {
                throw .unreadableCAFile(path: trustedCAFile, reason: String(describing: error))
            }
            guard !certificates.isEmpty else {
                throw .unreadableCAFile(path: trustedCAFile, reason: "no PEM certificate in it")
            }
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .unreadableCAFile(path: trustedCAFile ?? "(system trust roots)", reason: String(describing: error))
        }
    }
}
