import Testing
@testable import Render

/// The byte split of `class` values must give what the `Character` split gives, including the values
/// where a separator byte is part of a larger `Character`.
struct ClassNamesTests {
    static func characterSplit(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
    }

    @Test(arguments: [
        "", " ", "a", "flex items-center gap-4", "  lead\ttrail\n", "a\u{0C}b", "a\r\nb", "a\rb", "x \u{301}y",
        "café crème", "md:p-4 hover:bg-[#fff] w-1/2", "a  b   c", "\n\n",
    ])
    func byteSplitMatchesCharacterSplit(value: String) {
        #expect(TreeBuilder.classNames(in: value) == Self.characterSplit(value))
    }

    @Test func elementClassesAreSplit() throws {
        let document = try TreeBuilder.parse("<div class=\" one two\tthree \">x</div>")
        #expect(document.nodes.contains { $0.classes == ["one", "two", "three"] })
    }
}
