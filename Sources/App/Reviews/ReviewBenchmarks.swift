import FluentKit
import Foundation
import Logging

/// Data for the review pages' benchmark (`lcc-bench review-in-marking EMAIL`, used by
/// scripts/bench.sh): a plan review of Guiyang in its marking stage, `EMAIL` its accepted lead
/// reviewer with two criteria marked, made through the real services. Prints the review's id.
enum ReviewBenchmarks {
    static func inMarking(reviewer email: String) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let database = try await DatabaseHandle.open(AppConfig.fromEnvironment().database, logger: logger)
        do {
            let db = database.db
            try await database.migrate()
            let clock = AppClock()
            guard let city = try await City.query(on: db).filter(\.$slug == "guiyang").first(),
                let user = try await User.query(on: db).filter(\.$email == email).with(\.$organisation).first(),
                let reviewer = UserQueries.snapshot(user),
                let criteria = try await FrameworkQueries.catalog(on: db).first(where: { $0.slug == "plan-quality" })?.current
            else { throw AppError(kind: .notFound, messageKey: "error.not_found") }
            let secretariat = CurrentUser(
                id: UUID(), email: "bench@lcc.invalid", name: "Benchmark", role: .secretariat, isExpert: false,
                organisationID: nil, organisationSlug: nil, organisationIsResourceCentre: false, organisationSuspended: false,
                cityID: nil)
            let id = try await ReviewRequestService(db: db, clock: clock).create(
                .init(
                    kind: .planReview, title: "Benchmark review of Guiyang's plan", summary: "For the benchmark",
                    sectors: ["I", "II", "III"],
                    documents: [.init(filename: "plan.pdf", data: Array("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8))]),
                city: city, by: secretariat)
            let setup = ReviewSetupService(db: db, clock: clock)
            var deadlines: [ReviewState: String] = [:]
            for (offset, stage) in ReviewState.stages.enumerated() {
                deadlines[stage] = ISODay.format(clock.now().addingTimeInterval(Double(offset + 1) * 30 * 86_400))
            }
            try await setup.accept(id, editionID: criteria.id, deadlines: deadlines, by: secretariat)
            try await setup.assign(id, userID: reviewer.id, kind: .peer, lead: true, by: secretariat)
            try await setup.respond(id, accept: true, showName: true, reason: "", by: reviewer)
            try await setup.advance(id, to: .marking, by: secretariat)
            let marks = ReviewMarkService(db: db, clock: clock)
            for (criterion, level) in [("FB1", 3), ("TG1", 2)] {
                try await marks.mark(
                    id, criterion: criterion,
                    .init(level: level, evidence: ["page:2"], publicComment: "Benchmark comment on \(criterion)"), by: reviewer)
            }
            await database.shutdown()
            print(id.uuidString)
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
