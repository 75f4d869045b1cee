import Testing
@testable import Render

/// Garbage in, never a crash: every input either renders or throws a `RenderError`.
struct RendererRobustnessTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
    }

    static let fragments = [
        "<div", "<span", "<p>", "</div>", "</p>", "<", ">", "/>", "\"", "'", "=", "style=\"", "class=a", "id=x",
        "&amp;", "&#x", "&#99999999;", "&", "<!--", "-->", "<!doctype html>", "<script>", "</script>", "<style>",
        "</style>", "{", "}", ":", ";", "!important", "display:flex", "display:inline-block", "position:absolute",
        "width:calc(100% - ", "var(--x", "--x: var(--x)", "linear-gradient(", "to right", "rgb(", "hsl(", ")", "(",
        "#fff", "50%", "-3px", "1e308px", "NaN", "inf", "flex:1 1", "margin:auto", "border:1px solid",
        "border-radius:", "font:", "line-height:0", "font-size:-5px", "-webkit-line-clamp:0", "overflow:hidden",
        "z-index:99999999999", "gap:", "flex-wrap:wrap", "flex-direction:column", "text", " ", "\n", "\u{0}", "é", "😀",
        "<br>", "<img src=x>", "@media {", "*{", ".a>.b{", "#x .y{", "::before{", "top:0;left:0;right:0;bottom:0",
        "height:100%", "min-width:9999px", "max-width:0", "letter-spacing:-100px", "white-space:pre", "\t",
    ]

    @Test func randomFragmentsNeverCrash() throws {
        let renderer = LaidOut.renderer
        var generator = Generator(state: 42)
        for _ in 0..<300 {
            var html = ""
            for _ in 0..<Int(generator.next() % 60) { html += generator.pick(Self.fragments) }
            do {
                _ = try renderer.render(html: html, width: 1 + Int(generator.next() % 300), height: 1 + Int(generator.next() % 300), encoding: .png)
            } catch is RenderError {
                continue
            }
        }
    }

    @Test func randomBytesNeverCrash() throws {
        let renderer = LaidOut.renderer
        var generator = Generator(state: 7)
        for _ in 0..<100 {
            let bytes = (0..<Int(generator.next() % 400)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let html = String(decoding: bytes, as: UTF8.self)
            _ = try? renderer.render(html: html, width: 64, height: 64, encoding: .png)
        }
    }

    @Test func pathologicalInputs() throws {
        let renderer = LaidOut.renderer
        let inputs = [
            "",
            String(repeating: "<div>", count: 256),
            String(repeating: "<p>", count: 3000),
            String(repeating: "a ", count: 20_000),
            "<style>" + String(repeating: "div ", count: 60) + "{color:red}</style>" + String(repeating: "<div>", count: 200),
            "<div style='width:calc(" + String(repeating: "(", count: 500) + "1px" + String(repeating: ")", count: 500) + ")'></div>",
            "<div style='--a:var(--b);--b:var(--a);width:var(--a)'></div>",
            "<div style='display:flex;flex-wrap:wrap;width:0'>" + String(repeating: "<div style='flex:1;min-width:10px'>x</div>", count: 200) + "</div>",
            "<div style='position:absolute;inset:-1e300px;width:1e300px'>x</div>",
            "<body style='display:flex'><div style='display:flex;flex-direction:column'><span>a</span></div></body>",
            "<html style='display:none'>x</html>",
            "<style>@media screen { @supports (x) { div { color: red } } }</style><div>x</div>",
        ]
        for html in inputs {
            do {
                _ = try renderer.render(html: html, width: 200, height: 100, encoding: .png)
            } catch is RenderError {
                continue
            }
        }
    }

    @Test func nestedFlexContainersHitTheLayoutBudgetInsteadOfRunningAway() throws {
        let renderer = LaidOut.renderer
        // Column items are measured, then laid out at their final height: work doubles per level.
        let column = String(repeating: "<div style='display:flex;flex-direction:column'>", count: 120) + "x"
        #expect(throws: RenderError.invalidInput("document layout is too complex")) {
            try renderer.render(html: column, width: 100, height: 100, encoding: .png)
        }
        // Row items whose stretched height equals their content height are laid out once per level.
        let row = String(repeating: "<div style='display:flex'>", count: 120) + "x"
        #expect(throws: Never.self) { try renderer.render(html: row, width: 100, height: 100, encoding: .png) }
        // A handful of levels, as real cards have, stays well within the budget.
        let shallow = String(repeating: "<div style='display:flex'>", count: 8) + "x"
        #expect(throws: Never.self) { try renderer.render(html: shallow, width: 100, height: 100, encoding: .png) }
    }
}
