import Testing
@testable import Render

/// Round-two paint shortcuts against the general per-pixel code they replace: a canvas with
/// `takesShortcuts` off draws the same scene, and every byte must match.
struct PaintShortcutTests {
    /// Draws `scene` twice, with and without shortcuts, over a varied background.
    private func bothWays(width: Int = 160, height: Int = 120, _ scene: (Canvas) -> Void) -> (fast: [UInt8], plain: [UInt8]) {
        func draw(shortcuts: Bool) -> [UInt8] {
            let canvas = Canvas(width: width, height: height)
            canvas.takesShortcuts = shortcuts
            canvas.fill(Rect(x: 0, y: 0, width: Double(width), height: Double(height) / 2),
                        paint: .solid(Color(red: 0.9, green: 0.8, blue: 0.2, alpha: 0.6)))
            scene(canvas)
            return canvas.pixels
        }
        return (draw(shortcuts: true), draw(shortcuts: false))
    }

    static let shadows: [BoxShadowPaint] = [
        BoxShadowPaint(offsetX: 0, offsetY: 8, blur: 20, spread: 0, color: Color(red: 0, green: 0, blue: 0.3, alpha: 0.5), inset: false),
        BoxShadowPaint(offsetX: -5.5, offsetY: 3.25, blur: 3, spread: 4, color: Color(red: 1, green: 0, blue: 0, alpha: 1), inset: false),
        BoxShadowPaint(offsetX: 2, offsetY: 2, blur: 0, spread: -3, color: Color(red: 0, green: 0.5, blue: 0, alpha: 0.8), inset: false),
        BoxShadowPaint(offsetX: 6, offsetY: -4, blur: 16, spread: 2, color: Color(red: 0.2, green: 0.1, blue: 0.9, alpha: 0.7), inset: true),
        BoxShadowPaint(offsetX: 0, offsetY: 0, blur: 2.5, spread: 10, color: Color(red: 0, green: 0, blue: 0, alpha: 1), inset: true),
    ]

    @Test(arguments: shadows)
    func shadowRunsMatchThePerPixelRules(shadow: BoxShadowPaint) {
        let border = Rect(x: 30.5, y: 25.25, width: 90, height: 60.5)
        let padding = Rect(x: 34.5, y: 29.25, width: 82, height: 52.5)
        for clip in [nil, Rect(x: 10.5, y: 12.75, width: 130.25, height: 90), Rect(x: 0, y: 0, width: 100, height: 200)] {
            for radii in [CornerRadii.zero, CornerRadii(all: 14), CornerRadii(all: 3.5)] {
                let result = bothWays { canvas in
                    if let clip { canvas.pushClip(clip, radii: radii) }
                    canvas.drawBoxShadow(shadow, border: border, radii: radii, padding: padding, paddingRadii: radii.mapped { Swift.max(0, $0 - 4) })
                    if clip != nil { canvas.popClip() }
                }
                #expect(result.fast == result.plain, "clip \(String(describing: clip)), radii \(radii)")
                #expect(result.fast.contains { $0 != 0 })
            }
        }
    }
}
