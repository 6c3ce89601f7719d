import FluentKit
import Foundation

/// The mail of a confirmed capacity-building match: to the requesting city's editors and, for an
/// offer made by a member organisation, to that organisation's people.
enum CapacityMail {
    enum Match: Sendable {
        case offer(CapacityOffer)
        case peer(City)
    }

    static func matched(_ record: CapacityRequest, with match: Match, services: Services, on db: any Database) async throws {
        guard services.outbox.isOn, let requestID = record.id else { return }
        let city = try await City.find(record.$city.id, on: db)
        var recipients = try await MailRecipients.editors(ofCity: record.$city.id, on: db)
        if case .offer(let offer) = match, let organisationID = offer.$organisation.id {
            recipients += try await MailRecipients.members(ofOrganisation: organisationID, on: db)
        }
        var seen: Set<String> = []
        for recipient in recipients where seen.insert(recipient.address).inserted {
            let t = services.translator(recipient.locale)
            let description: String
            switch match {
            case .offer(let offer): description = t("mail.capacity.offer", ["offer": offer.title, "provider": offer.provider])
            case .peer(let peer): description = t("mail.capacity.peer", ["city": t.pick(peer.names)])
            }
            try await services.outbox.send(
                CapacityMatched(
                    request: record.title, city: city.map { t.pick($0.names) } ?? "", match: description,
                    requestPath: Paths.capacityRequest(requestID)),
                to: recipient, on: db)
        }
    }
}
