import Prometheus
import FluentKit
import Foundation
import Hummingbird
import NIOCore
import SQLKit

/// Health, metrics, the OpenAPI document, the stylesheet and the home page.
struct OperationsController: Sendable {
    let services: Services
    let openAPIDocument: ByteBuffer
    let stylesheetBody: ByteBuffer

    init(services: Services) {
        self.services = services
        func resource(_ name: String, _ ext: String, _ folder: String) -> ByteBuffer {
            let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/\(folder)")
            return ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
        }
        openAPIDocument = resource("openapi", "json", "api")
        stylesheetBody = resource("app", "css", "static")
    }

    /// 200 when the database answers a query, 503 otherwise.
    func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            _ = try await services.db.sql().raw("SELECT 1").all()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            context.logger.error("health check failed", metadata: ["error": "\(error)"])
            return Response(
                status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
        }
    }

    func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: MetricsSetup.registry.emitToBuffer())))
    }

    func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: openAPIDocument))
    }

    func stylesheet(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: stylesheetBody))
    }

    func home(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let cityCount = try await City.query(on: services.db).count()
        let memberCount = try await Organisation.query(on: services.db).filter(status: .member).count()
        let listedCount = try await Organisation.query(on: services.db).count()
        let chrome = services.chrome(request, context)
        let t = chrome.t
        let html = Layout.render(title: t("home.title"), chrome: chrome) {
            h1 { t("home.title") }
            para(.class("lead")) { t("home.lead") }
            ul(.class("stats")) {
                li { link(.href(Paths.cities)) { t("home.cities", ["count": String(cityCount)]) } }
                li {
                    link(.href(Paths.organisations)) {
                        t("home.organisations", ["count": String(listedCount), "members": String(memberCount)])
                    }
                }
            }
            section {
                h2 { t("home.areas_title") }
                ul {
                    li { t("terms.area1") }
                    li { t("terms.area2") }
                    li { t("terms.area3") }
                }
            }
            para { link(.class("button"), .href(Paths.apply)) { t("home.join") } }
        }
        return HTMLResponse(html: html)
    }
}
