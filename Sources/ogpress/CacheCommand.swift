import OGServer

/// `ogpress cache sweep`: delete expired files, orphans and stale temp files.
enum CacheCommand {
    static let help = """
        Usage: ogpress cache sweep [--config FILE] [--cache-dir DIR]

        Deletes files whose retention ended (their specs stay, so their URLs still work and are
        rendered again on request), files with no index row, and abandoned temporary files.
        """

    static func run(_ arguments: inout Arguments) throws {
        let configuration = try Command.configuration(&arguments)
        try arguments.finish()
        let application = try Application(configuration: configuration)
        let report = try application.store.sweep()
        print("Removed \(report.expiredFiles) expired, \(report.orphanFiles) orphaned and \(report.tempFiles) "
              + "temporary files (\(report.bytesFreed) bytes).")
    }
}
