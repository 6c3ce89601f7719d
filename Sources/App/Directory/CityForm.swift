import Foundation

/// The city profile form: parsed, validated, and applied to a `City`.
struct CityForm: Sendable {
    var names: [String: String] = [:]
    var country = ""
    var region = ""
    var latitude = ""
    var longitude = ""
    var cityType = ""
    var pathways: Set<String> = []
    var programmes: Set<String> = []
    var details = ""

    static let fieldOrder = [
        "name_en", "name_zh", "name_ja", "name_ko", "name_mn", "name_ru", "country", "region",
        "latitude", "longitude", "city_type", "pathways", "programmes", "description",
    ]

    init() {}

    init(city: City, programmeSlugs: [String]) {
        names = city.names
        country = city.country
        region = city.region ?? ""
        latitude = city.latitude.map { String($0) } ?? ""
        longitude = city.longitude.map { String($0) } ?? ""
        cityType = city.cityType ?? ""
        pathways = Set(city.pathways)
        programmes = Set(programmeSlugs)
        details = city.details ?? ""
    }

    init(form: FormData) {
        for language in ContentLanguage.allCases {
            let value = form["name_\(language.rawValue)"]
            if !value.isEmpty { names[language.rawValue] = value }
        }
        country = form["country"].uppercased()
        region = form["region"]
        latitude = form["latitude"]
        longitude = form["longitude"]
        cityType = form["city_type"]
        pathways = Set(form.all("pathways"))
        programmes = Set(form.all("programmes"))
        details = form["description"]
    }

    /// Field name → catalogue key of the problem. Empty when the form is valid.
    func validate(knownProgrammes: Set<String>) -> [String: String] {
        var errors: [String: String] = [:]
        if (names["en"] ?? "").isEmpty { errors["name_en"] = "validation.required" }
        for (language, value) in names where value.count > 200 { errors["name_\(language)"] = "validation.too_long" }
        if !Validate.isCountryCode(country) { errors["country"] = "validation.country" }
        if region.count > 200 { errors["region"] = "validation.too_long" }
        let lat = Validate.number(latitude)
        let lon = Validate.number(longitude)
        if !latitude.isEmpty, lat.map({ (-90...90).contains($0) }) != true { errors["latitude"] = "validation.latitude" }
        if !longitude.isEmpty, lon.map({ (-180...180).contains($0) }) != true { errors["longitude"] = "validation.longitude" }
        if latitude.isEmpty != longitude.isEmpty {
            errors[latitude.isEmpty ? "latitude" : "longitude"] = "validation.coordinates_pair"
        }
        if !cityType.isEmpty, !Vocabulary.cityTypes.contains(cityType) { errors["city_type"] = "validation.choice" }
        if !pathways.isSubset(of: Set(Vocabulary.pathways)) { errors["pathways"] = "validation.choice" }
        if !programmes.isSubset(of: knownProgrammes) { errors["programmes"] = "validation.choice" }
        if details.count > 4000 { errors["description"] = "validation.too_long" }
        return errors
    }

    func apply(to city: City) {
        city.setNames(names)
        city.country = country
        city.region = region.isEmpty ? nil : region
        city.latitude = Validate.number(latitude)
        city.longitude = Validate.number(longitude)
        city.cityType = cityType.isEmpty ? nil : cityType
        city.pathways = Vocabulary.pathways.filter { pathways.contains($0) }
        city.details = details.isEmpty ? nil : details
    }
}

/// One new value of a city's yearly series.
struct CityFactForm: Sendable {
    var indicator = ""
    var year = ""
    var value = ""
    var unit = ""
    var source = ""

    static let fieldOrder = ["indicator", "year", "value", "unit", "source"]

    init() {}

    init(form: FormData) {
        indicator = form["indicator"]
        year = form["year"]
        value = form["value"].replacingOccurrences(of: ",", with: "")
        unit = form["unit"]
        source = form["source"]
    }

    func validate() -> [String: String] {
        var errors: [String: String] = [:]
        guard let units = Vocabulary.units(for: indicator) else { return ["indicator": "validation.choice"] }
        if let number = Int(year) {
            if !(1900...2100).contains(number) { errors["year"] = "validation.year" }
        } else {
            errors["year"] = year.isEmpty ? "validation.required" : "validation.year"
        }
        if let number = Validate.number(value) {
            if number < 0 || (number == 0 && indicator != "reported_total_emissions") { errors["value"] = "validation.positive" }
        } else {
            errors["value"] = value.isEmpty ? "validation.required" : "validation.number"
        }
        if !units.contains(unit) { errors["unit"] = "validation.unit" }
        if source.isEmpty {
            errors["source"] = "validation.source_required"
        } else if source.count > 500 {
            errors["source"] = "validation.too_long"
        }
        return errors
    }
}

enum Validate {
    /// A finite decimal number, or nil.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// An assigned ISO 3166-1 alpha-2 code ("KR", "MN"), not just any two letters.
    static func isCountryCode(_ code: String) -> Bool {
        code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase } && isoCountryCodes.contains(code)
    }

    static let isoCountryCodes: Set<String> = Set(
        Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
    )

    static func isEmail(_ text: String) -> Bool {
        text.count <= 254 && text.range(of: #"^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$"#, options: .regularExpression) != nil
    }

    static func isWebsite(_ text: String) -> Bool {
        guard text.count <= 500, let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }
}
