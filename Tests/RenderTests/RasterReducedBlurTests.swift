import Foundation
import Testing
@testable import Render

/// Wide blurs run on a block-averaged grid; these check that the shortcut stays close to the
/// full-resolution result it replaces.
struct RasterReducedBlurTests {
    private typealias S = RasterTestSupport

    @Test(arguments: [6.0, 9.0, 14.0, 25.0, 40.0])
    func reducedSigmaAddsUpToTheRequestedVariance(sigma: Double) {
        let factor = AlphaMask.reduction(sigma: sigma)
        #expect(factor > 1 && factor <= 8)
        let f = Double(factor)
        let reduced = AlphaMask.reducedSigma(sigma, factor: factor)
        #expect(reduced >= 2.5, "the reduced grid still blurs over a few cells")
        let total = (reduced * f) * (reduced * f) + (3 * f * f - 1) / 12
        #expect(abs(total - sigma * sigma) < 1e-6)
    }

    @Test(arguments: [1.5, 2.96, 3.3, 4.9])
    func extendedBoxesHaveExactlyTheRequestedVariance(sigma: Double) {
        var mask = AlphaMask(originX: 0, originY: 0, width: 81, height: 81)
        mask.values[40 * 81 + 40] = 1
        mask.blurOnReducedGrid(sigma: sigma)
        var mass: Double = 0, spreadX: Double = 0, spreadY: Double = 0
        for y in 0..<81 {
            for x in 0..<81 {
                let v = Double(mask.values[y * 81 + x])
                mass += v
                spreadX += v * Double((x - 40) * (x - 40))
                spreadY += v * Double((y - 40) * (y - 40))
            }
        }
        #expect(abs(mass - 1) < 1e-4)
        #expect(abs(spreadX / mass - sigma * sigma) < 1e-3 * sigma * sigma)
        #expect(abs(spreadY / mass - sigma * sigma) < 1e-3 * sigma * sigma)
    }

    @Test func narrowBlursStayAtFullResolution() {
        #expect(AlphaMask.reduction(sigma: 2) == 1)
        #expect(AlphaMask.reduction(sigma: 5.9) == 1)
        #expect(AlphaMask.reduction(sigma: .infinity) == 1)
    }

    /// `mask` convolved with a sampled Gaussian (zeros beyond the edges): the reference both
    /// three-box approximations aim at.
    private func exactGaussian(_ mask: AlphaMask, sigma: Double) -> [Float] {
        let radius = Int(sigma * 4)
        var kernel = (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        let (w, h) = (mask.width, mask.height)
        var across = [Float](repeating: 0, count: w * h), result = across
        for y in 0..<h {
            for x in 0..<w {
                var sum: Float = 0
                for k in max(-radius, -x)...min(radius, w - 1 - x) { sum += kernel[k + radius] * mask.values[y * w + x + k] }
                across[y * w + x] = sum
            }
        }
        for y in 0..<h {
            for x in 0..<w {
                var sum: Float = 0
                for k in max(-radius, -y)...min(radius, h - 1 - y) { sum += kernel[k + radius] * across[(y + k) * w + x] }
                result[y * w + x] = sum
            }
        }
        return result
    }

    @Test(arguments: [8.0, 15.0, 24.0])
    func reducedBlurIsAsCloseToAGaussianAsTheFullResolutionBlur(sigma: Double) {
        let size = 60 + Int(sigma * 8)
        var reduced = AlphaMask(originX: 0, originY: 0, width: size, height: size)
        let inset = Double(size) / 2 - 30
        reduced.fill(with: RoundedBox(Rect(x: inset + 0.3, y: inset + 0.6, width: 60, height: 45), radii: CornerRadii(all: 12)))
        let exact = exactGaussian(reduced, sigma: sigma)
        var full = reduced
        reduced.blur(sigma: sigma)
        full.blurAtFullResolution(sigma: sigma)
        let reducedError = zip(reduced.values, exact).map { abs($0 - $1) }.max() ?? 1
        let fullError = zip(full.values, exact).map { abs($0 - $1) }.max() ?? 1
        // Neither is exactly a Gaussian (box passes; cells and interpolation), 0.01 is 2.5 levels.
        #expect(reducedError < 0.025, "largest difference from the Gaussian \(reducedError)")
        #expect(reducedError <= fullError + 0.01, "reduced \(reducedError), full resolution \(fullError)")
        let mass = reduced.values.reduce(0, +), exactMass = exact.reduce(0, +)
        #expect(abs(mass - exactMass) < 0.01 * exactMass)
    }

    @Test func boxShadowOnTheReducedGridMatchesAFullResolutionMask() {
        let (width, height) = (220, 180)
        let shadow = BoxShadowPaint(offsetX: 6, offsetY: 8, blur: 50, spread: 3, color: S.blue, inset: false)
        let box = Rect(x: 60.5, y: 50, width: 100, height: 70)
        let radii = CornerRadii(all: 10)
        let canvas = Canvas(width: width, height: height)
        canvas.drawBoxShadow(shadow, border: box, radii: radii, padding: box, paddingRadii: radii)

        // The same shadow the straightforward way: a mask over the whole canvas at full resolution.
        let reference = Canvas(width: width, height: height)
        var mask = AlphaMask(originX: 0, originY: 0, width: width, height: height)
        let shape = Rect(x: box.x + 6 - 3, y: box.y + 8 - 3, width: box.width + 6, height: box.height + 6)
        mask.fill(with: RoundedBox(shape, radii: radii.mapped { BoxShadowPaint.spreadRadius($0, by: 3) }))
        mask.blurAtFullResolution(sigma: 25)
        mask.multiply(by: RoundedBox(box, radii: radii), inside: false)
        reference.draw(mask, color: S.blue)

        var worst = 0
        for y in 0..<height {
            for x in 0..<width {
                worst = max(worst, abs(Int(canvas.pixel(x: x, y: y).alpha) - Int(reference.pixel(x: x, y: y).alpha)))
            }
        }
        // The cut along the box edge uses the fill rasterizer here, sub-rows in the reference.
        #expect(worst <= 6, "largest alpha difference \(worst)")
        #expect(canvas.pixel(x: 110, y: 85).alpha == 0, "nothing under the box")
        #expect(canvas.pixel(x: 110, y: 130).alpha > 60, "shadow below the box")
    }

    @Test func layerBlurKeepsColorsAtOrBelowAlphaAndMatchesTheAlphaBlur() {
        let canvas = Canvas(width: 120, height: 120)
        canvas.pushLayer()
        canvas.fill(Rect(x: 40, y: 40, width: 40, height: 40), paint: .solid(Color(red: 1, green: 0.5, blue: 0, alpha: 0.8)))
        canvas.popLayer(LayerEffects(blur: 12.5))
        #expect(AlphaMask.reduction(sigma: 12.5) > 1)

        var mask = AlphaMask(originX: 0, originY: 0, width: 120, height: 120)
        mask.fill(with: RoundedBox(Rect(x: 40, y: 40, width: 40, height: 40), radii: .zero))
        mask.blurAtFullResolution(sigma: 12.5)
        var worst = 0
        for y in 0..<120 {
            for x in 0..<120 {
                let p = canvas.pixel(x: x, y: y)
                #expect(p.red <= p.alpha && p.green <= p.alpha && p.blue <= p.alpha)
                let expected = Int((mask.values[y * 120 + x] * 204).rounded())
                worst = max(worst, abs(Int(p.alpha) - expected))
            }
        }
        #expect(worst <= 4, "largest alpha difference \(worst)")
        #expect(canvas.pixel(x: 60, y: 60).alpha > 150)
    }
}
