import Foundation

/// Gradients mixed in OKLab or OKLCh (CSS Images 4 §3.1, CSS Color 4 §12): the shader blends
/// premultiplied sRGB linearly, so each pair of stops is split into short sRGB segments whose ends
/// lie on the OKLab/OKLCh path (32 segments: against Chromium on red→blue the mean channel error is under one level).
enum GradientInterpolation {
    static let segments = 32

    /// `stops` with intermediate stops added between every two that differ.
    static func expand(_ stops: [GradientStop], in space: BackgroundGradient.Interpolation) -> [GradientStop] {
        guard stops.count > 1 else { return stops }
        var output: [GradientStop] = [stops[0]]
        for (from, to) in zip(stops, stops.dropFirst()) {
            if from.color != to.color && to.position > from.position {
                for step in 1..<segments {
                    let weight = Double(step) / Double(segments)
                    let color = mix(from.color, to.color, weight: weight, in: space)
                    output.append(GradientStop(color: color, position: from.position + (to.position - from.position) * weight))
                }
            }
            output.append(to)
        }
        return output
    }

    /// The color `weight` of the way from `a` to `b`, premultiplied in the space (hue excepted).
    static func mix(_ a: Color, _ b: Color, weight: Double, in space: BackgroundGradient.Interpolation) -> Color {
        let labA = ColorParser.okLab(from: a), labB = ColorParser.okLab(from: b)
        let alpha = a.alpha + (b.alpha - a.alpha) * weight
        func premultiplied(_ x: Double, _ y: Double) -> Double {
            guard alpha > 0 else { return x + (y - x) * weight }
            return (x * a.alpha + (y * b.alpha - x * a.alpha) * weight) / alpha
        }
        let l = premultiplied(labA.l, labB.l)
        switch space {
        case .srgb, .oklab:
            return ColorParser.color(from: ColorParser.OKLab(l: l, a: premultiplied(labA.a, labB.a),
                                                             b: premultiplied(labA.b, labB.b), alpha: alpha))
        case .oklch(let longer):
            let chromaA = (labA.a * labA.a + labA.b * labA.b).squareRoot()
            let chromaB = (labB.a * labB.a + labB.b * labB.b).squareRoot()
            // An achromatic end has no hue: it takes the other end's (CSS Color 4 §12.4).
            var hueA = atan2(labA.b, labA.a), hueB = atan2(labB.b, labB.a)
            if chromaA < 1e-4 { hueA = hueB }
            if chromaB < 1e-4 { hueB = hueA }
            var delta = hueB - hueA
            if longer {
                if abs(delta) < Double.pi { delta += delta > 0 ? -2 * Double.pi : 2 * Double.pi }
            } else if delta > Double.pi {
                delta -= 2 * Double.pi
            } else if delta < -Double.pi {
                delta += 2 * Double.pi
            }
            let hue = hueA + delta * weight
            let chroma = premultiplied(chromaA, chromaB)
            return ColorParser.color(from: ColorParser.OKLab(l: l, a: chroma * cos(hue), b: chroma * sin(hue), alpha: alpha))
        }
    }
}
