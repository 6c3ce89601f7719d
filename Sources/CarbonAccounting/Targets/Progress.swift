/// Progress of a target, measured on the same basis as the target.
public struct TargetProgress: Sendable, Hashable {
    /// (base − latest) / (base − target level) × 100, not capped (over 100 = beyond the target,
    /// negative = emissions grew). Intensity targets: the same on intensities.
    public let percentAchieved: Double?
    /// The latest value is at or below the path from base to target in its year.
    public let onTrack: Bool?
    /// Why progress cannot be computed, or how it was (interpolated drivers); nil when plain.
    public let reason: String?
    public let latestYear: Int?
    /// In t CO2e, or t CO2e per driver unit for intensity targets.
    public let base: Double?
    public let latest: Double?
    public let targetLevel: Double?
    public let pathAtLatest: Double?

    static func unavailable(_ reason: String) -> TargetProgress {
        TargetProgress(
            percentAchieved: nil, onTrack: nil, reason: reason, latestYear: nil, base: nil, latest: nil, targetLevel: nil,
            pathAtLatest: nil)
    }

    /// Progress could not be computed (no percentage and no on-track judgement).
    public var isUnavailable: Bool { percentAchieved == nil && onTrack == nil }

    /// The same progress with a fuller reason (the caller knows why data is missing).
    public func withReason(_ reason: String) -> TargetProgress {
        TargetProgress(
            percentAchieved: percentAchieved, onTrack: onTrack, reason: reason, latestYear: latestYear, base: base,
            latest: latest, targetLevel: targetLevel, pathAtLatest: pathAtLatest)
    }
}

public enum Progress {
    /// Computes progress from the city's emissions series (t CO2e by year, on the target's
    /// coverage and GWP set) and, for intensity targets, its driver series (GDP or population).
    /// `bau` gives business-as-usual emissions by year for baseline-scenario targets.
    ///
    /// Rules (issue 4; GHG Protocol Mitigation Goal Standard ch. 9):
    /// - base = the target's stated base value if any, else the emissions of the base year;
    /// - target level = base × (1 − X/100), or the stated level for fixed-level targets, or
    ///   BAU(target year) × (1 − X/100) for baseline-scenario targets;
    /// - % achieved = (base − latest) / (base − target level) × 100, uncapped;
    /// - on track = latest ≤ path(latest year), the path linear from base to target through any
    ///   milestones;
    /// - intensities use the driver of the same year, interpolated linearly between known years and
    ///   never extrapolated.
    public static func compute(
        _ target: Target, emissions: Series, driver: Series? = nil, bau: Series? = nil
    ) -> TargetProgress {
        if let problem = target.problems().first { return .unavailable("the target is incomplete: \(problem)") }
        switch target.kind {
        case .other: return .unavailable("not a greenhouse-gas emissions target: progress is not computed from inventories")
        case .peak: return peak(target, emissions: emissions)
        default: break
        }
        var notes: [String] = []
        let driverName = target.kind.driver == .gdp ? "GDP" : "population"
        if target.kind.isIntensity && (driver?.points.isEmpty ?? true) {
            return .unavailable("the \(driverName) series is missing: an intensity target needs it for the same years")
        }

        func measure(_ year: Int, value: Double) -> Double? {
            guard target.kind.isIntensity else { return value }
            guard let driver else { return nil }
            switch driver.value(in: year) {
            case .known(let amount): return amount > 0 ? value / amount : nil
            case .interpolated(let amount, let from, let to):
                notes.append("the \(driverName) of \(year) is interpolated between \(from) and \(to)")
                return amount > 0 ? value / amount : nil
            case .missing: return nil
            }
        }

        let startYear: Int
        let start: Double
        if target.kind == .fixedLevel || target.kind == .fixedLevelPerCapita || target.kind == .baselineScenario,
            target.baseYear == nil
        {
            guard let first = emissions.points.keys.min() else { return .unavailable("no emissions are known yet") }
            startYear = first
            start = emissions.points[first]!
            notes.append("the path starts from the first known year \(first)")
        } else {
            let baseYear = target.baseYear!
            if let stated = target.baseValue {
                start = stated
                notes.append("the base value is the one the source states")
            } else if let inventory = emissions.points[baseYear] {
                start = inventory
            } else {
                return .unavailable("no emissions for the base year \(baseYear) on the target's coverage")
            }
            startYear = baseYear
        }
        guard let latestYear = emissions.points.keys.filter({ $0 > startYear }).max(),
            let latestRaw = emissions.points[latestYear]
        else { return .unavailable("no emissions after \(startYear) yet") }
        guard let base = measure(startYear, value: start) else {
            return .unavailable("no \(driverName) for \(startYear) (not extrapolated)")
        }
        guard let latest = measure(latestYear, value: latestRaw) else {
            return .unavailable("no \(driverName) for \(latestYear) (not extrapolated)")
        }

        let level: Double
        switch target.kind {
        case .baseYearAbsolute, .baseYearIntensityGDP, .baseYearIntensityCapita:
            level = base * (1 - target.reductionPercent! / 100)
        case .fixedLevel, .fixedLevelPerCapita:
            level = target.targetLevel!
        case .baselineScenario:
            guard let bauAtTarget = bau?.value(in: target.targetYear).value else {
                return .unavailable("a business-as-usual forecast for \(target.targetYear) is needed")
            }
            level = bauAtTarget * (1 - target.reductionPercent! / 100)
        case .peak, .other:
            preconditionFailure("handled above")
        }

        // A fixed level the series already started at or below is a ceiling, not a reduction: there
        // is no share of a reduction to report, only whether the latest year stays within it.
        if target.kind == .fixedLevel || target.kind == .fixedLevelPerCapita, base <= level {
            notes.append(
                "the series started at or below the target level in \(startYear): the target is a ceiling, "
                    + "met while emissions stay at or below it")
            return TargetProgress(
                percentAchieved: nil, onTrack: latest <= level, reason: notes.joined(separator: "; "),
                latestYear: latestYear, base: base, latest: latest, targetLevel: level, pathAtLatest: level)
        }

        // The path: (start year, base) → milestones → (target year, level), linear between points.
        var path: [(Int, Double)] = [(startYear, base)]
        for milestone in target.milestones.sorted(by: { $0.year < $1.year }) {
            if let value = milestone.level {
                path.append((milestone.year, value))
            } else if let percent = milestone.reductionPercent {
                path.append((milestone.year, base * (1 - percent / 100)))
            }
        }
        path.append((target.targetYear, level))
        let pathAtLatest: Double
        if latestYear >= target.targetYear {
            pathAtLatest = level
        } else {
            let next = path.firstIndex { $0.0 >= latestYear }!
            let (y1, v1) = path[next]
            let (y0, v0) = path[max(0, next - 1)]
            pathAtLatest = y1 == y0 ? v1 : v0 + (v1 - v0) * Double(latestYear - y0) / Double(y1 - y0)
        }
        let denominator = base - level
        let percent: Double? = denominator == 0 ? nil : (base - latest) / denominator * 100
        if denominator == 0 { notes.append("the target level equals the base: % achieved is undefined") }
        return TargetProgress(
            percentAchieved: percent, onTrack: latest <= pathAtLatest,
            reason: notes.isEmpty ? nil : notes.joined(separator: "; "),
            latestYear: latestYear, base: base, latest: latest, targetLevel: level, pathAtLatest: pathAtLatest)
    }

    /// A peaking target: once the peak year has passed, on track when the latest emissions are not
    /// above the highest level reached up to the peak year. Before it, nothing can be said yet.
    static func peak(_ target: Target, emissions: Series) -> TargetProgress {
        guard let latestYear = emissions.points.keys.max(), let latest = emissions.points[latestYear] else {
            return .unavailable("no emissions are known yet")
        }
        guard latestYear > target.targetYear else {
            return TargetProgress(
                percentAchieved: nil, onTrack: nil,
                reason: "the peak year \(target.targetYear) has not passed yet (latest emissions: \(latestYear))",
                latestYear: latestYear, base: nil, latest: latest, targetLevel: nil, pathAtLatest: nil)
        }
        guard let highest = emissions.points.filter({ $0.key <= target.targetYear }).values.max() else {
            return .unavailable("no emissions up to the peak year \(target.targetYear)")
        }
        return TargetProgress(
            percentAchieved: nil, onTrack: latest <= highest,
            reason:
                "a peaking target has no percentage; the highest level up to \(target.targetYear) is compared with \(latestYear)",
            latestYear: latestYear, base: nil, latest: latest, targetLevel: highest, pathAtLatest: highest)
    }
}
