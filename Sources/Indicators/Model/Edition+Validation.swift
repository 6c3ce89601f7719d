extension Edition {
    /// Every problem with an edition's content, each tied to its subject and column name.
    ///
    /// Checked: ids (well-formed, unique), groups referenced, English names, weights ≥ 0, units
    /// known and convertible from the formula's own unit, scoring functions (floor ≠ benchmark and
    /// in the item's direction; steps strictly monotonic with scores in (0, 100]), scales with a
    /// descriptor for every level, conditions on existing items, the minimum share, and the
    /// mapping to the previous edition.
    public static func problems(
        framework: Framework, version: String, minimumShare: Double, groups: [FrameworkGroup], items: [FrameworkItem],
        catalog: UnitCatalog = .standard, previous: Edition? = nil
    ) -> [FrameworkProblem] {
        problems(
            framework: framework, version: version, minimumShare: minimumShare, groups: groups, items: items, catalog: catalog,
            previous: previous, alsoKnown: [])
    }

    /// As above; `alsoKnown` are ids of items that exist in the file but could not be read, so
    /// that conditions naming them are not reported a second time.
    static func problems(
        framework: Framework, version: String, minimumShare: Double, groups: [FrameworkGroup], items: [FrameworkItem],
        catalog: UnitCatalog, previous: Edition?, alsoKnown: Set<ItemID>
    ) -> [FrameworkProblem] {
        var problems: [FrameworkProblem] = []
        func add(_ subject: FrameworkProblem.Subject, _ column: String?, _ code: FrameworkProblem.Code, _ message: String) {
            problems.append(FrameworkProblem(column: column, subject: subject, code: code, message: message))
        }

        if !isSlug(framework.slug) {
            add(
                .framework, "id", .invalidID,
                "the framework id '\(framework.slug)' must be lower-case letters, digits and hyphens")
        }
        if framework.name["en"] == nil { add(.framework, "name_en", .missingName, "the framework needs an English name") }
        if version.isEmpty { add(.edition, "id", .missingValue, "the edition needs a version label") }
        if !(minimumShare > 0 && minimumShare <= 1) {
            add(.edition, "minimum_share", .invalidShare, "the minimum share must be above 0 and at most 1")
        }

        var groupIDs: Set<String> = []
        for group in groups {
            if !isID(group.id) {
                add(.group(group.id), "id", .invalidID, "'\(group.id)' is not a valid id (letters, digits, . _ -)")
            }
            if !groupIDs.insert(group.id).inserted {
                add(.group(group.id), "id", .duplicateID, "group '\(group.id)' appears twice")
            }
            if group.name["en"] == nil {
                add(.group(group.id), "name_en", .missingName, "group '\(group.id)' needs an English name")
            }
        }
        if items.isEmpty { add(.edition, nil, .emptyEdition, "the edition has no items") }

        var itemIDs: Set<ItemID> = []
        for item in items where !itemIDs.insert(item.id).inserted {
            add(.item(item.id), "id", .duplicateID, "item '\(item.id)' appears twice")
        }
        for item in items {
            let subject = FrameworkProblem.Subject.item(item.id)
            if !isID(item.id.rawValue) {
                add(subject, "id", .invalidID, "'\(item.id)' is not a valid id (letters, digits, . _ -)")
            }
            if !groupIDs.contains(item.group) {
                add(subject, "group", .unknownGroup, "item '\(item.id)' names group '\(item.group)', which is not defined")
            }
            if item.name["en"] == nil { add(subject, "name_en", .missingName, "item '\(item.id)' needs an English name") }
            if !(item.weight >= 0) || !item.weight.isFinite {
                add(
                    subject, "weight", .negativeWeight,
                    "the weight of '\(item.id)' must be a number ≥ 0, not \(formatNumber(item.weight))")
            }
            problems += kindProblems(item, catalog: catalog)
            problems += applicabilityProblems(item, known: itemIDs.union(alsoKnown))
            if let previousID = item.previousID, let previous, previous.item(previousID) == nil {
                add(
                    subject, "previous_id", .unknownPreviousItem,
                    "'\(previousID)' is not an item of the previous edition \(previous.version)")
            }
        }
        return problems
    }

    private static func applicabilityProblems(_ item: FrameworkItem, known: Set<ItemID>) -> [FrameworkProblem] {
        var problems: [FrameworkProblem] = []
        for condition in item.applicability.conditions {
            if condition.item == item.id {
                problems.append(
                    FrameworkProblem(
                        column: "applies_when", subject: .item(item.id), code: .selfReference,
                        message: "'\(item.id)' cannot depend on its own answer"))
            } else if !known.contains(condition.item) {
                problems.append(
                    FrameworkProblem(
                        column: "applies_when", subject: .item(item.id), code: .unknownItem,
                        message: "applies_when names item '\(condition.item)', which is not in this edition"))
            }
        }
        return problems
    }

    /// Lower-case letters, digits and single hyphens.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Letters, digits, dot, underscore and hyphen: safe in URLs, CSV cells and conditions.
    static func isID(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-".unicodeScalars.contains($0)
            }
    }
}
