import App
import Foundation

// Benchmarks of issue 3, outside the test run (DESIGN.md: performance lives in benchmarks):
//   lcc-bench engine [LINES]                  calculate an inventory of LINES lines (default 10,000)
//   lcc-bench import [LINES]                  import a LINES-line CSV (default 100,000) into SQLite, or
//                                             into PostgreSQL when DATABASE_URL is set
//   lcc-bench csv LINES FILE                  write a generated inventory CSV
//   lcc-bench publish CITY YEAR LINES         create a published LINES-line inventory in the configured
//                                             database (for the page benchmark in scripts/bench-inventory.sh)
//   lcc-bench progress [CITIES] [YEARS]       progress of two targets per city over YEARS years of
//                                             inventories, in memory (issue 4: 1,000 × 30 under 100 ms)
//   lcc-bench registry-data CITIES YEARS      insert that many cities, published inventories and targets
//                                             into the configured database and time loading + progress
//   lcc-bench search-data RECORDS             index that many generated records (English, Chinese,
//                                             Japanese, Korean) for the search benchmark (issue 5)
//   lcc-bench indicators [CITIES] [INDICATORS] [YEARS]
//                                             benchmark views and peers in memory (issue 11: 1,000 × 30 × 10
//                                             under 200 ms)
//   lcc-bench reporting [LINES] [ECRF_LINES]  greenhouse gases + air pollutants of LINES lines (issue 13: 10,000
//                                             under 8 ms) and the eCRF workbook of ECRF_LINES (2,000 under 200 ms)
//   lcc-bench review-in-marking EMAIL         a review of Guiyang in marking with EMAIL as its lead reviewer
//                                             (prints its id; for the reviewer's workspace in scripts/bench.sh)
// Build in release: swift build -c release --product lcc-bench.
await InventoryBenchmarks.main(Array(CommandLine.arguments.dropFirst()))
