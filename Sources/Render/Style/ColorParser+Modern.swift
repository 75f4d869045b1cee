import Foundation

/// `oklab()`, `oklch()` and `color-mix()` (CSS Color 4 §9, CSS Color 5 §2). Colors outside sRGB are
/// clipped per channel, as Chromium does when it draws to an sRGB surface.
extension ColorParser {
    /// A color in OKLab with alpha, the space colors are mixed in by default.
    struct OKLab {
        var l: Double, a: Double, b: Double, alpha: Double
    }

    static func okFunction(_ name: String, _ arguments: [CSSComponent]) -> Color? {
        guard let (values, alphaComponent) = channels(arguments), let alpha = alphaValue(alphaComponent) else { return nil }
        func number(_ component: CSSComponent, percentScale: Double) -> Double? {
            switch component {
            case .number(let value): return value
            case .percentage(let value): return value / 100 * percentScale
            case .ident(let word) where word.lowercased() == "none": return 0
            case .dimension(let value, let unit) where unit == "deg": return value
            default: return nil
            }
        }
        guard let lightness = number(values[0], percentScale: 1) else { return nil }
        let l = min(max(lightness, 0), 1)
        if name == "oklab" {
            guard let a = number(values[1], percentScale: 0.4), let b = number(values[2], percentScale: 0.4) else { return nil }
            return color(from: OKLab(l: l, a: a, b: b, alpha: alpha))
        }
        guard let chroma = number(values[1], percentScale: 0.4), let hue = number(values[2], percentScale: 1) else { return nil }
        let radians = hue * .pi / 180
        let c = max(chroma, 0)
        return color(from: OKLab(l: l, a: c * cos(radians), b: c * sin(radians), alpha: alpha))
    }

    /// `color-mix(in <space>, <color> [<percentage>]?, <color> [<percentage>]?)`, mixing with
    /// premultiplied alpha; sRGB, linear sRGB, OKLab and OKLCh spaces (others mix in OKLab).
    static func colorMix(_ arguments: [CSSComponent]) -> Color? {
        let groups = arguments.splitByCommas().map { $0.withoutWhitespace }
        guard groups.count == 3, groups[0].first == .ident("in"), groups[0].count >= 2,
              case .ident(let spaceName) = groups[0][1] else { return nil }
        var colors: [Color] = []
        var percents: [Double?] = []
        for group in groups[1...] {
            var percent: Double?
            var colorPart: [CSSComponent] = []
            for item in group {
                if case .percentage(let value) = item { percent = value } else { colorPart.append(item) }
            }
            guard colorPart.count == 1, case .color(let color)? = parse(colorPart[0]) else { return nil }
            colors.append(color)
            percents.append(percent)
        }
        var p1 = percents[0], p2 = percents[1]
        switch (p1, p2) {
        case (nil, nil): p1 = 50; p2 = 50
        case (let a?, nil): p2 = 100 - a
        case (nil, let b?): p1 = 100 - b
        default: break
        }
        guard let first = p1, let second = p2, first >= 0, second >= 0, first + second > 0 else { return nil }
        let total = first + second
        // Percentages under 100% in total scale the result's alpha (CSS Color 5 §2.1).
        let alphaScale = min(total, 100) / 100
        let weight = second / total
        let space = spaceName.lowercased()
        var mixed: Color
        switch space {
        case "srgb", "srgb-linear":
            let linear = space == "srgb-linear"
            func channels(_ color: Color) -> [Double] {
                let values = [color.red, color.green, color.blue]
                return linear ? values.map(toLinear) : values
            }
            let mixedValues = mixPremultiplied(channels(colors[0]), colors[0].alpha, channels(colors[1]), colors[1].alpha, weight: weight)
            let rgb = linear ? mixedValues.values.map(fromLinear) : mixedValues.values
            mixed = Color(red: clamp(rgb[0]), green: clamp(rgb[1]), blue: clamp(rgb[2]), alpha: mixedValues.alpha)
        default:
            let a = okLab(from: colors[0]), b = okLab(from: colors[1])
            if space == "oklch" {
                // Hue interpolation takes the shorter arc; a transparent or achromatic side keeps the other's hue.
                let (ca, ha) = (hypot(a.a, a.b), atan2(a.b, a.a)), (cb, hb) = (hypot(b.a, b.b), atan2(b.b, b.a))
                var delta = hb - ha
                if delta > .pi { delta -= 2 * .pi } else if delta < -.pi { delta += 2 * .pi }
                let hue = ca < 1e-6 ? hb : cb < 1e-6 ? ha : ha + delta * weight
                let mix = mixPremultiplied([a.l, ca], a.alpha, [b.l, cb], b.alpha, weight: weight)
                mixed = color(from: OKLab(l: mix.values[0], a: mix.values[1] * cos(hue), b: mix.values[1] * sin(hue), alpha: mix.alpha))
            } else {
                let mix = mixPremultiplied([a.l, a.a, a.b], a.alpha, [b.l, b.a, b.b], b.alpha, weight: weight)
                mixed = color(from: OKLab(l: mix.values[0], a: mix.values[1], b: mix.values[2], alpha: mix.alpha))
            }
        }
        mixed.alpha *= alphaScale
        return mixed
    }

    private static func mixPremultiplied(_ a: [Double], _ alphaA: Double, _ b: [Double], _ alphaB: Double, weight: Double) -> (values: [Double], alpha: Double) {
        let alpha = alphaA * (1 - weight) + alphaB * weight
        guard alpha > 0 else { return (zip(a, b).map { $0 * (1 - weight) + $1 * weight }, 0) }
        let values = zip(a, b).map { ($0 * alphaA * (1 - weight) + $1 * alphaB * weight) / alpha }
        return (values, alpha)
    }

    static func color(from lab: OKLab) -> Color {
        // OKLab → LMS (cubed) → linear sRGB, matrices from CSS Color 4 §18.
        let l_ = lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b
        let m_ = lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b
        let s_ = lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b
        let l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_
        let r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s
        let g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s
        let b = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
        return Color(red: clamp(fromLinear(r)), green: clamp(fromLinear(g)), blue: clamp(fromLinear(b)), alpha: lab.alpha)
    }

    static func okLab(from color: Color) -> OKLab {
        let r = toLinear(color.red), g = toLinear(color.green), b = toLinear(color.blue)
        let l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return OKLab(l: 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                     a: 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                     b: 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s, alpha: color.alpha)
    }

    private static func toLinear(_ value: Double) -> Double {
        let magnitude = abs(value)
        let linear = magnitude <= 0.04045 ? magnitude / 12.92 : pow((magnitude + 0.055) / 1.055, 2.4)
        return value < 0 ? -linear : linear
    }

    private static func fromLinear(_ value: Double) -> Double {
        let magnitude = abs(value)
        let encoded = magnitude <= 0.0031308 ? magnitude * 12.92 : 1.055 * pow(magnitude, 1 / 2.4) - 0.055
        return value < 0 ? -encoded : encoded
    }

    private static func clamp(_ value: Double) -> Double { min(max(value, 0), 1) }
}
