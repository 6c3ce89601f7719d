import Foundation

/// The road vehicle classes of the EMEP/EEA Tier 1 road tables. The class chooses the exhaust
/// factors (per kg of fuel), the non-exhaust factors (per vehicle-km) and the fuel consumption
/// that converts between the two (`air_pollutants.md` §3 and §5).
public enum VehicleClass: String, Sendable, CaseIterable, Codable {
    case passengerCar = "car"
    case lightCommercial = "light_commercial"
    /// Lorries and other heavy-duty vehicles.
    case heavyDuty = "heavy_duty"
    case bus
    /// Two- and three-wheelers.
    case lCategory = "l_category"

    public var name: String {
        switch self {
        case .passengerCar: "Passenger car"
        case .lightCommercial: "Light commercial vehicle"
        case .heavyDuty: "Heavy-duty vehicle"
        case .bus: "Bus"
        case .lCategory: "L-category (2- and 3-wheelers)"
        }
    }

    /// The template's value and common spellings of it.
    public static func parse(_ text: String) -> VehicleClass? {
        let key = text.trimmed.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let found = VehicleClass(rawValue: key) { return found }
        let aliases: [String: VehicleClass] = [
            "passenger_car": .passengerCar, "cars": .passengerCar, "lcv": .lightCommercial, "van": .lightCommercial,
            "hdv": .heavyDuty, "lorry": .heavyDuty, "truck": .heavyDuty, "hgv": .heavyDuty, "buses": .bus,
            "motorcycle": .lCategory, "two_wheeler": .lCategory, "moped": .lCategory,
        ]
        return aliases[key]
    }

    /// Position in `allCases`, for the calculation's tables.
    var slot: Int {
        switch self {
        case .passengerCar: 0
        case .lightCommercial: 1
        case .heavyDuty: 2
        case .bus: 3
        case .lCategory: 4
        }
    }

    /// NFR code of the exhaust factors: i and iii come with the source factors; ii and iv are
    /// [RECALLED] in the reference note (§3). Buses are in iii with heavy-duty vehicles.
    var exhaustNFR: String {
        switch self {
        case .passengerCar: "1.A.3.b.i"
        case .lightCommercial: "1.A.3.b.ii"
        case .heavyDuty, .bus: "1.A.3.b.iii"
        case .lCategory: "1.A.3.b.iv"
        }
    }

    /// The class of the non-exhaust rows (tyre and brake wear, road abrasion). The file has passenger
    /// cars and heavy goods vehicles only; buses wear tyres, brakes and roads as heavy vehicles do,
    /// which is how the Guidebook groups them ([DERIVED]). Light commercial and L-category: none.
    var nonExhaustClass: String? {
        switch self {
        case .passengerCar: "Passenger cars"
        case .heavyDuty, .bus: "Heavy goods vehicles"
        case .lightCommercial, .lCategory: nil
        }
    }
}

/// The road fuels of the Tier 1 tables.
enum RoadFuel: Sendable, Hashable {
    case petrol, diesel, lpg, cng

    init?(_ group: AirFuelGroup) {
        switch group {
        case .petrol: self = .petrol
        case .gasOil: self = .diesel
        case .lpg: self = .lpg
        case .naturalGas: self = .cng
        default: return nil
        }
    }
}

/// Road classes of the factor file and the Tier 1 fuel consumption (Table 3-15).
enum RoadTier1 {
    /// The `fuel_class` of the exhaust rows for a vehicle and fuel; nil where the file has none
    /// (e.g. CNG cars, diesel L-category). Diesel buses take the heavy-duty diesel row: the Tier 1
    /// class 1.A.3.b.iii is "heavy-duty vehicles and buses" (reference note §3).
    static func exhaustClass(_ vehicle: VehicleClass, _ fuel: RoadFuel) -> String? {
        switch (vehicle, fuel) {
        case (.passengerCar, .petrol): "Passenger car, petrol"
        case (.passengerCar, .diesel): "Passenger car, diesel"
        case (.passengerCar, .lpg): "Passenger car, LPG"
        case (.lightCommercial, .petrol): "Light commercial vehicle, petrol"
        case (.lightCommercial, .diesel): "Light commercial vehicle, diesel"
        case (.heavyDuty, .diesel), (.bus, .diesel): "Heavy-duty vehicle, diesel"
        case (.bus, .cng): "Bus, CNG (heavy-duty)"
        case (.lCategory, .petrol): "L-category (2/3-wheel), petrol"
        default: nil
        }
    }

    /// Grams of fuel per vehicle-km, EMEP/EEA 1.A.3.b Table 3-15 (2026 download; 2019 edition in the
    /// second value), [VERIFIED-SRC] in `air_pollutants.md` §5. It turns vehicle-km into fuel for
    /// the exhaust factors and fuel into vehicle-km for the non-exhaust ones.
    static func fuelConsumption(_ vehicle: VehicleClass, _ fuel: RoadFuel, edition: AirPollutantEdition) -> Double? {
        let values: (Double, Double)? =
            switch (vehicle, fuel) {
            case (.passengerCar, .petrol): (61.9, 70)
            case (.passengerCar, .diesel): (56.8, 60)
            case (.passengerCar, .lpg): (58.1, 57.5)
            case (.passengerCar, .cng): (61.6, 62.6)
            case (.lightCommercial, .petrol): (72.5, 100)
            case (.lightCommercial, .diesel): (79, 80)
            case (.heavyDuty, .diesel), (.bus, .diesel): (216.8, 240)
            case (.bus, .cng): (405.5, 500)
            case (.lCategory, .petrol): (27.7, 35)
            default: nil
            }
        guard let values else { return nil }
        return edition == .guidebook2019 ? values.1 : values.0
    }

    static let fuelConsumptionTable = "1.A.3.b Table 3-15 (Tier 1 fuel consumption)"
}
