import FluentKit
import Foundation
import Logging

/// `lcc-bench search-data N`: N generated, published search documents (English words, Chinese,
/// Japanese and Korean phrases) in the configured database, for the search benchmark (issue 5:
/// p99 under 50 ms at `wrk -c16` for one word and for a CJK word over 100,000 records).
enum SearchBenchmarks {
    static let english = [
        "climate", "energy", "transport", "buildings", "waste", "water", "air", "quality", "city", "district", "heating",
        "efficiency", "solar", "wind", "bus", "metro", "cycling", "recycling", "compost", "forest", "park", "flood", "heat",
        "resilience", "finance", "procurement", "training", "policy", "emissions", "inventory", "target", "action", "plan",
        "community", "school", "hospital", "port", "logistics", "industry", "steel", "cement", "lighting", "retrofit",
    ]
    static let chinese = ["低碳城市建设", "绿色采购", "公共交通", "垃圾分类", "可再生能源", "节能改造", "空气质量"]
    static let japanese = ["脱炭素社会", "再生可能エネルギー", "省エネルギー", "公共交通", "廃棄物削減"]
    static let korean = ["온실가스 감축", "신재생에너지", "대중교통", "에너지 효율", "폐기물 감량"]

    static func generate(count: Int) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let database = try await DatabaseHandle.open(AppConfig.fromEnvironment().database, logger: logger)
        do {
            try await database.migrate()
            var generator = SystemRandomNumberGenerator()
            let started = Date()
            var batch: [SearchDocument] = []
            for index in 0..<count {
                var words: [String] = []
                for _ in 0..<20 { words.append(english.randomElement(using: &generator)!) }
                let script = index % 4
                let phrase =
                    switch script {
                    case 1: chinese.randomElement(using: &generator)!
                    case 2: japanese.randomElement(using: &generator)!
                    case 3: korean.randomElement(using: &generator)!
                    default: ""
                    }
                let language = ["en", "zh", "ja", "ko"][script]
                var titles = ["en": "Generated record \(index): \(words[0]) \(words[1])"]
                if !phrase.isEmpty { titles[language] = phrase + " \(index)" }
                batch.append(
                    SearchDocument(
                        type: ["case_study", "news", "event", "publication"][index % 4], key: "bench-\(index)",
                        url: Paths.knowledgeRecord(.news, "bench-\(index)"), titles: titles,
                        text: words.joined(separator: " ") + " " + phrase,
                        country: ["CN", "JP", "KR", "MN"][index % 4], sector: ["I", "II", "III"][index % 3], pathways: [],
                        year: 2000 + index % 25, languages: Array(titles.keys).sorted()))
                if batch.count == 1_000 {
                    try await SearchIndex.put(batch, on: database.db, replacing: false)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try await SearchIndex.put(batch, on: database.db, replacing: false) }
            print("indexed \(count) generated records in \(InventoryBenchmarks.format(Date().timeIntervalSince(started))) s")
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
