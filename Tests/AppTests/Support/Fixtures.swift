import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import FluentKit
import Foundation

@testable import App

/// The people of the role × route matrix: two member organisations with their cities, an expert,
/// the secretariat.
struct Fixtures: Sendable {
    static let password = "correct horse battery staple"

    let alphaCity: City
    let betaCity: City
    let alphaOrg: Organisation
    let betaOrg: Organisation
    let secretariat: User
    let memberA: User
    let memberB: User
    let expert: User

    static func make(on db: any Database) async throws -> Fixtures {
        let hash = try await Passwords.hash(password, cost: 4)
        let alphaCity = City(slug: "alpha-city", names: ["en": "Alpha City", "zh": "阿尔法市"], country: "CN", region: "Alpha")
        let betaCity = City(slug: "beta-city", names: ["en": "Beta City", "ko": "베타시"], country: "KR")
        try await alphaCity.create(on: db)
        try await betaCity.create(on: db)
        let alphaOrg = Organisation(
            slug: "alpha-city-government", names: ["en": "Alpha City Government"], type: "local_government",
            country: "CN", cityID: alphaCity.id, status: .member)
        let betaOrg = Organisation(
            slug: "beta-city-government", names: ["en": "Beta City Government"], type: "local_government",
            country: "KR", cityID: betaCity.id, status: .member)
        try await alphaOrg.create(on: db)
        try await betaOrg.create(on: db)
        let secretariat = User(
            email: "sec@example.org", name: "Sec Retariat", passwordHash: hash, role: .secretariat, organisationID: nil)
        let memberA = User(
            email: "a@example.org", name: "Ada Alpha", passwordHash: hash, role: .member, organisationID: alphaOrg.id)
        let memberB = User(email: "b@example.org", name: "Bo Beta", passwordHash: hash, role: .member, organisationID: betaOrg.id)
        let expert = User(
            email: "expert@example.org", name: "Ex Pert", passwordHash: hash, role: .member, isExpert: true,
            organisationID: betaOrg.id)
        for user in [secretariat, memberA, memberB, expert] { try await user.create(on: db) }
        return Fixtures(
            alphaCity: alphaCity, betaCity: betaCity, alphaOrg: alphaOrg, betaOrg: betaOrg, secretariat: secretariat,
            memberA: memberA, memberB: memberB, expert: expert)
    }
}
