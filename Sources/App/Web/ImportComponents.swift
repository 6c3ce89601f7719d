import CarbonAccounting
import Foundation

extension Components {
    /// Every problem of a refused file, with its row and column (nothing was imported).
    static func importProblems(_ problems: [ImportProblem], t: Translator) -> Node? {
        guard !problems.isEmpty else { return nil }
        return div(.class("error-summary"), .custom("role", "alert"), .id("error-summary")) {
            h2 { t("import.failed", ["count": String(problems.count)]) }
            table(.class("import-errors")) {
                thead {
                    tr {
                        th { t("import.row") }
                        th { t("import.column") }
                        th { t("import.problem") }
                    }
                }
                tbody {
                    for problem in problems {
                        tr {
                            td { problem.row.map(String.init) ?? "—" }
                            td { problem.column ?? "—" }
                            td { problem.message }
                        }
                    }
                }
            }
        }
    }

    /// A CSV upload form (multipart, with the form token as a part).
    static func uploadForm(action: String, csrf: String, t: Translator) -> Node {
        form(.action(action), .post, .custom("enctype", "multipart/form-data")) {
            Forms.csrf(csrf)
            div(.class("field")) {
                label(.for("f-file")) { t("import.file") }
                span(.class("hint"), .id("f-file-hint")) {
                    t("import.file_hint", ["mb": String(UploadLimits.importBytes / 1024 / 1024)])
                }
                input(
                    .type("file"), .id("f-file"), .name("file"), .custom("accept", ".csv,text/csv"), .required(),
                    .aria("describedby", "f-file-hint"))
            }
            Forms.submit(t("import.submit"))
        }
    }
}
