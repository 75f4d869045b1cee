import Testing
@testable import Render

struct MarkupTests {
    private func tags(_ document: Document, under index: Int) -> [String] {
        document.nodes[index].children.compactMap { document.nodes[$0].tagName }
    }

    private func element(_ document: Document, _ tag: String) -> Int? {
        document.nodes.indices.first { document.nodes[$0].tagName == tag }
    }

    private func text(_ document: Document, of index: Int) -> String {
        document.nodes[index].children.map { child -> String in
            if case .text(let value) = document.nodes[child].kind { return value }
            return text(document, of: child)
        }.joined()
    }

    @Test func impliedHtmlHeadBody() throws {
        let document = try TreeBuilder.parse("Hello <b>world</b>")
        let html = try #require(document.root)
        #expect(tags(document, under: html) == ["head", "body"])
        let body = try #require(document.rootChild(named: "body"))
        #expect(text(document, of: body) == "Hello world")
    }

    @Test func headContentGoesToHead() throws {
        let document = try TreeBuilder.parse("<!DOCTYPE html><title>T</title><meta charset=utf-8><style>p{color:red}</style><p>x")
        let head = try #require(document.rootChild(named: "head"))
        #expect(tags(document, under: head) == ["title", "meta", "style"])
        #expect(document.styleSheets == ["p{color:red}"])
    }

    @Test func attributesQuotedUnquotedAndBoolean() throws {
        let document = try TreeBuilder.parse(#"<div id=main class="a  b" data-x='1 2' hidden title=&quot;q></div>"#)
        let div = try #require(element(document, "div"))
        let node = document.nodes[div]
        #expect(node.id == "main")
        #expect(node.classes == ["a", "b"])
        #expect(node.attribute("data-x") == "1 2")
        #expect(node.attribute("hidden") == "")
        #expect(node.attribute("title") == "\"q")
    }

    @Test func voidElementsHaveNoChildren() throws {
        let document = try TreeBuilder.parse("<p>a<br>b<img src=x>c</p>")
        let p = try #require(element(document, "p"))
        #expect(tags(document, under: p) == ["br", "img"])
        #expect(text(document, of: p) == "abc")
    }

    @Test func paragraphClosedByBlock() throws {
        let document = try TreeBuilder.parse("<p>one<div>two</div>")
        let body = try #require(document.rootChild(named: "body"))
        #expect(tags(document, under: body) == ["p", "div"])
    }

    @Test func misnestedAndStrayEndTags() throws {
        let document = try TreeBuilder.parse("<div><b><i>x</b>y</i></span>z</div>")
        let div = try #require(element(document, "div"))
        #expect(text(document, of: div) == "xyz")
        #expect(tags(document, under: div) == ["b"])
    }

    @Test func unclosedElementsAreClosedAtTheEnd() throws {
        let document = try TreeBuilder.parse("<div><span>open")
        let span = try #require(element(document, "span"))
        #expect(text(document, of: span) == "open")
    }

    @Test func scriptSkippedAndCommentsDropped() throws {
        let document = try TreeBuilder.parse("<p>a<!-- <b>no</b> -->b<script>if (a < b) { x('</p>') }</script>c</p>")
        let p = try #require(element(document, "p"))
        #expect(text(document, of: p) == "abc")
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("&copy; 2026 &mdash; &hellip;", "© 2026 — …"),
        ("&#169;&#x1F600;&#X41;", "©😀A"),
        ("&amp without semicolon", "& without semicolon"),
        ("&unknown; &#; &", "&unknown; &#; &"),
        ("&#0;&#xD800;&#x110000;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("&nbsp;", "\u{A0}"),
    ])
    func characterReferences(input: String, expected: String) throws {
        let document = try TreeBuilder.parse("<p>\(input)</p>")
        let p = try #require(element(document, "p"))
        #expect(text(document, of: p) == expected)
    }

    @Test func nodeLimit() {
        let html = String(repeating: "<i></i>", count: TreeBuilder.maximumNodes + 1)
        #expect(throws: RenderError.self) { try TreeBuilder.parse(html) }
    }

    @Test func depthLimit() {
        let html = String(repeating: "<div>", count: TreeBuilder.maximumDepth + 5)
        #expect(throws: RenderError.invalidInput("HTML is nested deeper than 256 elements")) { try TreeBuilder.parse(html) }
    }

    @Test func splitAtEveryOffsetNeverCrashes() throws {
        let html = #"<!doctype html><html><head><style>.a{color:red}</style></head><body class=x><div id="d" title='t'>Hi &amp; <b>there</b><br/></div><!-- c --></body></html>"#
        let characters = Array(html)
        for offset in 0...characters.count {
            let prefix = String(characters[..<offset])
            let document = try TreeBuilder.parse(prefix)
            #expect(document.root != nil)
        }
    }

    @Test func selfClosingStyleStillStartsRawText() throws {
        let document = try TreeBuilder.parse("<style/>p{color:red}</style><p>x</p>")
        #expect(document.styleSheets == ["p{color:red}"])
        let p = try #require(element(document, "p"))
        #expect(text(document, of: p) == "x")
    }
}
