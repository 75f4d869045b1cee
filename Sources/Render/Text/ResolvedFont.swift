/// A face chosen for a request, plus the styles to synthesize on top of it.
struct ResolvedFont: Hashable, Sendable {
    /// Index into `FontCatalogue.faces`.
    var faceIndex: Int
    var synthesis: FontSynthesis
}
