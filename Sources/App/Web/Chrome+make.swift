import Hummingbird

extension Chrome {
    /// The page frame for a request: language, user, form token, and the current URL without `lang`.
    static func make(catalogue: Catalogue, request: Request, context: AppRequestContext, csrfToken: String? = nil) -> Chrome {
        var query: [(String, String)] = []
        for (name, value) in request.uri.queryParameters where name != "lang" {
            query.append((String(name), String(value)))
        }
        return Chrome(
            t: Translator(locale: context.locale, catalogue: catalogue),
            user: context.user,
            // A shared page holds the marker for a reader's token, and never a visitor's token.
            csrfToken: SharedPage.rendering
                ? (context.user != nil ? SharedPage.marker : nil) : csrfToken ?? context.session?.csrfToken,
            path: request.uri.path,
            query: query
        )
    }
}
