import Testing
@testable import Render

struct RuleIndexTests {
    private func rule(_ selectors: String...) -> StyleRule {
        StyleRule(selectors: selectors.compactMap { Selector(parsing: $0) },
                  declarations: [Declaration(name: "color", value: "red", important: false)])
    }

    @Test func candidatesAreTheRulesWhoseSubjectKeyTheElementHas() throws {
        var sheet = StyleSheet()
        sheet.rules = [
            rule("#a"), rule(".b"), rule("div"), rule("*"), rule(".c.b"), rule("p"), rule("#z"),
            rule("span > .b"), rule(".q", "div"), rule("div .b", ".b"), rule("::before"), rule(".zz"),
        ]
        let document = try TreeBuilder.parse("<div id=a class='b b c'></div>")
        let element = try #require(document.nodes.indices.first { document.nodes[$0].tagName == "div" })
        let index = RuleIndex(sheet)
        // Ascending, each once, none of the rules keyed on p, #z or .zz; rule 4 is filed under .c.
        #expect(index.candidates(for: document.nodes[element]) == [0, 1, 2, 3, 4, 7, 8, 9, 10])
    }

    @Test func declarationOrderCountsEveryRule() throws {
        var sheet = StyleSheet()
        sheet.rules = [rule("p"), rule("div"), rule("a")]
        sheet.rules[1].declarations.append(Declaration(name: "width", value: "1px", important: false))
        let index = RuleIndex(sheet)
        #expect(index.declarationStart == [0, 1, 3])
        #expect(index.declarationCount == 4)
    }

    @Test func theCascadeStillPicksTheLastMatchingRuleOfEqualSpecificity() throws {
        let html = """
        <style>.x { color: red } p { color: blue } .y { color: green } #i { width: 5px } .x { width: 9px }</style>
        <p id=i class='y x'>t</p>
        """
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: 1200, viewportHeight: 630)
        let styles = resolver.resolve()
        let element = try #require(document.nodes.indices.first { document.nodes[$0].tagName == "p" })
        #expect(styles[element]?.color == Color(red: 0, green: 128.0 / 255, blue: 0, alpha: 1))
        #expect(styles[element]?.width == .px(5))
    }
}
