/// Tailwind class names already turned into declarations, shared by every render in the process.
///
/// A template's markup carries the same class names on every render, and generating a utility
/// means building its CSS text and parsing it, which was close to half of a Tailwind card's layout.
/// The result depends only on the class name and the viewport width (breakpoint variants), so it is
/// kept as is, including "not a utility", in a `SharedMemo` like `ParsedStyleSheets`.
enum ResolvedUtilities {
    private struct Key: Hashable, Sendable {
        var className: String
        var viewportWidth: Double
    }

    /// Longer class names are resolved every time rather than kept.
    static let longestKeptName = 256

    private static let table = SharedMemo<Key, TailwindResolver.Utility?>(capacity: 4096)

    /// How many class names are kept now.
    static var count: Int { table.count }

    /// The utility `resolver` makes of `className`, from the table or resolved and kept.
    static func utility(for className: String, resolver: TailwindResolver) -> TailwindResolver.Utility? {
        guard className.utf8.count <= longestKeptName else { return resolver.utility(for: className) }
        let key = Key(className: className, viewportWidth: resolver.viewportWidth)
        return table.value(for: key) { resolver.utility(for: className) }
    }
}
