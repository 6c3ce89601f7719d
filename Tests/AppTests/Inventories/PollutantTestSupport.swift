import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

enum PollutantTestSupport {
    /// Fuel statistics without factors (they take the library's defaults), 1,000 GJ each: the
    /// reference note's vectors T1 (gas, homes), T3 (coal, homes), T4 (wood, homes), T2 (gas,
    /// shops); and a notation key.
    static let fuelCSV = """
        line_id,gpc_ref,notation_key,explanation,activity_value,activity_unit,fuel,source
        home-gas,I.1.1,,,1000,GJ,Natural Gas,Gas utility sales
        home-coal,I.1.1,,,1000,GJ,Other Bituminous Coal,Coal merchants
        home-wood,I.1.1,,,1000,GJ,Wood/Wood Waste,Household survey
        shop-gas,I.2.1,,,1000,GJ,Natural Gas,Gas utility sales
        mining,I.7.1,NO,No coal mining in the city,,,,
        """

    static func lines(_ document: [String: Any]) throws -> [String: [String: Any]] {
        let lines = try #require(document["lines"] as? [[String: Any]])
        var byID: [String: [String: Any]] = [:]
        for line in lines {
            if let id = (line["input"] as? [String: String])?["line_id"] { byID[id] = line }
        }
        return byID
    }

    /// A line's tonnes of each pollutant (nil = not estimated).
    static func tonnes(_ line: [String: Any]?) -> [String: Double?] {
        let air = line?["air_pollutants"] as? [String: Any]
        let tonnes = air?["tonnes"] as? [String: Any] ?? [:]
        return tonnes.mapValues { ($0 as? NSNumber)?.doubleValue }
    }

    static func air(_ document: [String: Any]) throws -> [String: Any] {
        try #require(document["air_pollutants"] as? [String: Any])
    }

    static func cellTonnes(_ cell: Any?) -> [String: Double?] {
        ((cell as? [String: Any])?["tonnes"] as? [String: Any] ?? [:]).mapValues { ($0 as? NSNumber)?.doubleValue }
    }

    /// Tonnes compared to the hand calculation to 1e-9 relative.
    static func expectTonnes(
        _ actual: [String: Double?], _ expected: [String: Double], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (key, value) in expected {
            guard let found = actual[key] ?? nil else {
                Issue.record("\(key): expected \(value), not estimated", sourceLocation: sourceLocation)
                continue
            }
            #expect(
                abs(found - value) <= 1e-9 * max(1, abs(value)), "\(key): \(found) ≠ \(value)", sourceLocation: sourceLocation)
        }
    }
}

extension Browser {
    /// A download's exact bytes (workbooks), with the browser's cookies.
    func download(_ uri: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, bytes: [UInt8]) {
        var headers: HTTPFields = [:]
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        return (response.status, response.headers, Array(response.body.readableBytesView))
    }
}

extension APICaller {
    /// A request with a binary body (an .xlsx workbook).
    func send(_ method: HTTPRequest.Method, _ path: String, type: String, bytes: [UInt8]) async throws -> Page {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body = ByteBuffer()
        body.writeBytes(bytes)
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// A download's exact bytes.
    func download(_ path: String) async throws -> (status: HTTPResponse.Status, bytes: [UInt8]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: path, method: .get, headers: headers, body: nil)
        return (response.status, Array(response.body.readableBytesView))
    }
}
