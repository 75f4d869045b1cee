/// A color with straight (not premultiplied) alpha, components in 0...1.
struct Color: Sendable, Equatable, Hashable {
    var red: Double
    var green: Double
    var blue: Double
    var alpha: Double

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    static let black = Color(red: 0, green: 0, blue: 0)
    static let white = Color(red: 1, green: 1, blue: 1)
    static let transparent = Color(red: 0, green: 0, blue: 0, alpha: 0)

    /// The color as one premultiplied RGBA8 pixel word (R in the lowest byte, as the canvas stores it).
    var premultipliedPixel: UInt32 {
        let a: Double = Color.unit(alpha)
        let r: UInt32 = Color.byte(Color.unit(red) * a)
        let g: UInt32 = Color.byte(Color.unit(green) * a)
        let b: UInt32 = Color.byte(Color.unit(blue) * a)
        let alphaByte: UInt32 = Color.byte(a)
        return r | (g << 8) | (b << 16) | (alphaByte << 24)
    }

    /// The same color with its alpha multiplied by `opacity`.
    func faded(by opacity: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha * opacity)
    }

    /// Clamps to 0...1; NaN becomes 0 so bad input never reaches integer conversion.
    static func unit(_ value: Double) -> Double {
        value.isNaN ? 0 : Swift.min(1, Swift.max(0, value))
    }

    /// Rounds a 0...1 value to 0...255.
    static func byte(_ value: Double) -> UInt32 {
        // `.rounded()` (half away from zero), without the libm call the baseline x86-64 target
        // makes for it: the scaled value is in 0...255, so the truncation's remainder is exact
        // (Sterbenz) and comparing it with one half rounds exactly as `.rounded()` does.
        let scaled: Double = unit(value) * 255
        let whole = UInt32(scaled)
        return scaled - Double(whole) >= 0.5 ? whole + 1 : whole
    }
}
