import FluentKit
import Foundation
import Hummingbird

/// Routes that change a city's records run with this context. It cannot be made unless
/// `CityEditorMiddleware` has found the city of the route's `:slug` and `EditorRule` lets the
/// signed-in user edit it, so a handler that takes it needs no permission check of its own.
struct CityEditorContext: UserRequestContext {
    var base: AppRequestContext
    let user: CurrentUser
    /// The city named by the route, which the user may edit.
    let city: City
    let cityID: UUID

    init(context: AppRequestContext) throws {
        guard let user = context.user else { throw AppError.signInRequired }
        guard let city = context.editableCity, let id = city.id, EditorRule.mayEdit(city: id, user: user) else {
            throw AppError.forbidden
        }
        self.base = context
        self.user = user
        self.city = city
        self.cityID = id
    }
}

/// Loads the city of `:slug` for the editor context: sign-in first (a visitor is sent to sign
/// in), then 404 for an unknown city, then 403 when the rule refuses.
struct CityEditorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let db: any Database

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let user = context.user else { throw AppError.signInRequired }
        guard let city = try await CityQueries.bySlug(try context.parameters.require("slug"), on: db), let id = city.id else {
            throw AppError.notFound
        }
        guard EditorRule.mayEdit(city: id, user: user) else { throw AppError.forbidden }
        var context = context
        context.editableCity = city
        return try await next(request, context)
    }
}
