@testable import Render

/// Lays out HTML with the text engine in this build and finds boxes by element id.
struct LaidOut {
    /// One renderer for all tests: its engine pool shares font discovery between them. Its deadline is
    /// far away, so a loaded machine running a debug build never turns a test's result into a timeout.
    static let renderer = try! Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .seconds(3600))

    let scene: Renderer.Scene
    let document: Document

    init(_ html: String, width: Int = 800, height: Int = 600) throws {
        scene = try Self.renderer.layOut(html: html, width: width, height: height)
        document = try TreeBuilder.parse(html)
    }

    /// The box generated for the element with this id.
    func box(_ id: String) -> LayoutBox? {
        scene.boxes.first { box in box.element.map { document.nodes[$0].id == id } ?? false }
    }

    func frame(_ id: String) -> Rect? { box(id)?.frame }

    var warnings: [String] { scene.warnings.messages }
}
