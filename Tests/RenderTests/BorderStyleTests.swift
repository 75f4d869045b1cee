import Testing
@testable import Render

/// Border line styles, per-side colors and elliptical radii: parsing, spacing and drawing.
struct BorderStyleTests {
    typealias S = RasterTestSupport

    private func style(_ css: String) throws -> ComputedStyle {
        let document = try TreeBuilder.parse("<div id=a style=\"\(css)\"></div>")
        var resolver = StyleResolver(document: document, viewportWidth: 1000, viewportHeight: 500)
        let styles = resolver.resolve()
        let index = try #require(document.nodes.indices.first { document.nodes[$0].id == "a" })
        return try #require(styles[index])
    }

    @Test func lineStylesAreKeptPerSide() throws {
        let shorthand = try style("border: 4px dashed red")
        #expect(shorthand.paint.borderStyles == [.dashed, .dashed, .dashed, .dashed])
        #expect(shorthand.usedBorderWidths == EdgeWidths(top: 4, right: 4, bottom: 4, left: 4))
        let sides = try style("border-width: 2px; border-style: solid dotted double none")
        #expect(sides.paint.borderStyles == [.solid, .dotted, .double, .solid])
        #expect(sides.usedBorderWidths == EdgeWidths(top: 2, right: 2, bottom: 2, left: 0))
        let one = try style("border: 1px solid; border-left-style: double")
        #expect(one.paint.borderStyles == [.solid, .solid, .solid, .double])
    }

    @Test func ellipticalRadiiParse() throws {
        let slash = try style("border-radius: 10px 20px / 5px")
        #expect(slash.borderRadius == [.px(10), .px(20), .px(10), .px(20)])
        #expect(slash.paint.borderRadiusVertical == [.px(5), .px(5), .px(5), .px(5)])
        let corner = try style("border-top-left-radius: 30px 10%")
        #expect(corner.borderRadius[0] == .px(30))
        #expect(corner.paint.borderRadiusVertical[0] == .percent(10))
        #expect(corner.paint.borderRadiusVertical[1] == nil)
        let circular = try style("border-radius: 8px")
        #expect(circular.paint.borderRadiusVertical == [nil, nil, nil, nil])
    }

    @Test func dashesStartAndEndTheSide() throws {
        // 6 px: dashes 12 px, nominal gap 6 px, fitted so the last dash ends at 188.
        let pattern = try #require(BorderDashes(length: 188, thickness: 6, dotted: false))
        #expect(pattern.dash == 12)
        let count = ((188 + pattern.gap) / (pattern.dash + pattern.gap)).rounded()
        #expect(abs(count * pattern.dash + (count - 1) * pattern.gap - 188) < 1e-9)
        #expect(pattern.coverage(from: 0, to: 1) == 1)
        #expect(pattern.coverage(from: 187, to: 188) == 1)
        #expect(pattern.coverage(from: 12.5, to: 13.5) == 0)
        // Thin lines: 3× dashes and 2× gaps; too short for two dashes means solid.
        #expect(try #require(BorderDashes(length: 100, thickness: 2, dotted: false)).dash == 6)
        #expect(BorderDashes(length: 10, thickness: 6, dotted: false) == nil)
        // Thick dots are round, one at each end.
        let dots = try #require(BorderDashes(length: 200, thickness: 8, dotted: true))
        #expect(dots.round)
        #expect(dots.nearestDotCentre(to: 0) == 4)
        #expect(abs(dots.nearestDotCentre(to: 199) - 196) < 1e-9)
    }

    /// Thin dots keep a period of twice the width; whole squares at the ends absorb the remainder
    /// of the length, as Chromium draws them (checked against its output for widths 1–3 and
    /// lengths 100–105).
    @Test(arguments: [
        (1.0, 100.0, "##.#.#"),   // even: a two-pixel square, dots from 3
        (1.0, 101.0, "#.#.#."),   // odd: plain dots from 0
        (2.0, 100.0, "##.##.."),  // length 0 mod 4: square, dots from 3, square at the end
        (2.0, 102.0, "##..##.."), // 2 mod 4: plain dots
        (2.0, 103.0, "##...##.."), // 3 mod 4: square, dots from 5
        (3.0, 102.0, "####...###..."), // 0 mod 6: a four-pixel square, dots from 7
        (3.0, 103.0, "###..###..."), // 1 mod 6: square, dots from 5
    ])
    func thinDotsFollowChromiumsEndSquares(width: Double, length: Double, start: String) throws {
        let pattern = try #require(BorderDashes(length: length, thickness: width, dotted: true))
        let drawn = (0..<start.count).map { pattern.coverage(from: Double($0), to: Double($0) + 1) == 1 ? "#" : "." }.joined()
        #expect(drawn == start)
        // The far end always ends in a whole dot or square.
        #expect(pattern.coverage(from: length - 1, to: length) == 1)
    }

    @Test func sidesOfOneColorAndStyleShareTheirCornerUncut() {
        let canvas = Canvas(width: 40, height: 40)
        let dotted = BorderSide(color: S.red, style: .dotted)
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 40, height: 40), radii: .zero,
                            widths: EdgeWidths(top: 2, right: 2, bottom: 2, left: 2),
                            sides: [dotted, dotted, dotted, BorderSide(color: S.blue, style: .dotted)])
        // Top and right are both red dotted: their shared corner is whole, not split on the diagonal.
        #expect(S.rgba(canvas, 39, 0) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 38, 1) == [255, 0, 0, 255])
        #expect(Canvas.needsMiter(dotted, next: BorderSide(color: S.blue, style: .dotted), nextWidth: 2))
        #expect(!Canvas.needsMiter(dotted, next: dotted, nextWidth: 2))
        #expect(Canvas.needsMiter(BorderSide(color: Color(red: 1, green: 0, blue: 0, alpha: 0.5), style: .dotted),
                                  next: BorderSide(color: Color(red: 1, green: 0, blue: 0, alpha: 0.5), style: .dotted), nextWidth: 2))
    }

    @Test func sidesKeepTheirOwnColorsUpToTheMiters() {
        let canvas = Canvas(width: 40, height: 40)
        let sides = [S.red, S.blue, .black, .white].map { BorderSide(color: $0, style: .solid) }
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 40, height: 40), radii: .zero,
                            widths: EdgeWidths(top: 8, right: 8, bottom: 8, left: 8), sides: sides)
        #expect(S.rgba(canvas, 20, 2) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 37, 20) == [0, 0, 255, 255])
        #expect(S.rgba(canvas, 20, 37) == [0, 0, 0, 255])
        #expect(S.rgba(canvas, 2, 20) == [255, 255, 255, 255])
        // Either side of the top-left miter (the diagonal): top above it, left below it.
        #expect(S.rgba(canvas, 5, 1) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 1, 5) == [255, 255, 255, 255])
        #expect(S.rgba(canvas, 20, 20)[3] == 0)
    }

    @Test func dashedAndDoubleSidesLeaveGaps() {
        let canvas = Canvas(width: 100, height: 60)
        let sides = [BorderSide(color: S.red, style: .dashed), BorderSide(color: S.red, style: .double),
                     BorderSide(color: S.red, style: .dotted), BorderSide(color: S.red, style: .solid)]
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 100, height: 60), radii: .zero,
                            widths: EdgeWidths(top: 6, right: 9, bottom: 6, left: 6), sides: sides)
        // Top: a dash at the start, a gap after its 12 px.
        #expect(S.rgba(canvas, 8, 3)[3] == 255)
        #expect(S.rgba(canvas, 13, 3)[3] == 0)
        // Right (double, 9 px): stripes of 3 px with a 3 px gap between them.
        #expect(S.rgba(canvas, 98, 30)[3] == 255)
        #expect(S.rgba(canvas, 95, 30)[3] == 0)
        #expect(S.rgba(canvas, 92, 30)[3] == 255)
    }

    @Test func ellipticalCornersFollowBothRadii() {
        let canvas = Canvas(width: 100, height: 40)
        let radii = CornerRadii(horizontal: (50, 50, 50, 50), vertical: (20, 20, 20, 20))
        canvas.fill(Rect(x: 0, y: 0, width: 100, height: 40), radii: radii, paint: .solid(S.red))
        // An ellipse filling the box: its ends are at the middle of each side.
        #expect(S.rgba(canvas, 50, 0)[3] > 200)
        #expect(S.rgba(canvas, 0, 20)[3] > 100)
        #expect(S.rgba(canvas, 8, 4)[3] == 0)
        #expect(S.rgba(canvas, 25, 4)[3] > 0)
        // Circular radii still come from the old initializers.
        #expect(CornerRadii(all: 5) == CornerRadii(horizontal: (5, 5, 5, 5), vertical: (5, 5, 5, 5)))
        #expect(CornerRadii(horizontal: (5, 5, 5, 5), vertical: (0, 0, 0, 0)).isZero)
    }
}
