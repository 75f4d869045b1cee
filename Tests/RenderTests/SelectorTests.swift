import Testing
@testable import Render

struct SelectorTests {
    private let html = """
    <ul id=list><li id=a class="x" data-kind="alert" lang="en-US">1</li><li id=b>2</li><li id=c class="w-[10px]">3</li>\
    <li id=d title="one two">4</li></ul><p id=e></p>
    """

    private func matching(_ text: String) throws -> [String] {
        let document = try TreeBuilder.parse(html)
        let selector = try #require(Selector(parsing: text), "\(text)")
        return document.nodes.indices.filter { document.nodes[$0].tagName != nil && selector.matches($0, in: document) }
            .compactMap { document.nodes[$0].id }
    }

    @Test(arguments: [
        ("li:first-child", ["a"]), ("li:last-child", ["d"]), ("li:nth-child(2n)", ["b", "d"]),
        ("li:nth-child(odd)", ["a", "c"]), ("li:nth-child(-n+2)", ["a", "b"]), ("li:nth-last-child(1)", ["d"]),
        ("li:not(.x)", ["b", "c", "d"]), (":is(li, p).x", ["a"]), (":where(#a, #e)", ["a", "e"]),
        ("[data-kind]", ["a"]), ("[data-kind=alert]", ["a"]), ("[lang|=en]", ["a"]), ("[title~=two]", ["d"]),
        ("[title^=on]", ["d"]), ("[title$=\"two\"]", ["d"]), ("[title*=e\\ t]", ["d"]), ("[DATA-KIND=ALERT i]", ["a"]),
        ("#a + li", ["b"]), ("#a ~ li", ["b", "c", "d"]), ("ul + p", ["e"]), (".w-\\[10px\\]", ["c"]),
        ("p:empty", ["e"]), ("li:only-child", []), ("ul > li:nth-child(3)", ["c"]),
    ])
    func matches(_ text: String, _ expected: [String]) throws {
        #expect(try matching(text) == expected, "\(text)")
    }

    @Test func specificityCountsArgumentsOfIsButNotWhere() throws {
        #expect(try #require(Selector(parsing: ":is(#a, p)")).specificity == 1_000_000)
        #expect(try #require(Selector(parsing: ":where(#a) li")).specificity == 1)
        #expect(try #require(Selector(parsing: "li:nth-child(2)[x]")).specificity == 2_001)
        #expect(try #require(Selector(parsing: "p::before")).specificity == 2)
        #expect(try #require(Selector(parsing: "p::after")).pseudoElement == "after")
    }

    @Test func cssEscapesResolve() throws {
        #expect(try #require(Selector(parsing: ".bg-white\\/20")).parts[0].compound.classes == ["bg-white/20"])
        #expect(try #require(Selector(parsing: ".\\31 0")).parts[0].compound.classes == ["10"])
    }
}
