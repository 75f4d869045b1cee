/// Why a text engine could not be created.
enum TextError: Error, Sendable, Equatable {
    /// No usable font file under the configured directories.
    case noFonts(directories: [String])
    /// FreeType failed with an error code in `function`.
    case freeType(function: String, code: Int32)
    /// ICU could not start (its data library is missing or broken).
    case unicode(String)
}
