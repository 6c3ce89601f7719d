import Foundation

extension AirPollutantEdition {
    /// The edition an inventory of `year` takes unless its editor chooses another.
    ///
    /// The rule: the edition a city could have used when it compiled the inventory, which is done
    /// in the year after the data year at the earliest. The 2023 Guidebook appeared in 2023, so
    /// inventories of 2021 and earlier take the 2019 edition (and can be compared with pollutant
    /// figures reported from them then), inventories of 2022 and later the current edition. The
    /// platform has no edition older than 2019: earlier years take 2019 too.
    public static func `default`(forInventoryYear year: Int) -> AirPollutantEdition {
        year + 1 < 2023 ? .guidebook2019 : .current
    }
}
