import Foundation
import ZIPFoundation

/// The archive file: a zip (ZIPFoundation) with `manifest.json` and the data file.
///
/// Written under a temporary name in the target directory, flushed to disk, then renamed: a file
/// with the final name is always complete, and a crash or a full disk leaves at most a
/// `.partial` file, which `verify` reports as invalid and the next scheduled backup removes.
enum BackupArchive {
    static let partialSuffix = ".partial"

    static func write(manifest: BackupManifest, data: URL, to destination: URL, compress: Bool) throws {
        let partial = URL(filePath: destination.path + partialSuffix)
        try? FileManager.default.removeItem(at: partial)
        do {
            try fill(partial, manifest: manifest, data: data, compress: compress)
            try synchronize(partial)
            try FileManager.default.moveItem(at: partial, to: destination)
            try synchronize(destination.deletingLastPathComponent())
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// A separate function so the archive (and its open file) is gone before the rename.
    private static func fill(_ file: URL, manifest: BackupManifest, data: URL, compress: Bool) throws {
        let archive = try Archive(url: file, accessMode: .create)
        let manifestData = try manifest.encoded()
        try archive.addEntry(
            with: BackupManifest.fileName, type: .file, uncompressedSize: Int64(manifestData.count), compressionMethod: .deflate
        ) { position, size in
            manifestData.subdata(in: Int(position)..<Int(position) + size)
        }
        try archive.addEntry(with: manifest.dataFile, fileURL: data, compressionMethod: compress ? .deflate : .none)
    }

    /// The manifest, and the data file extracted into `directory` with its SHA-256 checked.
    static func read(_ file: URL, extractingInto directory: URL) throws -> (BackupManifest, URL) {
        // A backup killed after its last byte but before the rename leaves a `.partial` that reads
        // as whole: it is still refused, because only the rename says the backup finished.
        guard !file.lastPathComponent.hasSuffix(partialSuffix) else {
            throw BackupError(
                "\(file.path) is what an interrupted backup left (it never got its final name); it is not a backup — take a new one"
            )
        }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw BackupError("\(file.path) is not a complete backup archive (\(error))")
        }
        guard let manifestEntry = archive[BackupManifest.fileName] else {
            throw BackupError("\(file.path) has no \(BackupManifest.fileName)")
        }
        var manifestData = Data()
        _ = try archive.extract(manifestEntry) { manifestData.append($0) }
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.decode(manifestData)
        } catch {
            throw BackupError("\(file.path): the manifest cannot be read (\(error))")
        }
        guard manifest.format == BackupManifest.formatName else { throw BackupError("\(file.path) is not an LCC backup") }
        guard manifest.formatVersion <= BackupManifest.currentFormatVersion else {
            throw BackupError(
                "\(file.path) has format version \(manifest.formatVersion); this platform reads up to \(BackupManifest.currentFormatVersion) (upgrade the platform first)"
            )
        }
        guard let dataEntry = archive[manifest.dataFile], !manifest.dataFile.contains("/"), !manifest.dataFile.contains("..")
        else { throw BackupError("\(file.path) lacks its data file") }
        let data = directory.appending(path: manifest.dataFile)
        do {
            _ = try archive.extract(dataEntry, to: data)
        } catch {
            throw BackupError("\(file.path): the data file cannot be extracted (\(error))")
        }
        let digest = try TableChecksums.sha256(of: data)
        guard digest == manifest.dataSHA256 else {
            throw BackupError("\(file.path): the data file's SHA-256 differs from the manifest (damaged archive)")
        }
        return (manifest, data)
    }

    /// fsync of a file or directory, so a rename after it cannot leave an empty file after a power cut.
    static func synchronize(_ url: URL) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }
}
