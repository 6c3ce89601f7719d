import Hummingbird

/// Names the kind of inventory the routes of a group serve, as if it were a path parameter
/// (`kind`): the routes of `/cities/{slug}/inventories/{year}` and of `…/{year}/government` are
/// the same handlers, which find their inventory by slug, year and kind (`InventoryKind.of`).
struct InventoryKindMiddleware<Context: RequestContext>: RouterMiddleware {
    let kind: InventoryKind

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        context.coreContext.parameters[InventoryKind.parameter] = Substring(kind.rawValue)
        return try await next(request, context)
    }
}

extension InventoryKind {
    static let parameter: Substring = "kind"

    /// The kind a route names (community unless its group says otherwise).
    static func of(_ parameters: Parameters) -> InventoryKind {
        parameters.get(String(parameter)).flatMap(InventoryKind.init(rawValue:)) ?? .community
    }
}
