import ArgumentParser
import FluentKit
import Foundation
import Hummingbird
import Logging
import Mail

/// `lcc`: serve the platform, migrate, seed, manage users and API tokens.
public struct LCCCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lcc",
        abstract: "The LCC Platform: low-carbon city work of North-East Asia.",
        subcommands: [
            Serve.self, Migrate.self, Seed.self, UserCommand.self, TokenCommand.self, ImportCommand.self, ExportCommand.self,
            SearchCommand.self, BackupCommand.self, RestoreCommand.self,
        ],
        defaultSubcommand: Serve.self
    )

    public init() {}

    /// Parses the arguments and runs the chosen command, async or not.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Opens the configured database and migrates it: what every command starts with.
func openDatabase(_ config: AppConfig, logger: Logger) async throws -> DatabaseHandle {
    let database = try await DatabaseHandle.open(config.database, logger: logger)
    do {
        let applied = try await database.migrate()
        if let first = applied.first, let last = applied.last {
            say(
                "Database migrated: \(applied.count) migration\(applied.count == 1 ? "" : "s") applied"
                    + (applied.count == 1 ? " (\(first))" : " (\(first) … \(last))"))
        }
    } catch {
        await database.shutdown()
        throw error
    }
    return database
}

func makeLogger() -> Logger {
    let environment = ProcessInfo.processInfo.environment
    // LOG_FORMAT=json: one JSON object per line for log collectors; else swift-log's text lines.
    var logger =
        environment["LOG_FORMAT"] == "json" ? Logger(label: "lcc") { JSONLogHandler(label: $0) } : Logger(label: "lcc")
    logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web server (SQLite file here unless DATABASE_URL is set).")

    @Option(help: "Address to listen on (default HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default PORT or 8080).") var port: Int?
    @Option(help: "Write a backup archive into this directory every --backup-every (default LCC_BACKUP_DIR).")
    var backupDir: String?
    @Option(help: "How often to back up: 90s, 30m, 6h, 1d (default LCC_BACKUP_INTERVAL or 1d).") var backupEvery: String?
    @Option(help: "How many scheduled backups to keep (default LCC_BACKUP_KEEP or 14).") var backupKeep: Int?

    func run() async throws {
        var config = AppConfig.fromEnvironment()
        if let host { config.host = host }
        if let port { config.port = port }
        config.operations = try OperationsConfig.fromEnvironment(port: config.port, publicURL: config.publicURL)
        try config.operations.applyBackupOptions(directory: backupDir, every: backupEvery, keep: backupKeep)
        let logger = makeLogger()
        let database = try await openDatabase(config, logger: logger)
        // Two instances started together must not both seed the demo data.
        let settled = config
        try await database.exclusively { try await Self.prepare(database, config: settled, logger: logger) }
        say("LCC Platform on http://\(config.host):\(config.port)")
        if let mail = config.operations.mail { say("Mail on: \(mail.smtp) from \(mail.from.address)") }
        if let backups = config.operations.backups {
            say("Backups every \(Int(backups.interval)) s into \(backups.directory), the newest \(backups.keep) kept")
        }
        let app = try buildApplication(config: config, database: database, logger: logger)
        try await app.runService()
    }

    private static func prepare(_ database: DatabaseHandle, config: AppConfig, logger: Logger) async throws {
        if config.seedDemoData {
            let seeder = Seeder(db: database.db, clock: AppClock())
            let report = try await seeder.seed(try DemoData.load())
            if report.cities > 0 {
                logger.info(
                    "demo data loaded", metadata: ["cities": "\(report.cities)", "organisations": "\(report.organisations)"])
            }
            if let login = try await seeder.ensureSecretariat(
                email: "secretariat@lcc.local", password: ProcessInfo.processInfo.environment["LCC_ADMIN_PASSWORD"],
                cost: config.bcryptCost
            ) {
                say("Secretariat login (shown once): \(login.email) / \(login.password)")
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations.")

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        await database.shutdown()
        say("Migrations applied.")
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo data from the seed documents (idempotent).")

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        do {
            let report = try await Seeder(db: database.db, clock: AppClock()).seed(try DemoData.load())
            say(
                "Added \(report.cities) cities, \(report.facts) facts, \(report.organisations) organisations, \(report.programmes) programmes, \(report.reportedEmissions) reported emission totals, \(report.inventories) inventories, \(report.targets) targets, \(report.actions) actions, \(report.actionPlans) action plans, \(report.forecasts) forecasts, \(report.knowledge) knowledge records, \(report.frameworks) frameworks, \(report.peerGroups) peer groups."
            )
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users.", subcommands: [CreateUser.self])
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a user; the password comes from LCC_PASSWORD or standard input."
    )

    @Option(help: "E-mail address (the sign-in name).") var email: String
    @Option(help: "Full name.") var name: String
    @Option(help: "secretariat or member.") var role: String
    @Option(help: "Slug of the user's organisation (required for members).") var organisation: String?
    @Flag(help: "Flag the user as an expert.") var expert = false

    func validate() throws {
        guard Role(rawValue: role) != nil else { throw ValidationError("--role must be secretariat or member") }
        guard Validate.isEmail(UserQueries.normalise(email: email)) else {
            throw ValidationError("--email is not an e-mail address")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name is empty") }
        if role == Role.member.rawValue, organisation == nil { throw ValidationError("members need --organisation SLUG") }
    }

    func run() async throws {
        let password = ProcessInfo.processInfo.environment["LCC_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
        if let problem = Passwords.problem(password, confirmation: nil) {
            throw ValidationError("password: \(Catalogue.englishText(problem))")
        }
        let config = AppConfig.fromEnvironment()
        let database = try await openDatabase(config, logger: makeLogger())
        do {
            try await create(password: password, config: config, db: database.db)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    private func create(password: String, config: AppConfig, db: any Database) async throws {
        var organisationID: UUID?
        if let organisation {
            guard let found = try await Organisation.query(on: db).filter(\.$slug == organisation).first() else {
                throw ValidationError("no organisation with slug '\(organisation)'")
            }
            organisationID = found.id
        }
        let email = UserQueries.normalise(email: email)
        guard try await UserQueries.byEmail(email, on: db) == nil else {
            throw ValidationError("a user with e-mail \(email) exists")
        }
        let user = User(
            email: email, name: name, passwordHash: try await Passwords.hash(password, cost: config.bcryptCost),
            role: Role(rawValue: role) ?? .member, isExpert: expert, organisationID: organisationID)
        try await db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(
                "user.create", entity: "user", id: try user.requireID().uuidString, actor: nil,
                after: user.auditFields, at: Date(), on: db)
        }
        say("Created \(role) \(email).")
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens.", subcommands: [CreateToken.self])
}

struct CreateToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API token; printed on the last line.")

    @Option(help: "E-mail of the user the token acts as.") var email: String
    @Option(help: "A label to recognise the token by.") var label = "cli"

    func run() async throws {
        let database = try await openDatabase(AppConfig.fromEnvironment(), logger: makeLogger())
        do {
            guard let user = try await UserQueries.byEmail(email, on: database.db), user.isActive else {
                throw ValidationError("no active user with e-mail \(email)")
            }
            let token = try await ApiTokens.create(for: try user.requireID(), label: label, on: database.db)
            say("API token for \(user.email) (shown once; send as 'Authorization: Bearer <token>'):")
            say(token)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

extension Catalogue {
    static func englishText(_ key: String) -> String {
        (try? Catalogue.load().text(key, .en)) ?? key
    }
}

/// Writes a line to standard output at once (not buffered), so the login shows even when piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
