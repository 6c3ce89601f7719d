import CarbonAccounting
import Foundation
import HTTPTypes

/// The one error type handlers throw. `ErrorMiddleware` renders it: an HTML page for the site,
/// an RFC 9457 problem document for the API.
struct AppError: Error, Sendable {
    enum Kind: String, Sendable {
        case notFound = "not-found"
        case signInRequired = "sign-in-required"
        case forbidden
        case validation = "validation-failed"
        case badRequest = "bad-request"
        case conflict
        case csrf = "invalid-form-token"
        case tooManyRequests = "too-many-requests"
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case insufficientStorage = "insufficient-storage"
        case `internal` = "internal-error"
    }

    var kind: Kind
    /// Catalogue key of the human message (HTML), also used as the API `detail` in English.
    var messageKey: String
    /// Field name → catalogue key of what is wrong with it.
    var fieldErrors: [String: String] = [:]
    /// Problems of an uploaded file, each with its row and column (imports).
    var rowErrors: [ImportProblem] = []
    var retryAfterSeconds: Int? = nil
    /// For the log only; never shown to the user.
    var internalDetail: String? = nil

    var status: HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .signInRequired: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .validation: .unprocessableContent
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .insufficientStorage: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
        case .internal: .internalServerError
        }
    }

    static let notFound = AppError(kind: .notFound, messageKey: "error.not_found")
    static let signInRequired = AppError(kind: .signInRequired, messageKey: "error.sign_in_required")
    static let forbidden = AppError(kind: .forbidden, messageKey: "error.forbidden")
    static let csrf = AppError(kind: .csrf, messageKey: "error.csrf")

    static func validation(_ fields: [String: String]) -> AppError {
        AppError(kind: .validation, messageKey: "error.validation", fieldErrors: fields)
    }

    /// A file that cannot be imported: nothing was imported; every problem has its row and column.
    static func invalidFile(_ problems: [ImportProblem]) -> AppError {
        AppError(kind: .validation, messageKey: "error.invalid_file", rowErrors: problems)
    }

    static func badRequest(_ key: String) -> AppError { AppError(kind: .badRequest, messageKey: key) }

    static func conflict(_ key: String) -> AppError { AppError(kind: .conflict, messageKey: key) }

    static func `internal`(_ detail: String) -> AppError {
        AppError(kind: .internal, messageKey: "error.internal", internalDetail: detail)
    }

    static func tooManyRequests(retryAfter: Int) -> AppError {
        AppError(kind: .tooManyRequests, messageKey: "error.too_many_requests", retryAfterSeconds: retryAfter)
    }
}
