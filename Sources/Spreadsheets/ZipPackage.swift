import Foundation
import ZIPFoundation

/// The zip container of a workbook, through ZIPFoundation (no zip code of our own).
enum ZipPackage {
    /// Entries get this fixed date so that the same workbook always gives the same bytes
    /// (2000-01-01 00:00 UTC; the zip format cannot store dates before 1980).
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    static func write(_ parts: [(path: String, bytes: [UInt8])]) throws(SpreadsheetError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw SpreadsheetError.zip("the in-memory archive has no data") }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .zip(String(describing: error))
        }
    }

    /// The parts of a zip archive, read on demand with a size limit per part.
    struct Reader {
        let data: Data
        let limit: Int

        /// Throws `notAZip` when the bytes are not a zip archive.
        init(data: Data, limit: Int) throws(SpreadsheetError) {
            self.data = data
            self.limit = limit
            _ = try open()
        }

        private func open() throws(SpreadsheetError) -> Archive {
            do { return try Archive(data: data, accessMode: .read, pathEncoding: nil) } catch { throw .notAZip }
        }

        /// The paths of the archive's entries.
        func paths() -> [String] {
            guard let archive = try? open() else { return [] }
            return archive.map(\.path)
        }

        /// The bytes of one part; nil when the archive has no such entry.
        func read(_ path: String) throws(SpreadsheetError) -> Data? {
            let archive = try open()
            // Part names are case-insensitive (ECMA-376 Part 2 §6.2.2.3).
            guard let entry = archive[path] ?? archive.first(where: { $0.path.lowercased() == path.lowercased() }) else {
                return nil
            }
            if entry.uncompressedSize > UInt64(limit) { throw .partTooLarge(path, limit: limit) }
            var output = Data()
            do {
                // The size in the header can lie: count what actually comes out.
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard output.count + chunk.count <= limit else { throw SpreadsheetError.partTooLarge(path, limit: limit) }
                    output.append(chunk)
                }
            } catch let error as SpreadsheetError {
                throw error
            } catch {
                throw .malformedPart(path, "it cannot be unpacked (\(error))")
            }
            return output
        }
    }
}
