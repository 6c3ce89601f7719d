import FluentKit
import Foundation
import Hummingbird

/// The forms of a review's stages. Each posts to the service, which checks rights, stage,
/// deadline and input and writes nothing when it refuses; success goes back to the stage page.
struct ReviewActionsController: Sendable {
    let services: Services

    private func id(_ context: some RequestContext) throws -> UUID {
        try ReviewsController.uuid(try context.parameters.require("id"), field: "id", notFound: true)
    }

    private func back(_ path: String, _ request: Request, _ context: some RequestContext) throws -> Response {
        try SeeOther(location: path).response(from: request, context: context)
    }

    /// Runs a form's change; when the service refuses it (bad input, a closed stage, a conflict),
    /// the form's page comes back with what was typed and why, instead of an error page.
    private func refusable(
        _ action: String, on page: String, key: String = "", form: FormData, _ request: Request,
        _ context: some UserRequestContext, _ change: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await change()
        } catch let error as AppError where error.kind == .validation || error.kind == .conflict {
            let refusal = ReviewRefusal(action: action, key: key, form: form, error: error)
            return try await ReviewsController(services: services).render(
                page, request, context.base, user: context.user, refusal: refusal,
                status: error.kind == .validation ? .unprocessableContent : .conflict
            ).response(from: request, context: context.base)
        }
    }

    // MARK: - The secretariat

    func accept(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("accept", on: "setup", form: form, request, context) {
            var deadlines: [ReviewState: String] = [:]
            for stage in ReviewState.stages { deadlines[stage] = form["deadline_\(stage.rawValue)"] }
            try await services.reviewSetup.accept(
                id, editionID: try ReviewsController.uuid(form["edition"], field: "edition"), deadlines: deadlines,
                by: context.user)
            return try back(Paths.reviewSetup(id), request, context)
        }
    }

    func decline(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("decline", on: "setup", form: form, request, context) {
            try await services.reviewSetup.decline(id, reason: form["reason"], by: context.user)
            return try back(Paths.review(id), request, context)
        }
    }

    func assign(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("assign", on: "setup", form: form, request, context) {
            guard let kind = ReviewerKind(rawValue: form["kind"]) else {
                throw AppError.validation(["kind": "validation.choice"])
            }
            try await services.reviewSetup.assign(
                id, userID: try ReviewsController.uuid(form["reviewer"], field: "reviewer"), kind: kind,
                lead: form["lead"] == "on",
                by: context.user)
            return try back(Paths.reviewSetup(id), request, context)
        }
    }

    func advance(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        guard let next = ReviewState(rawValue: try await FormData.read(request)["to"]) else {
            throw AppError.validation(["to": "validation.choice"])
        }
        try await services.reviewSetup.advance(id, to: next, by: context.user)
        return try back(Paths.review(id), request, context)
    }

    func publish(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        _ = try await FormData.read(request)
        try await services.reviewPublication.publish(id, by: context.user)
        return try back(Paths.review(id), request, context)
    }

    func correct(_ request: Request, context: SecretariatContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("correct", on: "setup", form: form, request, context) {
            try await services.reviewPublication.correct(
                id, reason: form["reason"], criterion: form["criterion"], level: Int(form["level"]), by: context.user)
            return try back(Paths.review(id), request, context)
        }
    }

    // MARK: - Reviewers, the city, moderators

    func respond(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("respond", on: "review", form: form, request, context) {
            guard ["accept", "decline"].contains(form["decision"]) else {
                throw AppError.validation(["decision": "validation.choice"])
            }
            try await services.reviewSetup.respond(
                id, accept: form["decision"] == "accept", showName: form["show_name"] == "on", reason: form["reason"],
                by: context.user)
            return try back(Paths.review(id), request, context)
        }
    }

    func mark(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("marks", on: "marking", key: form["criterion"], form: form, request, context) {
            guard let level = Int(form["level"]) else { throw AppError.validation(["level": "validation.number"]) }
            try await services.reviewMarks.mark(
                id, criterion: form["criterion"],
                .init(
                    level: level, evidence: form["evidence"].components(separatedBy: .newlines),
                    publicComment: form["public_comment"], privateNote: form["private_note"],
                    language: form["language"].isEmpty ? "en" : form["language"], why: form["why"]),
                by: context.user)
            return try back(Paths.reviewMarking(id), request, context)
        }
    }

    func recommend(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        let page = try await ReviewRequest.find(id, on: services.db)?.state == .moderation ? "moderation" : "marking"
        return try await refusable("recommendations", on: page, form: form, request, context) {
            guard let priority = RecommendationPriority(rawValue: form["priority"]) else {
                throw AppError.validation(["priority": "validation.choice"])
            }
            try await services.reviewMarks.recommend(
                id, criterion: form["criterion"],
                .init(
                    text: form["text"], priority: priority, gpcRef: form["gpc_ref"],
                    targetID: form["target"].isEmpty ? nil : try ReviewsController.uuid(form["target"], field: "target"),
                    actionID: form["action"].isEmpty ? nil : try ReviewsController.uuid(form["action"], field: "action")),
                by: context.user)
            return try back(page == "moderation" ? Paths.reviewModeration(id) : Paths.reviewMarking(id), request, context)
        }
    }

    func selfAssess(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("self", on: "reply", key: form["criterion"], form: form, request, context) {
            guard let level = Int(form["level"]) else { throw AppError.validation(["level": "validation.number"]) }
            try await services.reviewMarks.selfAssess(
                id, criterion: form["criterion"], level: level, comment: form["comment"], by: context.user)
            return try back(Paths.reviewReply(id), request, context)
        }
    }

    func reply(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("replies", on: "reply", key: form["criterion"], form: form, request, context) {
            guard ["agree", "disagree"].contains(form["answer"]) else {
                throw AppError.validation(["answer": "validation.choice"])
            }
            try await services.reviewMarks.reply(
                id, criterion: form["criterion"], agree: form["answer"] == "agree", evidence: form["evidence"],
                comment: form["comment"], by: context.user)
            return try back(Paths.reviewReply(id), request, context)
        }
    }

    func moderate(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("final", on: "moderation", key: form["criterion"], form: form, request, context) {
            guard let level = Int(form["level"]) else { throw AppError.validation(["level": "validation.number"]) }
            try await services.reviewMarks.moderate(
                id, criterion: form["criterion"], level: level, reason: form["reason"], by: context.user)
            return try back(Paths.reviewModeration(id), request, context)
        }
    }

    func declareConflict(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request)
        guard let city = try await CityQueries.bySlug(form["city"], on: services.db) else {
            throw AppError.validation(["city": "validation.unknown_city"])
        }
        try await services.reviewSetup.declareConflict(cityID: try city.requireID(), reason: form["reason"], by: context.user)
        return try back(Paths.reviews, request, context)
    }

    // MARK: - Follow-up

    func followUp(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("follow-up", on: "review", key: form["recommendation"], form: form, request, context) {
            guard let response = RecommendationResponse(rawValue: form["response"]) else {
                throw AppError.validation(["response": "validation.choice"])
            }
            try await services.reviewFollowUp.respond(
                id, recommendation: try ReviewsController.uuid(form["recommendation"], field: "recommendation"),
                response: response,
                reason: form["reason"],
                actionID: form["action"].isEmpty ? nil : try ReviewsController.uuid(form["action"], field: "action"),
                by: context.user)
            return try back(Paths.review(id), request, context)
        }
    }

    func progress(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try id(context)
        let form = try await FormData.read(request)
        return try await refusable("progress", on: "review", key: form["recommendation"], form: form, request, context) {
            try await services.reviewFollowUp.progress(
                id, recommendation: try ReviewsController.uuid(form["recommendation"], field: "recommendation"), on: form["date"],
                note: form["note"], by: context.user)
            return try back(Paths.review(id), request, context)
        }
    }
}
