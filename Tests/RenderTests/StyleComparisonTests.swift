import Testing
@testable import Render

/// `min()`, `max()` and `clamp()` mixing px and percentages, resolved against the layout basis.
struct StyleComparisonTests {
    private let context = LengthContext(fontSize: 20, rootFontSize: 16, viewportWidth: 1000, viewportHeight: 500)
    private func length(_ text: String) -> Length? { ValueParser.length(CSSComponent.parse(text), context: context) }

    @Test func pxOnlyComparisonsComputeNow() {
        #expect(length("min(10px, 2em, 30px)") == .px(10))
        #expect(length("max(10px, 2em)") == .px(40))
        #expect(length("clamp(100px, 5vw, 200px)") == .px(100))
    }

    @Test func mixedComparisonsResolveWithTheBasis() throws {
        let min = try #require(length("min(600px, 50%)"))
        #expect(min.hasPercent)
        #expect(min.resolve(1000) == 500)
        #expect(min.resolve(2000) == 600)
        #expect(min.resolve(nil) == nil)
        #expect(try #require(length("max(300px, 20%)")).resolve(1000) == 300)
        let clamp = try #require(length("clamp(100px, calc(50% - 10px), 400px)"))
        #expect(clamp.resolve(100) == 100)
        #expect(clamp.resolve(500) == 240)
        #expect(clamp.resolve(2000) == 400)
        #expect(try #require(length("max(10%, min(50px, 20%))")).resolve(100) == 20)
    }

    @Test func invalidComparisonsAreRejected() {
        #expect(length("clamp(10px, 50%)") == nil)
        #expect(length("min()") == nil)
        #expect(length("max(10px, auto)") == nil)
    }

    @Test func widthUsesTheContainingBlock() throws {
        let scene = try LaidOut("<body style='margin:0'><div id=a style='width: min(600px, 50%)'></div><div id=b style='width: max(300px, 20%)'></div></body>", width: 800)
        #expect(scene.frame("a")?.width == 400)
        #expect(scene.frame("b")?.width == 300)
    }
}
