import Foundation

/// Converting an activity between units, shared by the greenhouse-gas and the air-pollutant
/// calculations so that both read the same activity the same way.
enum UnitConversion {
    /// Within a dimension by unit size; mass ↔ energy through the fuel's NCV (TJ/Gg); volume ↔ mass
    /// through its density (t/m3). Problems name the template column to fix.
    static func convert(_ activity: Activity, to target: ActivityUnit, fuel: String, ncv: Double?, density: Double?)
        -> Result<Double, FieldProblem>
    {
        if let factor = activity.unit.factor(to: target) { return .success(activity.value * factor) }
        let from = activity.unit.dimension
        let to = target.dimension
        func convertible(_ dimension: Dimension) -> Bool { dimension == .energy || dimension == .mass || dimension == .volume }
        guard convertible(from) && convertible(to) else {
            return .failure(
                FieldProblem("ef_unit", "a factor per \(target.symbol) cannot apply to activity in \(activity.unit.symbol)"))
        }
        guard !fuel.isEmpty else {
            return .failure(
                FieldProblem("fuel", "converting \(activity.unit.symbol) to \(target.symbol) needs the fuel (its NCV or density)")
            )
        }
        // Into tonnes first.
        let tonnes: Double
        switch from {
        case .mass: tonnes = activity.value * activity.unit.inBase
        case .volume:
            guard let density else {
                return .failure(FieldProblem("fuel", "no density known for “\(fuel)” to convert \(activity.unit.symbol)"))
            }
            tonnes = activity.value * activity.unit.inBase * density
        default:
            guard let ncv else {
                return .failure(FieldProblem("fuel", "no net calorific value known for “\(fuel)”"))
            }
            // TJ ÷ (TJ/Gg) = Gg; × 1000 = t.
            tonnes = activity.value * activity.unit.inBase / ncv * 1000
        }
        switch to {
        case .mass: return .success(tonnes / target.inBase)
        case .volume:
            guard let density else {
                return .failure(FieldProblem("fuel", "no density known for “\(fuel)” to convert to \(target.symbol)"))
            }
            return .success(tonnes / density / target.inBase)
        default:
            guard let ncv else {
                return .failure(FieldProblem("fuel", "no net calorific value known for “\(fuel)”"))
            }
            // t ÷ 1000 = Gg; × NCV (TJ/Gg) = TJ.
            return .success(tonnes / 1000 * ncv / target.inBase)
        }
    }
}
