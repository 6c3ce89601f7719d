import CarbonAccounting

/// What a report states about an inventory besides its lines: the fields of the eCRF's metadata
/// sheet (`eCRF_1`, rows 1–34 of reporting_formats.md §1.1) and of the CDP-ICLEI Track summary.
/// The App fills it from the city profile and the inventory record; empty texts and nil numbers
/// are written as empty cells (missing stays missing).
public struct InventoryMetadata: Sendable, Hashable, Codable {
    /// Row 1, "Type": what kind of inventory this is.
    public var inventoryType: String
    // Boundary (rows 2–16).
    /// Row 2, "Name of city".
    public var cityName: String
    /// Row 3.
    public var country: String
    /// Row 4: province, prefecture or state.
    public var region: String
    /// The city's GeoNames id (row 5, "City ID (GeoNames)").
    public var geoNamesID: String
    /// Row 6 with `longitude`: decimal degrees, written "lat, lon".
    public var latitude: Double?
    /// Row 6 with `latitude`.
    public var longitude: Double?
    /// The inventory year (row 7); the year of every activity row of `eCRF_3` too.
    public var year: Int
    /// "Geographic boundary" (row 8): e.g. administrative boundary of the city proper.
    public var boundary: String
    /// Heating and cooling degree days, °C (rows 9–10).
    public var heatingDegreeDays: Double?
    /// Row 10.
    public var coolingDegreeDays: Double?
    /// Land area within the boundary, km² (row 11).
    public var landAreaKm2: Double?
    /// Resident population within the boundary (row 12).
    public var population: Double?
    /// GDP of economic activity within the boundary, US$ (row 13).
    public var gdpUSD: Double?
    /// Row 14, "Type of economy".
    public var economyType: String
    /// Row 15.
    public var climate: String
    /// Row 16.
    public var otherInformation: String
    // Inventory (rows 17–28).
    /// Row 17, "Inventory tool used".
    public var tool: String
    /// Row 18: BASIC or BASIC+; decides the level total and CDP's BASIC+ figure.
    public var level: ReportingLevel
    /// Row 20: the GWP set every CO2e figure of every report uses.
    public var gwp: GWPSet
    /// Row 21: why the GWP set was chosen. For AR6 the exporter states the platform's convention
    /// when this is empty (the CRF asks for a reason when the set is not AR4 or AR5).
    public var gwpExplanation: String
    /// Row 19, "Greenhouse gases included in inventory". Nil: the gases the lines contain.
    public var gasesIncluded: String?
    /// Row 22.
    public var methodology: String
    /// Row 23.
    public var regulations: String
    /// Row 24.
    public var changeSinceLastInventory: String
    /// Row 25: audited or verified by a third party (nil: not stated).
    public var verified: Bool?
    /// Row 26.
    public var verifierName: String
    /// Row 27.
    public var verificationYear: Int?
    /// Row 28.
    public var plannedImprovements: String
    // Compiler and contact (rows 29–34).
    /// Row 29.
    public var compilerName: String
    /// Row 30.
    public var department: String
    /// The date of compilation as written (ISO 8601 recommended, e.g. "2024-05-31").
    public var compiledOn: String
    /// Row 32.
    public var version: String
    /// Row 33.
    public var email: String
    /// Row 34.
    public var webpage: String

    /// The year, level and GWP set are required; everything else may stay empty.
    public init(
        cityName: String, country: String, year: Int, level: ReportingLevel, gwp: GWPSet,
        inventoryType: String = "Community-scale GHG inventory (GPC)", region: String = "", geoNamesID: String = "",
        latitude: Double? = nil, longitude: Double? = nil, boundary: String = "", heatingDegreeDays: Double? = nil,
        coolingDegreeDays: Double? = nil, landAreaKm2: Double? = nil, population: Double? = nil, gdpUSD: Double? = nil,
        economyType: String = "", climate: String = "", otherInformation: String = "", tool: String = "LCC Platform",
        gwpExplanation: String = "", gasesIncluded: String? = nil, methodology: String = "", regulations: String = "",
        changeSinceLastInventory: String = "", verified: Bool? = nil, verifierName: String = "",
        verificationYear: Int? = nil, plannedImprovements: String = "", compilerName: String = "", department: String = "",
        compiledOn: String = "", version: String = "", email: String = "", webpage: String = ""
    ) {
        self.inventoryType = inventoryType
        self.cityName = cityName
        self.country = country
        self.region = region
        self.geoNamesID = geoNamesID
        self.latitude = latitude
        self.longitude = longitude
        self.year = year
        self.boundary = boundary
        self.heatingDegreeDays = heatingDegreeDays
        self.coolingDegreeDays = coolingDegreeDays
        self.landAreaKm2 = landAreaKm2
        self.population = population
        self.gdpUSD = gdpUSD
        self.economyType = economyType
        self.climate = climate
        self.otherInformation = otherInformation
        self.tool = tool
        self.level = level
        self.gwp = gwp
        self.gwpExplanation = gwpExplanation
        self.gasesIncluded = gasesIncluded
        self.methodology = methodology
        self.regulations = regulations
        self.changeSinceLastInventory = changeSinceLastInventory
        self.verified = verified
        self.verifierName = verifierName
        self.verificationYear = verificationYear
        self.plannedImprovements = plannedImprovements
        self.compilerName = compilerName
        self.department = department
        self.compiledOn = compiledOn
        self.version = version
        self.email = email
        self.webpage = webpage
    }
}
