import Logging
import Foundation
import Hummingbird
import NIOCore

/// The whole route table, grouped by feature, readable top to bottom.
func buildRouter(services: Services) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let routeTable = RouteTable()
    router.addMiddleware {
        MetricsMiddleware()
        LogRequestsMiddleware(.debug)
        SecurityHeadersMiddleware()
        LocaleMiddleware()
        SessionMiddleware(services: services)
        ErrorMiddleware(catalogue: services.catalogue, routes: routeTable)
        CSRFMiddleware()
    }

    let operations = OperationsController(services: services)
    router.get("healthz", use: operations.health)
    router.get("metrics", use: operations.metrics)
    router.get("openapi.json", use: operations.openAPI)
    router.get("static/app.css", use: operations.stylesheet)
    router.get("", use: operations.home)

    let cities = CitiesController(services: services)
    router.get("cities", use: cities.list)
    router.get("cities/:slug", use: cities.show)
    let cityEditing = router.group("cities/:slug", context: SignedInContext.self)
    cityEditing.get("edit", use: cities.edit)
    cityEditing.post("edit", use: cities.update)
    cityEditing.post("facts", use: cities.addFact)
    cityEditing.post("facts/:fact/delete", use: cities.deleteFact)

    let organisations = OrganisationsController(services: services)
    router.get("organisations", use: organisations.list)
    router.get("organisations/:slug", use: organisations.show)
    let organisationEditing = router.group("organisations/:slug", context: SignedInContext.self)
    organisationEditing.get("edit", use: organisations.edit)
    organisationEditing.post("edit", use: organisations.update)

    let membership = MembershipController(services: services)
    router.get("membership/apply", use: membership.applyForm)
    router.post("membership/apply", use: membership.submit)
    router.get("membership/status/:token", use: membership.status)
    router.get("membership/terms", use: membership.terms)

    let accounts = AccountsController(services: services)
    router.get("login", use: accounts.loginForm)
    router.post("login", use: accounts.login)
    router.post("logout", use: accounts.logout)
    router.get("account/setup/:token", use: accounts.setupForm)
    router.post("account/setup/:token", use: accounts.setup)
    let account = router.group("account", context: SignedInContext.self)
    account.get("", use: accounts.account)
    account.get("password", use: accounts.passwordForm)
    account.post("password", use: accounts.changePassword)
    account.post("tokens", use: accounts.createToken)

    let secretariat = SecretariatController(services: services)
    let desk = router.group("secretariat", context: SecretariatContext.self)
    desk.get("applications", use: secretariat.applications)
    desk.get("applications/:id", use: secretariat.application)
    desk.post("applications/:id/approve", use: secretariat.approve)
    desk.post("applications/:id/reject", use: secretariat.reject)
    desk.get("users", use: secretariat.users)
    desk.get("users/new", use: secretariat.newUser)
    desk.post("users/new", use: secretariat.createUser)
    desk.get("users/:id", use: secretariat.user)
    desk.post("users/:id", use: secretariat.updateUser)
    desk.post("users/:id/setup-link", use: secretariat.setupLink)
    desk.get("audit", use: secretariat.audit)

    let api = APIController(services: services)
    let v1 = router.group("api/v1").add(middleware: BearerTokenMiddleware(services: services))
    v1.get("cities", use: api.cities)
    v1.get("cities/:slug", use: api.city)
    v1.group("cities/:slug", context: SignedInContext.self).patch("", use: api.updateCity)
    v1.get("organisations", use: api.organisations)
    v1.get("organisations/:slug", use: api.organisation)
    v1.post("membership-applications", use: api.submitApplication)
    v1.get("membership-applications/status/:token", use: api.applicationStatus)
    let apiDesk = v1.group("membership-applications", context: SecretariatContext.self)
    apiDesk.get("", use: api.applications)
    apiDesk.get(":id", use: api.application)
    apiDesk.post(":id/approve", use: api.approve)
    apiDesk.post(":id/reject", use: api.reject)
    v1.group("me", context: SignedInContext.self).get("", use: api.me)

    routeTable.fill(router.routes.map { (path: $0.path.description, method: $0.method) })
    return router
}
