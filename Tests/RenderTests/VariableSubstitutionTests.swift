import Testing
@testable import Render

struct VariableSubstitutionTests {
    private let properties = ["--a": "1px", "--b": " var(--a) ", "--empty": " ", "--wide": "é"]

    @Test(arguments: [
        ("var(--a)", "1px"),
        ("VAR(--a) solid", "1px solid"),
        // A property's value goes in as written, spaces included; a fallback is trimmed.
        ("calc(var(--b) + var(--missing, 2px))", "calc( 1px  + 2px)"),
        ("var(--empty, 3px)", "3px"),
        ("x-var(--a)", "x-var(--a)"),
        ("fvar(--a)", "fvar(--a)"),
        ("var(--wide) var(--a)", "é 1px"),
        ("var(--a) é", "1px é"),
        ("\"é\" var(--b)", "\"é\"  1px "),
        ("10px", "10px"),
    ])
    func substitutes(value: String, expected: String) {
        #expect(VariableSubstitution.substitute(value, properties: properties) == expected)
    }

    @Test(arguments: ["var(--missing)", "var(a)", "var(--a", "é var(--missing)"])
    func invalidReferencesGiveNil(value: String) {
        #expect(VariableSubstitution.substitute(value, properties: properties) == nil)
    }

    @Test(arguments: ["  inherit ", "INITIAL", "revert-layer", "\tunset\n", "Revert", "10px", "inherit\r\n", "İnherit",
                      "", "   ", "initial-ish", "solid 1px red"])
    func wideKeywordCandidateAgreesWithTrimmingAndLowercasing(value: String) {
        let slow = value.trimmed.lowercased()
        let fast = PropertyApplier.wideKeywordCandidate(value)
        let keywords: Set<String> = ["initial", "inherit", "unset", "revert", "revert-layer"]
        #expect(keywords.contains(fast) == keywords.contains(slow))
        if keywords.contains(slow) { #expect(fast == slow) }
    }
}
