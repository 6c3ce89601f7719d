import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Prometheus is bootstrapped once per process (swift-metrics allows one bootstrap).
enum MetricsSetup {
    static let registry = PrometheusCollectorRegistry()
    static let bootstrap: Void = MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
}

/// The one composition root: `lcc serve` and the tests both build the application here.
public func buildApplication(
    config: AppConfig, database: DatabaseHandle, logger: Logger, closeDatabaseOnShutdown: Bool = true,
    clock: @escaping @Sendable () -> Date = { Date() }, cache: ReadCache = ReadCache()
) throws -> some ApplicationProtocol {
    _ = MetricsSetup.bootstrap
    let appClock = AppClock(now: clock)
    let driver = FluentPersistDriver(db: database.db, clock: appClock)
    let services = Services(
        config: config, database: database, catalogue: try Catalogue.load(),
        sessions: WebSessions(driver: driver, secureCookies: config.secureCookies, lifetime: config.sessionLifetime),
        clock: appClock, logger: logger, reference: try ReferenceData.shared.get(), cache: cache
    )
    let router = buildRouter(services: services)
    var lifecycle: [any Service] = [driver]
    if closeDatabaseOnShutdown { lifecycle.append(DatabaseCloser(database: database)) }
    // After the closer: services stop in reverse order, so these finish before the database closes.
    lifecycle += try OperationsServices.make(services)
    return Application(
        responder: HeadAsGetResponder(inner: router.buildResponder()),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "lcc"),
        services: lifecycle,
        logger: logger
    )
}

/// Closes the database pools after the server has stopped.
struct DatabaseCloser: Service {
    let database: DatabaseHandle

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
