/// The set of Unicode scalars a face maps to glyphs (its cmap), as sorted disjoint ranges.
struct CharacterCoverage: Sendable {
    /// Sorted, non-overlapping, inclusive ranges.
    private(set) var ranges: [ClosedRange<UInt32>]

    init(ranges: [ClosedRange<UInt32>]) { self.ranges = ranges }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if scalar < range.lowerBound { high = middle - 1 } else if scalar > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}
