import Foundation

/// A color as specified: a concrete color, or `currentColor` (resolved against `color` later).
enum ColorValue: Sendable, Equatable {
    case color(Color)
    case currentColor
}

/// Parses CSS colors: hex (3, 4, 6, 8 digits), `rgb()`/`rgba()`, `hsl()`/`hsla()` in comma and space
/// syntax, named colors, `transparent` and `currentColor` (CSS Color 4); `oklch()`, `oklab()` and
/// `color-mix()` are in `ColorParser+Modern.swift`.
enum ColorParser {
    static func parse(_ components: [CSSComponent]) -> ColorValue? {
        let items = components.trimmingWhitespace()
        guard items.count == 1 else { return nil }
        return parse(items[0])
    }

    static func parse(_ component: CSSComponent) -> ColorValue? {
        switch component {
        case .ident(let name):
            let lower = name.lowercased()
            if lower == "currentcolor" { return .currentColor }
            if lower == "transparent" { return .color(.transparent) }
            return NamedColors.table[lower].map { .color(rgb($0)) }
        case .hash(let digits):
            return hex(digits).map { .color($0) }
        case .function(let name, let arguments):
            switch name {
            case "rgb", "rgba": return rgbFunction(arguments).map { .color($0) }
            case "hsl", "hsla": return hslFunction(arguments).map { .color($0) }
            case "oklch", "oklab": return okFunction(name, arguments).map { .color($0) }
            case "color-mix": return colorMix(arguments).map { .color($0) }
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func rgb(_ value: UInt32, alpha: Double = 1) -> Color {
        Color(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
              blue: Double(value & 0xFF) / 255, alpha: alpha)
    }

    private static func hex(_ digits: String) -> Color? {
        guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        func expand(_ nibble: UInt32) -> UInt32 { nibble * 17 }
        switch digits.count {
        case 3:
            return rgb(expand(value >> 8 & 0xF) << 16 | expand(value >> 4 & 0xF) << 8 | expand(value & 0xF))
        case 4:
            return rgb(expand(value >> 12 & 0xF) << 16 | expand(value >> 8 & 0xF) << 8 | expand(value >> 4 & 0xF),
                       alpha: Double(expand(value & 0xF)) / 255)
        case 6:
            return rgb(value)
        case 8:
            return rgb(value >> 8, alpha: Double(value & 0xFF) / 255)
        default:
            return nil
        }
    }

    /// The channel values of a color function: three channels and an optional alpha, with commas
    /// (legacy syntax) or spaces and a slash (modern syntax).
    static func channels(_ arguments: [CSSComponent]) -> (values: [CSSComponent], alpha: CSSComponent?)? {
        let items = arguments.withoutWhitespace
        if items.contains(.comma) {
            let groups = arguments.splitByCommas()
            guard groups.count == 3 || groups.count == 4, groups.allSatisfy({ $0.count == 1 }) else { return nil }
            return (groups.prefix(3).map { $0[0] }, groups.count == 4 ? groups[3][0] : nil)
        }
        if let slash = items.firstIndex(of: .slash) {
            guard slash == 3, items.count == 5 else { return nil }
            return (Array(items[0..<3]), items[4])
        }
        guard items.count == 3 else { return nil }
        return (items, nil)
    }

    static func alphaValue(_ component: CSSComponent?) -> Double? {
        switch component {
        case nil: return 1
        case .number(let value)?: return min(max(value, 0), 1)
        case .percentage(let value)?: return min(max(value / 100, 0), 1)
        default: return nil
        }
    }

    private static func rgbFunction(_ arguments: [CSSComponent]) -> Color? {
        guard let (values, alphaComponent) = channels(arguments), let alpha = alphaValue(alphaComponent) else { return nil }
        var result: [Double] = []
        for value in values {
            switch value {
            case .number(let number): result.append(min(max(number / 255, 0), 1))
            case .percentage(let percent): result.append(min(max(percent / 100, 0), 1))
            default: return nil
            }
        }
        return Color(red: result[0], green: result[1], blue: result[2], alpha: alpha)
    }

    private static func hslFunction(_ arguments: [CSSComponent]) -> Color? {
        guard let (values, alphaComponent) = channels(arguments), let alpha = alphaValue(alphaComponent) else { return nil }
        let hue: Double
        switch values[0] {
        case .number(let degrees): hue = degrees
        case .dimension(let value, let unit):
            switch unit {
            case "deg": hue = value
            case "turn": hue = value * 360
            case "rad": hue = value * 180 / .pi
            case "grad": hue = value * 0.9
            default: return nil
            }
        default: return nil
        }
        func fraction(_ component: CSSComponent) -> Double? {
            switch component {
            case .percentage(let value), .number(let value): return min(max(value / 100, 0), 1)
            default: return nil
            }
        }
        guard let saturation = fraction(values[1]), let lightness = fraction(values[2]) else { return nil }
        // CSS Color 4 §7.1 hslToRgb.
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        func channel(_ n: Double) -> Double {
            let k = (n + h / 30).truncatingRemainder(dividingBy: 12)
            let a = saturation * min(lightness, 1 - lightness)
            return lightness - a * max(-1, min(k - 3, 9 - k, 1))
        }
        return Color(red: channel(0), green: channel(8), blue: channel(4), alpha: alpha)
    }
}
