import CarbonAccounting
import Foundation
import Indicators

/// The dashboard at the top of a city's page: each figure links to the page it comes from.
enum CityDashboardView {
    static func render(_ board: CityDashboard, t: Translator) -> Node {
        section(.class("dashboard"), .aria("labelledby", "dashboard-title")) {
            h2(.id("dashboard-title")) { t("dashboard.title") }
            div(.class("dashboard-grid")) {
                emissions(board, t: t)
                targets(board, t: t)
                actions(board, t: t)
                assessments(board, t: t)
                peers(board, t: t)
                learning(board, t: t)
            }
            if !board.missing.isEmpty {
                div(.class("missing-data"), .id("dashboard-missing")) {
                    h3 { t("dashboard.missing") }
                    ul { for key in board.missing { li { t("dashboard.missing.\(key)") } } }
                }
            }
        }
    }

    static func emissions(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-emissions")) {
            h3 { t("dashboard.emissions") }
            if let figure = board.emissions {
                let unit = figure.co2Only ? "t CO2" : "t CO2e"
                para(.class("figure")) {
                    if figure.fromInventory {
                        link(.href(Paths.inventory(board.slug, figure.year))) {
                            t.number(figure.total, maxFractionDigits: 0) + " " + unit
                        }
                    } else {
                        t.number(figure.total, maxFractionDigits: 0) + " " + unit
                    }
                }
                para(.class("hint")) {
                    t(
                        "dashboard.emissions_basis",
                        ["year": String(figure.year), "basis": t("coverage.\(figure.basis.rawValue)"), "gwp": figure.gwp ?? "—"])
                    if !figure.fromInventory {
                        " · "
                        span(.class("badge unverified")) { t("dashboard.reported") }
                    } else if figure.verified == true {
                        " · "
                        span(.class("badge verified")) { t("dashboard.verified") }
                    }
                }
                if !figure.fromInventory { para(.class("hint source")) { figure.source } }
                para {
                    t("dashboard.per_person") + ": "
                    if let perPerson = figure.perPerson {
                        strong { t.number(perPerson, maxFractionDigits: 2) + " " + unit }
                    } else {
                        span(.class("missing")) { "—" }
                    }
                }
                para(.class("hint")) {
                    if let population = figure.population {
                        t(
                            "dashboard.population_used",
                            ["year": String(figure.year), "population": t.number(population, maxFractionDigits: 0)])
                            + " — " + figure.perPersonNote
                    } else {
                        t("dashboard.no_population_of", ["year": String(figure.year)])
                    }
                }
                if !figure.sectors.isEmpty {
                    let total = figure.sectors.map(\.value).reduce(0, +)
                    table(.class("compact")) {
                        caption { t("dashboard.by_sector") }
                        tbody {
                            for (sector, value) in figure.sectors {
                                tr {
                                    th(.scope("row")) {
                                        if figure.fromInventory {
                                            link(.href(Paths.inventory(board.slug, figure.year) + "#sector-\(sector.rawValue)")) {
                                                "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))"
                                            }
                                        } else {
                                            "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))"
                                        }
                                    }
                                    td(.class("number")) { t.number(value, maxFractionDigits: 0) }
                                    td(.class("number")) {
                                        total > 0 ? t.number(value / total * 100, maxFractionDigits: 1) + " %" : "—"
                                    }
                                }
                            }
                        }
                    }
                }
            } else {
                para(.class("empty")) { t("dashboard.no_emissions") }
            }
            para { link(.href(Paths.cityInventories(board.slug))) { t("dashboard.all_inventories") } }
        }
    }

    static func targets(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-targets")) {
            h3 { t("dashboard.targets") }
            if board.targets.isEmpty {
                para(.class("empty")) { t("targets.none") }
            } else {
                ul(.class("plain")) {
                    for item in board.targets.prefix(6) {
                        li {
                            link(.href(Paths.cityTargets(board.slug) + "#target-\(item.target.id.uuidString)")) {
                                TargetText.commitment(item.target.row, t: t)
                            }
                            " — "
                            if let percent = item.progress.percentAchieved {
                                t("progress.achieved", ["percent": t.number(percent, maxFractionDigits: 1)])
                            }
                            if let onTrack = item.progress.onTrack {
                                " "
                                span(.class(onTrack ? "badge verified" : "badge unverified")) {
                                    t(onTrack ? "progress.on_track" : "progress.off_track")
                                }
                            }
                            if item.progress.isUnavailable {
                                span(.class("badge")) { t("progress.not_computed") }
                                if !item.estimates.isEmpty {
                                    " "
                                    span(.class("hint")) { t("dashboard.has_estimate") }
                                }
                            }
                        }
                    }
                }
                if board.targets.count > 6 {
                    para(.class("hint")) { t("dashboard.more", ["count": String(board.targets.count - 6)]) }
                }
            }
            para { link(.href(Paths.cityTargets(board.slug))) { t("dashboard.all_targets") } }
        }
    }

    static func actions(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-actions")) {
            h3 { t("dashboard.actions") }
            if board.actionsByStatus.isEmpty {
                para(.class("empty")) { t("dashboard.no_actions") }
            } else {
                ul(.class("plain")) {
                    for (status, count) in board.actionsByStatus {
                        li {
                            link(.href(Paths.with(Paths.cityActions(board.slug), query: [("status", status.rawValue)]))) {
                                t("action_status.\(status.rawValue)")
                            }
                            ": "
                            strong { String(count) }
                        }
                    }
                }
            }
            para { link(.href(Paths.cityActions(board.slug))) { t("dashboard.all_actions") } }
        }
    }

    static func assessments(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-assessments")) {
            h3 { t("dashboard.assessments") }
            if board.assessments.isEmpty {
                para(.class("empty")) { t("dashboard.no_assessments") }
            } else {
                table(.class("compact")) {
                    thead {
                        tr {
                            th { t("dashboard.framework") }
                            th { t("dashboard.score") }
                            th { t("dashboard.peer_median") }
                        }
                    }
                    tbody {
                        for score in board.assessments {
                            tr {
                                td {
                                    link(.href(Paths.assessment(board.slug, score.framework, score.year))) {
                                        "\(score.frameworkName) \(score.year)"
                                    }
                                }
                                td(.class("number")) {
                                    if let value = score.score {
                                        t.number(value, maxFractionDigits: 1)
                                    } else {
                                        span(.class("missing"), .title(ScoreReasonText.notShown(score.composite, t: t) ?? "")) {
                                            "—"
                                        }
                                    }
                                }
                                td(.class("number")) {
                                    if let median = score.peerMedian {
                                        t.number(median, maxFractionDigits: 1)
                                    } else {
                                        span(
                                            .class("missing"),
                                            .title(t("dashboard.too_few_peers", ["count": String(score.peersAssessed)]))
                                        ) { "—" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            para { link(.href(Paths.cityAssessments(board.slug))) { t("dashboard.all_assessments") } }
            para { link(.href(Paths.cityReviews(board.slug))) { t("dashboard.reviews") } }
        }
    }

    static func peers(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-peers")) {
            h3 { t("dashboard.peers") }
            if board.peers.isEmpty {
                para(.class("empty")) { t("dashboard.no_peers") }
            } else {
                ul(.class("plain")) {
                    for peer in board.peers {
                        li {
                            link(.href(Paths.city(peer.link.slug))) { t.pick(peer.link.names) }
                            " " + t.number(peer.matchPercent, maxFractionDigits: 0) + " %"
                            if !peer.near.isEmpty {
                                small { " (" + peer.near.map { t("peer_feature.\($0)") }.joined(separator: ", ") + ")" }
                            }
                        }
                    }
                }
            }
            para { link(.href(Paths.cityPeers(board.slug))) { t("dashboard.all_peers") } }
        }
    }

    static func learning(_ board: CityDashboard, t: Translator) -> Node {
        article(.class("card"), .id("dashboard-knowledge")) {
            h3 { t("dashboard.knowledge") }
            if board.caseStudies.isEmpty && board.events.isEmpty {
                para(.class("empty")) { t("dashboard.no_knowledge") }
            }
            if !board.caseStudies.isEmpty {
                h4 { t("dashboard.case_studies") }
                ul(.class("plain")) {
                    for study in board.caseStudies {
                        li { link(.href(Paths.knowledgeRecord(.caseStudy, study.slug))) { t.pick(study.names) } }
                    }
                }
            }
            if !board.events.isEmpty {
                h4 { t("dashboard.events") }
                ul(.class("plain")) {
                    for event in board.events {
                        li {
                            link(.href(Paths.knowledgeRecord(.event, event.slug))) { t.pick(event.titles) }
                            if let day = event.startsOn { small { " " + day } }
                        }
                    }
                }
            }
        }
    }
}
