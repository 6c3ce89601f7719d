/// An indicator framework: what it is, where it comes from and what is not known about it.
///
/// The items themselves live in an ``Edition``; a framework has one or more editions.
public struct Framework: Sendable, Hashable, Codable {
    /// URL-safe stable key ("lcc-index", "undrr-scorecard").
    public var slug: String
    public var name: LocalizedText
    public var description: LocalizedText
    /// Where the structure comes from (publisher, document, page).
    public var source: String
    /// What is not known (missing lists, scales, weights), stated on the framework's page.
    public var notKnown: [LocalizedText]

    public init(
        slug: String, name: LocalizedText, description: LocalizedText = LocalizedText(), source: String = "",
        notKnown: [LocalizedText] = []
    ) {
        self.slug = slug
        self.name = name
        self.description = description
        self.source = source
        self.notKnown = notKnown
    }
}

/// Draft editions may change; a published edition never does (issue 11: "an edition never
/// changes once used"). Enforcing that is the caller's job; the state travels with the data.
public enum EditionState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft, published
}

/// A group of items: a dimension, category, Essential or block.
public struct FrameworkGroup: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText
    public var source: String
    public var confidence: Confidence

    public init(
        id: String, name: LocalizedText, description: LocalizedText = LocalizedText(), source: String = "",
        confidence: Confidence = .provisional
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.confidence = confidence
    }
}

/// One version of a framework: its groups and items, validated as a whole.
///
/// An `Edition` value is always valid: the initialiser reports every problem at once and
/// refuses the edition if there is any (see ``Edition/problems(framework:version:minimumShare:groups:items:catalog:previous:)``).
public struct Edition: Sendable, Hashable {
    /// The share of applicable weight that must be present for a group or composite score to be
    /// shown, unless the edition states another: two thirds (our choice, `SCORING.md`).
    public static let defaultMinimumShare = 2.0 / 3.0

    public let framework: Framework
    /// The edition's label ("2025.1", "provisional-1").
    public let version: String
    public let state: EditionState
    /// The label of the edition this one follows, if any; items map to it by ``FrameworkItem/previousID``.
    public let previousVersion: String?
    /// Minimum share of applicable weight present for a score to be shown, in (0, 1].
    public let minimumShare: Double
    public let groups: [FrameworkGroup]
    /// In file order, which is the order pages show them.
    public let items: [FrameworkItem]
    private let index: [ItemID: Int]

    /// Builds and validates an edition. `previous`, when given, is the edition this one follows:
    /// every ``FrameworkItem/previousID`` must exist there.
    public init(
        framework: Framework, version: String, state: EditionState = .draft, previousVersion: String? = nil,
        minimumShare: Double = Edition.defaultMinimumShare, groups: [FrameworkGroup], items: [FrameworkItem],
        catalog: UnitCatalog = .standard, previous: Edition? = nil
    ) throws(FrameworkProblems) {
        let problems = Edition.problems(
            framework: framework, version: version, minimumShare: minimumShare, groups: groups, items: items,
            catalog: catalog, previous: previous)
        if !problems.isEmpty { throw FrameworkProblems(problems) }
        self.framework = framework
        self.version = version
        self.state = state
        self.previousVersion = previousVersion
        self.minimumShare = minimumShare
        self.groups = groups
        self.items = items
        var index: [ItemID: Int] = [:]
        for (position, item) in items.enumerated() { index[item.id] = position }
        self.index = index
    }

    /// The item with this id in this edition.
    public func item(_ id: ItemID) -> FrameworkItem? {
        index[id].map { items[$0] }
    }

    /// The items of one group, in file order.
    public func items(inGroup group: String) -> [FrameworkItem] {
        items.filter { $0.group == group }
    }

    /// This edition's ids mapped to the previous edition's, for items that existed there.
    public var previousIDs: [ItemID: ItemID] {
        var mapping: [ItemID: ItemID] = [:]
        for item in items {
            if let previous = item.previousID { mapping[item.id] = previous }
        }
        return mapping
    }

    /// The same edition in another state (publishing a draft).
    public func with(state: EditionState) -> Edition {
        Edition(copying: self, state: state)
    }

    private init(copying edition: Edition, state: EditionState) {
        framework = edition.framework
        version = edition.version
        self.state = state
        previousVersion = edition.previousVersion
        minimumShare = edition.minimumShare
        groups = edition.groups
        items = edition.items
        index = edition.index
    }
}
