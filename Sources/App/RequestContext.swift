import Foundation
import Hummingbird
import NIOCore

/// The signed-in person, as handlers and views see them (a plain value, not a database row).
struct CurrentUser: Sendable, Equatable {
    let id: UUID
    let email: String
    let name: String
    let role: Role
    let isExpert: Bool
    let organisationID: UUID?
    let organisationSlug: String?
    let organisationIsResourceCentre: Bool
    let organisationSuspended: Bool
    /// The city of the user's organisation (local governments): the city profile they may edit.
    let cityID: UUID?

    var isSecretariat: Bool { role == .secretariat }
}

/// Per-request state for every route: identity, session, language.
struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    var session: WebSession?
    var user: CurrentUser?
    var locale: AppLocale = .en
    /// Set by `CityEditorMiddleware` on city-editing routes; read only by `CityEditorContext`.
    var editableCity: City?
    /// Set by `RequestLogMiddleware`: the id in logs, the `X-Request-ID` header and error pages.
    var requestID = ""
    /// The client's address after trusted proxies (`RequestLogMiddleware`); nil outside the router.
    var clientAddress: String?
    /// What the request log line needs from inner middleware (the user id).
    let facts = RequestFacts()

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Forms and JSON bodies are small; uploads (later features) raise this on their own routes.
    var maxUploadSize: Int { 1 << 20 }

    /// The client address used to rate-limit sign-in attempts (`X-Forwarded-For` from trusted proxies only).
    var clientKey: String { clientAddress ?? remoteAddress?.ipAddress ?? "unknown" }
}

/// A context that carries a signed-in user: made from the app context, or not at all.
protocol UserRequestContext: ChildRequestContext where ParentContext == AppRequestContext {
    var base: AppRequestContext { get set }
    var user: CurrentUser { get }
}

extension UserRequestContext {
    var coreContext: CoreRequestContextStorage {
        get { base.coreContext }
        set { base.coreContext = newValue }
    }
    var maxUploadSize: Int { base.maxUploadSize }
    var locale: AppLocale { base.locale }
    var session: WebSession? { base.session }
}

/// Routes in a group with this context can only run for a signed-in user:
/// the context cannot be made without one (authorization as a type).
struct SignedInContext: UserRequestContext {
    var base: AppRequestContext
    let user: CurrentUser

    init(context: AppRequestContext) throws {
        guard let user = context.user else { throw AppError.signInRequired }
        self.base = context
        self.user = user
    }
}

/// Routes only the secretariat may use.
struct SecretariatContext: UserRequestContext {
    var base: AppRequestContext
    let user: CurrentUser

    init(context: AppRequestContext) throws {
        guard let user = context.user else { throw AppError.signInRequired }
        guard user.isSecretariat else { throw AppError.forbidden }
        self.base = context
        self.user = user
    }
}
