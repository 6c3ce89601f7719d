/// Recognises "the disk is full" in errors of either database engine, so a full disk is reported as
/// such (507, "nothing was saved") instead of as an unexplained 500.
///
/// By text, because neither driver's error type is a dependency of this module: SQLite says
/// SQLITE_FULL "database or disk is full"; PostgreSQL reports SQLSTATE 53100 (disk_full) or
/// "could not extend file … No space left on device"; the file system says ENOSPC.
enum StorageFailure {
    static func isDiskFull(_ error: any Error) -> Bool {
        let text = String(reflecting: error)
        return ["database or disk is full", "SQLITE_FULL", "No space left on device", "53100", "disk_full", "ENOSPC"]
            .contains { text.contains($0) }
    }
}
