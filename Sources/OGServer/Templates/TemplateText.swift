/// The `{{name}}` placeholder syntax shared by built-in templates.
enum TemplateText {
    /// Names inside `{{ … }}`, in order of appearance (whitespace around the name is allowed).
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        _ = substitute(text) { name in names.append(name); return "" }
        return names
    }

    /// Replaces each `{{name}}` with `replacement(name)`. Text that is not a well-formed placeholder
    /// (no closing braces, or a name with characters other than letters, digits, `_` and `-`) stays as is.
    static func substitute(_ text: String, _ replacement: (String) -> String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let name = afterOpen[..<close.lowerBound].trimmingSpaces()
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                output += replacement(String(name))
                rest = afterOpen[close.upperBound...]
            } else {
                output += "{{"
                rest = afterOpen
            }
        }
        output += rest
        return output
    }

    /// `text` with each placeholder replaced by its HTML-escaped value (empty when missing).
    static func fill(_ text: String, with values: [String: String]) -> String {
        substitute(text) { name in escapeHTML(values[name] ?? "") }
    }

    /// Escapes text for use in HTML content or a quoted attribute value.
    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return slice
    }
}
