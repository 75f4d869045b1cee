import Testing
@testable import Render

/// A render past its deadline stops with an error instead of running on.
struct RendererDeadlineTests {
    /// Many paragraphs in nested blocks: every one is a box layout that polls the deadline.
    static let largeDocument = "<body>" + String(repeating: "<div><p>Some words to shape and break across the line.</p></div>", count: 2_000) + "</body>"

    @Test func renderPastDeadlineThrows() throws {
        let renderer = try Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .nanoseconds(1))
        #expect(throws: RenderError.deadlineExceeded) {
            _ = try renderer.render(html: Self.largeDocument, width: 400, height: 300, encoding: .png)
        }
    }

    @Test func layoutStopsOnceDeadlinePasses() throws {
        let html = Self.largeDocument
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: 400, viewportHeight: 300)
        let styles = resolver.resolve()
        var builder = BoxTreeBuilder(document: document, styles: styles, images: ImageCache(loader: ImageLoader()))
        #expect(try builder.build())
        let engine = try TextEngine(fonts: FontConfiguration())
        var layout = LayoutEngine(boxes: builder.boxes, text: engine, viewportWidth: 400, viewportHeight: 300)
        layout.deadline = RenderDeadline(after: .zero)
        #expect(throws: RenderError.deadlineExceeded) { try layout.run() }
    }

    @Test func renderWithinDeadlineSucceeds() throws {
        let renderer = try Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .seconds(600))
        let output = try renderer.render(html: "<p>Hello</p>", width: 100, height: 50, encoding: .png)
        #expect(!output.bytes.isEmpty)
    }
}
