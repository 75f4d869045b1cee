import Testing
@testable import Render

/// Declaration lists are split on UTF-8 bytes: separators inside strings, parentheses and
/// brackets stay put, non-ASCII text passes through whole, and nested blocks flatten.
struct DeclarationSplittingTests {
    @Test func separatorsInsideStringsAndParenthesesDoNotSplit() {
        #expect(CSSParser.splitTopLevel("a: 'x;y'; b: url(data:,x;y); c: [p;q] r; ; d: é;ü", separator: ";")
            == ["a: 'x;y'", " b: url(data:,x;y)", " c: [p;q] r", " d: é", "ü"])
        #expect(CSSParser.splitTopLevel("Inter, \"Noto Sans, CJK\", sans-serif", separator: ",")
            == ["Inter", " \"Noto Sans, CJK\"", " sans-serif"])
        #expect(CSSParser.splitTopLevel("1px solid rgb(1 2 3)", separator: " ") == ["1px", "solid", "rgb(1 2 3)"])
    }

    @Test func nestedBlocksFlattenWhenTheirConditionHolds() {
        let declarations = CSSParser.parseDeclarations("""
            color: red; @media (min-width: 100px) { width: 3px; } .child { height: 9px } background: url("a;b.png") !important;
            content: "ünï;code"
            """)
        #expect(declarations.map(\.name) == ["color", "width", "background", "content"])
        #expect(declarations[2].value == "url(\"a;b.png\")" && declarations[2].important)
        #expect(declarations[3].value == "\"ünï;code\"")
    }

    @Test func aLongDataURIStaysOneValue() {
        let payload = String(repeating: "QUJD", count: 40_000)
        let declarations = CSSParser.parseDeclarations("background: url(data:image/png;base64,\(payload)) center / cover; color: blue")
        #expect(declarations.count == 2)
        #expect(declarations[0].value.utf8.count == "url(data:image/png;base64,) center / cover".utf8.count + payload.utf8.count)
        #expect(declarations[1].value == "blue")
    }
}
