/// The features "cities like mine" compares (issue 11; `benchmarking_methods.md`: CityCatalyst's
/// clusters use population, economic structure, emissions intensity and per-person emissions;
/// Saldivar-Sali classifies by climate, GDP, population and density).
public enum PeerFeature: String, Sendable, Hashable, Codable, CaseIterable {
    case population
    case density
    case gdpPerPerson = "gdp_per_person"
    case climate
    case serviceShare = "service_share"
    case industryShare = "industry_share"
    case emissionsPerPerson = "emissions_per_person"
}

/// Climate as a Köppen–Geiger zone ("Cfa", "Dwa") and/or heating and cooling degree days, with
/// its source.
public struct Climate: Sendable, Hashable, Codable {
    public var zone: String?
    public var heatingDegreeDays: Double?
    public var coolingDegreeDays: Double?
    public var source: String

    public init(zone: String? = nil, heatingDegreeDays: Double? = nil, coolingDegreeDays: Double? = nil, source: String) {
        self.zone = zone
        self.heatingDegreeDays = heatingDegreeDays
        self.coolingDegreeDays = coolingDegreeDays
        self.source = source
    }
}

/// An amount of money per person in one currency and price basis.
public struct MoneyPerPerson: Sendable, Hashable, Codable {
    public var value: Double
    public var currency: String
    public var priceBasis: PriceBasis
    public var year: Int

    public init(value: Double, currency: String, priceBasis: PriceBasis = .current, year: Int) {
        self.value = value
        self.currency = currency
        self.priceBasis = priceBasis
        self.year = year
    }
}

/// Emissions per person with what it must share with another figure to be compared.
public struct EmissionsPerPerson: Sendable, Hashable, Codable {
    public var value: Double
    public var basis: ComparisonBasis
    public var year: Int

    public init(value: Double, basis: ComparisonBasis, year: Int) {
        self.value = value
        self.basis = basis
        self.year = year
    }
}

/// What the peer matcher knows of one city. Every feature may be unknown; an unknown feature is
/// left out of the distance and listed, never filled in.
public struct PeerFeatures: Sendable, Hashable {
    public var id: String
    public var country: String?
    public var cityType: String?
    public var population: Double?
    public var areaKm2: Double?
    public var gdpPerPerson: MoneyPerPerson?
    public var climate: Climate?
    /// Services' share of GDP, in %.
    public var serviceShare: Double?
    /// Industry's share of GDP, in %.
    public var industryShare: Double?
    public var emissionsPerPerson: EmissionsPerPerson?

    public init(
        id: String, country: String? = nil, cityType: String? = nil, population: Double? = nil, areaKm2: Double? = nil,
        gdpPerPerson: MoneyPerPerson? = nil, climate: Climate? = nil, serviceShare: Double? = nil, industryShare: Double? = nil,
        emissionsPerPerson: EmissionsPerPerson? = nil
    ) {
        self.id = id
        self.country = country
        self.cityType = cityType
        self.population = population
        self.areaKm2 = areaKm2
        self.gdpPerPerson = gdpPerPerson
        self.climate = climate
        self.serviceShare = serviceShare
        self.industryShare = industryShare
        self.emissionsPerPerson = emissionsPerPerson
    }

    /// Persons per km², when both population and area are known and positive.
    public var density: Double? {
        guard let population, let areaKm2, population > 0, areaKm2 > 0 else { return nil }
        return population / areaKm2
    }
}

/// The secretariat's editable weights and scales for peer matching. Defaults are the platform's
/// choices, stated in `BENCHMARKING.md`.
public struct PeerWeights: Sendable, Hashable, Codable {
    public var population: Double
    /// Half weight: mySociety scales density down after normalising so it "separates dissimilar
    /// places without dominating" (`benchmarking_methods.md`).
    public var density: Double
    public var gdpPerPerson: Double
    public var climate: Double
    public var serviceShare: Double
    public var industryShare: Double
    public var emissionsPerPerson: Double

    /// The ratio at which two cities count as entirely different (distance 1) on a log scale.
    public var populationRatioSpan: Double
    public var densityRatioSpan: Double
    public var gdpPerPersonRatioSpan: Double
    public var emissionsRatioSpan: Double
    /// Percentage points of GDP share at which two cities count as entirely different.
    public var sharePointsSpan: Double
    public var heatingDegreeDaysSpan: Double
    public var coolingDegreeDaysSpan: Double
    /// A feature is named as a reason ("near") when its distance is at most this.
    public var nearThreshold: Double
    /// A peer is listed only when at least this many features could be compared.
    public var minimumCompared: Int
    /// Emissions per person more years apart than this are not compared.
    public var emissionsYearGap: Int

    public init(
        population: Double = 1, density: Double = 0.5, gdpPerPerson: Double = 1, climate: Double = 1, serviceShare: Double = 0.5,
        industryShare: Double = 0.5, emissionsPerPerson: Double = 1, populationRatioSpan: Double = 10,
        densityRatioSpan: Double = 10, gdpPerPersonRatioSpan: Double = 10, emissionsRatioSpan: Double = 5,
        sharePointsSpan: Double = 40, heatingDegreeDaysSpan: Double = 3000, coolingDegreeDaysSpan: Double = 1500,
        nearThreshold: Double = 0.25, minimumCompared: Int = 3, emissionsYearGap: Int = 3
    ) {
        self.population = population
        self.density = density
        self.gdpPerPerson = gdpPerPerson
        self.climate = climate
        self.serviceShare = serviceShare
        self.industryShare = industryShare
        self.emissionsPerPerson = emissionsPerPerson
        self.populationRatioSpan = populationRatioSpan
        self.densityRatioSpan = densityRatioSpan
        self.gdpPerPersonRatioSpan = gdpPerPersonRatioSpan
        self.emissionsRatioSpan = emissionsRatioSpan
        self.sharePointsSpan = sharePointsSpan
        self.heatingDegreeDaysSpan = heatingDegreeDaysSpan
        self.coolingDegreeDaysSpan = coolingDegreeDaysSpan
        self.nearThreshold = nearThreshold
        self.minimumCompared = minimumCompared
        self.emissionsYearGap = emissionsYearGap
    }

    /// The weight of one feature.
    public func weight(_ feature: PeerFeature) -> Double {
        switch feature {
        case .population: population
        case .density: density
        case .gdpPerPerson: gdpPerPerson
        case .climate: climate
        case .serviceShare: serviceShare
        case .industryShare: industryShare
        case .emissionsPerPerson: emissionsPerPerson
        }
    }
}
