extension Int {
    /// `value` rounded toward negative infinity, clamped to ±2^40 (far beyond any canvas), with
    /// NaN as 0, so geometry from user CSS can never trap an integer conversion.
    init(saturatingFloor value: Double) {
        let limit: Double = 1_099_511_627_776
        self = value.isNaN ? 0 : Int(Swift.min(limit, Swift.max(-limit, value.rounded(.down))))
    }

    /// `value` rounded toward positive infinity, clamped like `init(saturatingFloor:)`.
    init(saturatingCeiling value: Double) {
        let limit: Double = 1_099_511_627_776
        self = value.isNaN ? 0 : Int(Swift.min(limit, Swift.max(-limit, value.rounded(.up))))
    }
}
