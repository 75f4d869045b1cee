extension ResampleTaps {
    /// One destination pixel's taps, at most three, padded with zero weights: sampling then runs a
    /// fixed sequence without a loop over a varying tap count. Offsets are in bytes into the
    /// vertically filtered row (16 per source column).
    struct PaddedTap {
        var offset0: Int32 = 0, offset1: Int32 = 0, offset2: Int32 = 0
        var weight0: UInt32 = 0, weight1: UInt32 = 0, weight2: UInt32 = 0
    }

    /// The taps padded to three per pixel, or nil when some pixel has more (a reduction by more
    /// than two) or a negative weight (see `hasNonNegativeWeights`); those images take the loop.
    func paddedToThree() -> [PaddedTap]? {
        guard hasNonNegativeWeights else { return nil }
        var padded: [PaddedTap] = []
        padded.reserveCapacity(count)
        for pixel in 0..<count {
            let range: Range<Int> = taps(for: pixel)
            guard range.count <= 3 else { return nil }
            // Missing taps read the first tap's column (or column 0) with weight 0.
            var offsets: [Int32] = range.map { Int32(sourceIndex($0) * 16) }
            var weights: [UInt32] = range.map { UInt32(weight($0)) }
            while offsets.count < 3 {
                offsets.append(offsets.first ?? 0)
                weights.append(0)
            }
            padded.append(PaddedTap(offset0: offsets[0], offset1: offsets[1], offset2: offsets[2],
                                    weight0: weights[0], weight1: weights[1], weight2: weights[2]))
        }
        return padded
    }
}
