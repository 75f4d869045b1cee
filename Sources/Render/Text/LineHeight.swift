/// CSS `line-height`.
enum LineHeight: Sendable, Equatable {
    /// From the primary font's metrics, as Chromium computes `normal`.
    case normal
    /// A multiple of the font size (`line-height: 1.2`).
    case multiple(Double)
    /// An absolute length in px.
    case length(Double)

    /// The used line height in px for a font of `size` with `metrics`.
    func resolved(size: Double, metrics: FontMetrics) -> Double {
        switch self {
        case .normal: return metrics.ascent + metrics.descent + metrics.lineGap
        case .multiple(let factor): return max(0, factor * size)
        case .length(let length): return max(0, length)
        }
    }
}
