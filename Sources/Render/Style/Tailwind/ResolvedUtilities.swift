import Synchronization

/// Tailwind class names already turned into declarations, shared by every render in the process.
///
/// A template's markup carries the same class names on every render, and generating a utility
/// means building its CSS text and parsing it, which was close to half of a Tailwind card's layout.
/// The result depends only on the class name and the viewport width (breakpoint variants), so it is
/// kept as is, including "not a utility". Bounded by entries and name length, like
/// `ParsedStyleSheets`, so arbitrary markup cannot grow it without end.
enum ResolvedUtilities {
    private struct Key: Hashable {
        var className: String
        var viewportWidth: Double
    }

    /// Class names kept; on overflow the whole table is dropped, which keeps hits cheap and is rare.
    static let capacity = 4096
    /// Longer class names are resolved every time rather than kept.
    static let longestKeptName = 256

    private static let table = Mutex<[Key: TailwindResolver.Utility?]>([:])

    /// How many class names are kept now.
    static var count: Int { table.withLock { $0.count } }

    /// The utility `resolver` makes of `className`, from the table or resolved and kept.
    static func utility(for className: String, resolver: TailwindResolver) -> TailwindResolver.Utility? {
        guard className.utf8.count <= longestKeptName else { return resolver.utility(for: className) }
        let key = Key(className: className, viewportWidth: resolver.viewportWidth)
        if let hit = table.withLock({ $0[key] }) { return hit }
        let made = resolver.utility(for: className)
        table.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }
}
