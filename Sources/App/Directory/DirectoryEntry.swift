import Foundation

/// A row of a directory: what the shared filter needs to know of it.
protocol DirectoryEntry: Sendable {
    /// Lower-cased names in every language and the slug.
    var searchText: String { get }
    var countryCode: String? { get }
    var typeKey: String? { get }
}

extension Array where Element: DirectoryEntry {
    /// The page the filter asks for (name in any language as a substring, country, type), in the
    /// list's order, and the countries present.
    func filtered(_ filter: ListFilter) -> (page: PageOf<Element>, countries: [String]) {
        let term = filter.searchTerm
        let matches = self.filter { entry in
            (term.map { entry.searchText.contains($0) } ?? true)
                && (filter.country.isEmpty || entry.countryCode == filter.country)
                && (filter.type.isEmpty || entry.typeKey == filter.type)
        }
        return (matches.page(filter), Set(compactMap(\.countryCode)).sorted())
    }
}

extension Array where Element: Sendable {
    /// The page of this (already filtered) list the filter asks for.
    func page(_ filter: ListFilter) -> PageOf<Element> {
        let rows = Paging.rows(page: filter.page, perPage: filter.perPage).clamped(to: 0..<count)
        return PageOf(items: Array(self[rows]), page: filter.page, perPage: filter.perPage, total: count)
    }
}
