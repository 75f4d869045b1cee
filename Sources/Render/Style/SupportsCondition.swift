/// Evaluates `@supports` conditions (CSS Conditional 3 §6): a declaration is supported when the
/// engine knows the property and can parse the value; `selector()` when the selector parses.
enum SupportsCondition {
    static func evaluate(_ condition: String) -> Bool {
        BooleanCondition.evaluate(condition) { leaf in
            if leaf.lowercased().hasPrefix("selector(") {
                return Selector(parsing: String(leaf.dropFirst("selector(".count).dropLast())) != nil
            }
            let declarations = CSSParser.parseDeclarations(leaf)
            guard let declaration = declarations.first else { return false }
            return PropertyApplier.supports(declaration)
        }
    }
}
