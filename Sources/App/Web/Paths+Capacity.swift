import Foundation

extension Paths {
    static let capacity = "/capacity"
    static let newCapacityRequest = "/capacity/requests/new"
    static let newCapacityOffer = "/capacity/offers/new"
    static func capacityRequest(_ id: UUID) -> String { "/capacity/requests/\(id.uuidString)" }
    static func matchCapacityRequest(_ id: UUID) -> String { "\(capacityRequest(id))/match" }
    static func capacityRequestStatus(_ id: UUID) -> String { "\(capacityRequest(id))/status" }
}
