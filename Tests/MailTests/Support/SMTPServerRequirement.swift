import Foundation

/// Whether the tests against a real SMTP server can run: they need python3 with aiosmtpd.
///
/// Without them the tests are skipped with the reason printed, unless `LCC_REQUIRE_SMTP` is set
/// (to anything but "0"), as in CI: then they run and fail, so a missing install cannot pass
/// silently.
enum SMTPServerRequirement {
    static let isRequired: Bool = {
        let value = ProcessInfo.processInfo.environment["LCC_REQUIRE_SMTP"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// Why the server cannot run here, or nil when it can.
    static let unavailableReason: String? = {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot start /usr/bin/env python3: \(error)"
        }
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return nil
        case 127: return "python3 is not installed"
        default: return "python3 cannot import aiosmtpd (pip install aiosmtpd)"
        }
    }()

    /// The condition of the suites' `.enabled(if:)` trait.
    static var shouldRun: Bool {
        guard let reason = unavailableReason else { return true }
        if isRequired { return true }
        print("MailTests: skipping the SMTP server tests: \(reason); set LCC_REQUIRE_SMTP=1 to fail instead")
        return false
    }
}
