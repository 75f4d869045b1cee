import Testing
@testable import Render

struct TailwindTests {
    private let tailwind = TailwindResolver(viewportWidth: 1200)

    private func declarations(_ name: String) -> [String] {
        tailwind.utility(for: name)?.declarations.map { "\($0.name): \($0.value)\($0.important ? " !" : "")" } ?? []
    }

    @Test(arguments: [
        ("p-16", ["padding-top: 4rem", "padding-right: 4rem", "padding-bottom: 4rem", "padding-left: 4rem"]),
        ("w-[1200px]", ["width: 1200px"]), ("text-[56px]", ["font-size: 56px"]), ("leading-[1.15]", ["line-height: 1.15"]),
        ("top-[-200px]", ["top: -200px"]), ("-mt-4", ["margin-top: calc(1rem * -1)"]), ("w-1/2", ["width: 50%"]),
        ("text-5xl", ["font-size: 3rem", "line-height: 1"]), ("text-white", ["color: #fff"]),
        ("bg-blue-500/10", ["background-color: color-mix(in oklab, oklch(62.3% 0.214 259.815) 10%, transparent)"]),
        ("bg-[#0b1020]", ["background-color: #0b1020"]), ("z-10", ["z-index: 10"]), ("!flex", ["display: flex !"]),
        ("max-w-4xl", ["max-width: 56rem"]), ("rounded-full", ["border-top-left-radius: calc(infinity * 1px)",
            "border-top-right-radius: calc(infinity * 1px)", "border-bottom-right-radius: calc(infinity * 1px)",
            "border-bottom-left-radius: calc(infinity * 1px)"]),
        ("border-t-2", ["border-top-style: solid", "border-top-width: 2px"]), ("tracking-tight", ["letter-spacing: -0.025em"]),
        ("font-bold", ["font-weight: 700"]), ("md:flex", ["display: flex"]), ("2xl:flex", []), ("hover:flex", []),
        ("bg-gradient-to-br", ["--tw-gradient-position: to bottom right in oklab", "background-image: linear-gradient(var(--tw-gradient-stops))"]),
        ("bg-linear-to-r", ["--tw-gradient-position: to right in oklab", "background-image: linear-gradient(var(--tw-gradient-stops))"]),
        ("-bg-linear-45", ["--tw-gradient-position: -45deg in oklab", "background-image: linear-gradient(var(--tw-gradient-stops))"]),
        ("not-a-utility", []), ("grid-cols-3", ["grid-template-columns: repeat(3, minmax(0, 1fr))"]), ("inline-grid", ["display: inline-grid"]), ("bg-[rgb(56_189_248/0.15)]", ["background-color: rgb(56 189 248/0.15)"]),
    ])
    func utilities(_ name: String, _ expected: [String]) {
        #expect(declarations(name) == expected, "\(name)")
    }

    @Test func classesRenderWithoutAStylesheet() throws {
        let html = "<body class='m-0 p-4'><div id=d class='w-[300px] px-2 bg-red-500 flex'><span id=s class='text-xl'>x</span></div></body>"
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: 1200, viewportHeight: 630)
        let styles = resolver.resolve()
        let d = try #require(document.nodes.indices.first { document.nodes[$0].id == "d" })
        let style = try #require(styles[d])
        #expect(style.width == .px(300))
        #expect(style.padding.left == .px(8))
        #expect(style.display == .flex)
        #expect(style.margin.top == .px(0))
    }

    @Test func stylesheetRulesTakeOverTheirClasses() throws {
        let html = "<style>.p-4 { padding-top: 1px }</style><div id=d class='p-4'></div>"
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: 1200, viewportHeight: 630)
        let styles = resolver.resolve()
        let d = try #require(document.nodes.indices.first { document.nodes[$0].id == "d" })
        #expect(styles[d]?.padding.top == .px(1))
        #expect(styles[d]?.padding.left == .px(0))
    }
}
