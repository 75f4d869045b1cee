/// A built-in card: HTML with `{{name}}` placeholders plus the manifest that describes it.
public struct Template: Sendable, Equatable {
    /// One placeholder a template offers.
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var description: String
        public var example: String
        /// Used when a request does not give the variable.
        public var defaultValue: String
    }

    public let id: String
    public let description: String
    public let width: Int
    public let height: Int
    public let variables: [Variable]
    public let html: String
    /// SHA-256 of the HTML and the manifest together: editing either gives new cache keys.
    public let digest: String

    /// Names of the variables the HTML actually refers to; found once, since every request needs them.
    public let usedVariables: Set<String>

    public init(id: String, description: String, width: Int, height: Int, variables: [Variable], html: String, digest: String) {
        self.id = id
        self.description = description
        self.width = width
        self.height = height
        self.variables = variables
        self.html = html
        self.digest = digest
        usedVariables = Set(TemplateText.placeholders(in: html))
    }

    /// The values a render uses: each used variable from `data`, else its default. Unused data is dropped,
    /// so it cannot change the cache key.
    public func resolvedValues(from data: [String: String]) -> [String: String] {
        var values: [String: String] = [:]
        values.reserveCapacity(usedVariables.count)
        for name in usedVariables {
            values[name] = data[name] ?? variables.first { $0.name == name }?.defaultValue ?? ""
        }
        return values
    }

    /// The HTML with every placeholder replaced by its HTML-escaped value.
    public func filled(with values: [String: String]) -> String {
        TemplateText.fill(html, with: values)
    }
}
