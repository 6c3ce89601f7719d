import Configuration
import Foundation

/// Typed configuration, read once at start from the environment (and CLI flags for `serve`).
/// Secrets (database password inside `DATABASE_URL`) only ever come from here.
public struct AppConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var host: String
    public var port: Int
    public var database: DatabaseKind
    /// bcrypt cost; 12 in production, lowered only by tests to keep the suite fast.
    public var bcryptCost: UInt8
    /// Set `Secure` on cookies (behind TLS).
    public var secureCookies: Bool
    /// Load the demo data from the seed documents on first start.
    public var seedDemoData: Bool
    /// Failed logins allowed per e-mail address in `loginWindow` before 429.
    public var loginAttemptsPerAccount: Int
    /// Failed logins allowed per client address in `loginWindow` before 429.
    public var loginAttemptsPerClient: Int
    public var loginWindow: TimeInterval
    public var sessionLifetime: Duration
    /// The site's public address (`LCC_PUBLIC_URL`), for links shown to be passed on by hand;
    /// without it, links are made from the request's `Host`.
    public var publicURL: String?
    /// Mail, proxies, instances, scheduled backups (`OperationsConfig.fromEnvironment`, read by `lcc serve`).
    public var operations = OperationsConfig()

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseKind = .sqlite(path: "lcc.sqlite"),
        bcryptCost: UInt8 = 12,
        secureCookies: Bool = false,
        seedDemoData: Bool = true,
        loginAttemptsPerAccount: Int = 5,
        loginAttemptsPerClient: Int = 30,
        loginWindow: TimeInterval = 15 * 60,
        sessionLifetime: Duration = .seconds(8 * 3600)
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.seedDemoData = seedDemoData
        self.loginAttemptsPerAccount = loginAttemptsPerAccount
        self.loginAttemptsPerClient = loginAttemptsPerClient
        self.loginWindow = loginWindow
        self.sessionLifetime = sessionLifetime
    }

    /// Reads `HOST`, `PORT`, `DATABASE_URL`, `LCC_SQLITE_PATH`, `LCC_SECURE_COOKIES`,
    /// `LCC_BCRYPT_COST`, `LCC_SEED_DEMO` from the environment.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let reader = ConfigReader(
            provider: EnvironmentVariablesProvider(
                environmentVariables: environment,
                secretsSpecifier: .specific(["DATABASE_URL"])
            )
        )
        var config = AppConfig()
        config.host = reader.string(forKey: "host", default: config.host)
        config.port = reader.int(forKey: "port", default: config.port)
        if let url = reader.string(forKey: "database.url", isSecret: true), !url.isEmpty {
            config.database =
                url.hasPrefix("sqlite:") ? .sqlite(path: String(url.dropFirst("sqlite:".count))) : .postgres(url: url)
        } else {
            config.database = .sqlite(path: reader.string(forKey: "lcc.sqlite.path", default: "lcc.sqlite"))
        }
        config.secureCookies = reader.bool(forKey: "lcc.secure.cookies", default: false)
        config.bcryptCost = UInt8(clamping: reader.int(forKey: "lcc.bcrypt.cost", default: Int(config.bcryptCost)))
        config.seedDemoData = reader.bool(forKey: "lcc.seed.demo", default: true)
        config.publicURL = reader.string(forKey: "lcc.public.url")
        return config
    }
}
