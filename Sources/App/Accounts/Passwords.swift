import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt hashing off the event loop (a cost-12 hash takes a quarter of a second of CPU), on a pool
/// of its own: SQLite's blocking calls run on `NIOThreadPool.singleton`, and a burst of sign-ins
/// there would make every page wait behind the hashes.
enum Passwords {
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount - 1))
        pool.start()
        return pool
    }()

    static let minimumLength = 12
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated.
    static let maximumBytes = 72

    static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Catalogue key of what is wrong with a new password, or nil.
    static func problem(_ password: String, confirmation: String?) -> String? {
        if password.count < minimumLength { return "validation.password_short" }
        if password.utf8.count > maximumBytes { return "validation.password_long" }
        if let confirmation, confirmation != password { return "validation.password_mismatch" }
        return nil
    }

    /// A hash of a random password, used to keep timing equal when the account does not exist.
    static let decoyHash = Bcrypt.hash("decoy-password-never-matches", cost: 12)
}
