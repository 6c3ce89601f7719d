import CarbonAccounting
import Foundation
import Hummingbird
import Indicators

/// `GET /reviews/{id}/marks.csv`: a review's marks and recommendations as CSV. Participants get
/// the marks as they stand (first marks; private notes for the city and the secretariat only);
/// everyone else the published report's public marks.
enum ReviewExport {
    static let columns = [
        "record", "criterion", "self_level", "first_level", "final_level", "final_reason", "public_comment", "comment_language",
        "evidence", "reply", "reply_evidence", "reply_comment", "private_note", "priority", "recommendation", "gpc_ref",
    ]

    static func csv(_ workspace: ReviewWorkspace) -> String {
        var text = CSV.row(columns) + "\n"
        let published = workspace.isParticipant ? nil : workspace.reports.last?.publicView
        for item in workspace.criteria?.items ?? [] {
            let id = item.id.rawValue
            if let report = published {
                guard let criterion = report.criteria.first(where: { $0.id == id }) else { continue }
                text += row(
                    id, first: nil, final: criterion.finalLevel, finalReason: criterion.finalReason,
                    comment: criterion.publicComment, language: criterion.commentLanguage, evidence: criterion.evidence,
                    reply: criterion.reply.map { ($0.agree, $0.evidence, $0.comment) }, selfLevel: nil, note: "")
            } else if let mark = workspace.marks[id] {
                text += row(
                    id, first: mark.level, final: mark.finalLevel, finalReason: mark.finalReason, comment: mark.publicComment,
                    language: mark.language, evidence: mark.evidence,
                    reply: mark.reply.map { ($0.agree, $0.evidence, $0.comment) }, selfLevel: mark.selfLevel,
                    note: workspace.seesPrivateNotes ? mark.privateNote : "")
            }
        }
        for item in workspace.recommendations {
            var fields = Array(repeating: "", count: columns.count)
            fields[0] = "recommendation"
            fields[1] = item.criterion
            fields[13] = item.priorityRaw
            fields[14] = item.text
            fields[15] = item.gpcRef ?? ""
            text += CSV.row(fields) + "\n"
        }
        return text
    }

    private static func row(
        _ id: String, first: Int?, final: Int?, finalReason: String, comment: String, language: String,
        evidence: [ReviewEvidence], reply: (Bool, String, String)?, selfLevel: Int?, note: String
    ) -> String {
        CSV.row([
            "mark", id, selfLevel.map(String.init) ?? "", first.map(String.init) ?? "", final.map(String.init) ?? "", finalReason,
            comment, language, evidence.map(\.reference).joined(separator: " | "),
            reply.map { $0.0 ? "agree" : "disagree" } ?? "", reply?.1 ?? "", reply?.2 ?? "", note, "", "", "",
        ]) + "\n"
    }
}

extension ReviewsController {
    func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let workspace = try await workspace(context, user: context.user)
        return InventoryExport.file(
            ReviewExport.csv(workspace), type: "text/csv; charset=utf-8", name: "review-\(workspace.id.uuidString).csv")
    }
}
