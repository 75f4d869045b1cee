extension CharacterCoverage {
    /// The scalars of this coverage inside `ranges` (all of them when `ranges` is empty).
    func limited(to ranges: [ClosedRange<UInt32>]) -> CharacterCoverage {
        guard !ranges.isEmpty else { return self }
        var result: [ClosedRange<UInt32>] = []
        for range in self.ranges {
            for limit in ranges where range.overlaps(limit) {
                result.append(max(range.lowerBound, limit.lowerBound)...min(range.upperBound, limit.upperBound))
            }
        }
        result.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in result {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return CharacterCoverage(ranges: merged)
    }
}
