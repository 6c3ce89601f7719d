import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird

/// Finds the city and inventory a route names and what the user may do with it. An inventory the
/// user may not see is "not found": drafts do not leak through status codes.
struct InventoryTarget: Sendable {
    let city: City
    let inventory: Inventory
    let access: InventoryAccess
}

extension Services {
    func city(slug: String) async throws -> City {
        guard let city = try await CityQueries.bySlug(slug, on: db) else { throw AppError.notFound }
        return city
    }

    func inventoryTarget(_ parameters: Parameters, user: CurrentUser?) async throws -> InventoryTarget {
        let city = try await city(slug: try parameters.require("slug"))
        guard let year = Int(try parameters.require("year")),
            let inventory = try await inventories.find(city: city, year: year, kind: InventoryKind.of(parameters))
        else { throw AppError.notFound }
        let access = InventoryAccess(user: user, cityID: try city.requireID(), inventory: inventory)
        guard access.canView else { throw AppError.notFound }
        return InventoryTarget(city: city, inventory: inventory, access: access)
    }

    /// The cached page data of the inventory a route names and what the user may do with it; an
    /// inventory the user may not see is "not found".
    func inventoryPage(_ key: InventoryPageKey, user: CurrentUser?) async throws -> (
        data: InventoryPageData, access: InventoryAccess
    ) {
        guard let data = try await cache.value(InventoryReads.page, key, in: query) else { throw AppError.notFound }
        let access = data.access(for: user)
        guard access.canView else { throw AppError.notFound }
        return (data, access)
    }

    /// The inventory of the editor's city named by the route, for a change: only while it is a draft.
    func editableInventory(_ context: CityEditorContext) async throws -> InventoryTarget {
        guard let year = Int(try context.parameters.require("year")),
            let inventory = try await inventories.find(
                city: context.city, year: year, kind: InventoryKind.of(context.parameters))
        else { throw AppError.notFound }
        let access = InventoryAccess(user: context.user, cityID: context.cityID, inventory: inventory)
        guard access.canEdit else { throw AppError.conflict("inventory.not_draft") }
        return InventoryTarget(city: context.city, inventory: inventory, access: access)
    }
}

/// The checks every CSV upload gets before it is parsed (inventories, targets): not empty, a .csv
/// name, not a spreadsheet or binary, UTF-8 text.
enum UploadedCSV {
    static func text(_ bytes: [UInt8], filename: String?, contentType: String?) throws -> String {
        if bytes.isEmpty { throw AppError.invalidFile([ImportProblem(row: nil, column: nil, message: "the file is empty")]) }
        if let filename, !filename.isEmpty, !filename.lowercased().hasSuffix(".csv") && !filename.lowercased().hasSuffix(".txt") {
            throw AppError.invalidFile([
                ImportProblem(
                    row: nil, column: nil,
                    message: "“\(filename)” is not a CSV file (expected a .csv file in the template's format)")
            ])
        }
        if let contentType, Self.binaryTypes.contains(where: { contentType.lowercased().hasPrefix($0) }) {
            throw AppError.invalidFile([
                ImportProblem(
                    row: nil, column: nil, message: "the file is \(contentType), not CSV text (save the sheet as CSV UTF-8)")
            ])
        }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            throw AppError.invalidFile([
                ImportProblem(
                    row: nil, column: nil, message: "the file is not UTF-8 text: save it as “CSV UTF-8”, not as a spreadsheet")
            ])
        }
        return text
    }

    static let binaryTypes = [
        "application/vnd.openxmlformats", "application/vnd.ms-excel", "application/pdf", "application/zip", "image/",
        "application/octet-stream-binary",
    ]
}
