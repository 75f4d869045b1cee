/// Builds a `Document` from tokens, recovering from bad markup roughly as browsers do:
/// implied `html`/`head`/`body`, auto-closed paragraphs and list items, stray end tags ignored,
/// unclosed elements closed at the end.
struct TreeBuilder {
    static let maximumNodes = 10_000
    static let maximumDepth = 256

    private var document = Document()
    private var html: Int?
    private var head: Int?
    private var body: Int?
    /// Open elements below `<body>` (or `<head>`), innermost last.
    private var open: [Int] = []
    /// The raw-text element (`<style>`, `<script>`, `<title>`) whose content comes next.
    private var pendingRawText: String?

    /// Parses `html` into a document.
    /// - Throws: `RenderError.invalidInput` when the document exceeds the node or depth limit.
    static func parse(_ html: String) throws -> Document {
        var builder = TreeBuilder()
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            try builder.process(token)
        }
        try builder.ensureBody()
        return builder.document
    }

    private mutating func process(_ token: HTMLToken) throws {
        if let raw = pendingRawText {
            pendingRawText = nil
            if case .text(let text) = token {
                if raw == "style" { document.styleSheets.append(text) }
                if raw != "script", let parent = open.last { try appendText(text, to: parent) }
                if let last = open.last, document.nodes[last].tagName == raw { open.removeLast() }
                return
            }
            if let last = open.last, document.nodes[last].tagName == raw { open.removeLast() }
        }
        switch token {
        case .doctype, .comment:
            return
        case .text(let text):
            try insertText(text)
        case .startTag(let name, let attributes, let selfClosing):
            try startTag(name, attributes: attributes, selfClosing: selfClosing)
        case .endTag(let name):
            endTag(name)
        }
    }

    // MARK: Start tags

    private mutating func startTag(_ name: String, attributes: [HTMLToken.Attribute], selfClosing: Bool) throws {
        switch name {
        case "html":
            let root = try ensureHTML()
            merge(attributes, into: root)
            return
        case "head":
            if head == nil, body == nil { try ensureHead() }
            return
        case "body":
            let element = try ensureBody()
            merge(attributes, into: element)
            return
        default:
            break
        }
        let parent: Int
        if body == nil, HTMLElements.headContent.contains(name) {
            parent = try ensureHead()
            open = [parent]
        } else {
            try ensureBody()
            if HTMLElements.closesParagraph.contains(name) { closeImplied(by: name) }
            parent = open.last ?? body!
        }
        let element = try appendElement(name, attributes: attributes, to: parent)
        let isRawText = HTMLElements.rawText.contains(name) || HTMLElements.escapableRawText.contains(name)
        if HTMLElements.void.contains(name) || (selfClosing && !isRawText) { return }
        if open.count >= Self.maximumDepth {
            throw RenderError.invalidInput("HTML is nested deeper than \(Self.maximumDepth) elements")
        }
        open.append(element)
        if isRawText { pendingRawText = name }
    }

    /// Closes what the new start tag implicitly ends: an open `<p>`, or a sibling `<li>`, `<dt>`, `<dd>`.
    private mutating func closeImplied(by name: String) {
        let targets: Set<String>
        switch name {
        case "li": targets = ["li", "p"]
        case "dt", "dd": targets = ["dt", "dd", "p"]
        default: targets = ["p"]
        }
        // Only look inside the nearest list or block ancestor, as the standard's "scope" does roughly.
        for depth in stride(from: open.count - 1, through: 0, by: -1) {
            let tag = document.nodes[open[depth]].tagName ?? ""
            if targets.contains(tag) {
                open.removeSubrange(depth...)
                return
            }
            if ["ul", "ol", "dl", "div", "section", "article", "table", "td", "th", "button"].contains(tag) { return }
        }
    }

    // MARK: End tags

    private mutating func endTag(_ name: String) {
        switch name {
        case "html", "body", "head":
            // Content after these end tags still goes into the body, as in browsers.
            if name == "head", body == nil { open = [] }
            return
        default:
            break
        }
        guard let depth = open.lastIndex(where: { document.nodes[$0].tagName == name }) else { return }
        open.removeSubrange(depth...)
    }

    // MARK: Text

    private mutating func insertText(_ text: String) throws {
        if body == nil {
            let isWhitespace = text.utf8.allSatisfy { HTMLTokenizer.isWhitespace($0) }
            if isWhitespace { return }
            try ensureBody()
        }
        try appendText(text, to: open.last ?? body!)
    }

    private mutating func appendText(_ text: String, to parent: Int) throws {
        guard !text.isEmpty else { return }
        // Adjacent text (split by a dropped comment or tag) merges into one node.
        if let last = document.nodes[parent].children.last, case .text(let previous) = document.nodes[last].kind {
            document.nodes[last].kind = .text(previous + text)
            return
        }
        try appendNode(Document.Node(kind: .text(text), parent: parent))
    }

    // MARK: Implied elements

    @discardableResult
    private mutating func ensureHTML() throws -> Int {
        if let html { return html }
        let element = try appendElement("html", attributes: [], to: 0)
        html = element
        return element
    }

    @discardableResult
    private mutating func ensureHead() throws -> Int {
        if let head { return head }
        let element = try appendElement("head", attributes: [], to: try ensureHTML())
        head = element
        return element
    }

    @discardableResult
    private mutating func ensureBody() throws -> Int {
        if let body { return body }
        try ensureHead()
        let element = try appendElement("body", attributes: [], to: try ensureHTML())
        body = element
        open = [element]
        return element
    }

    private mutating func merge(_ attributes: [HTMLToken.Attribute], into element: Int) {
        for attribute in attributes where document.nodes[element].attribute(attribute.name) == nil {
            document.nodes[element].attributes.append((attribute.name, attribute.value))
            applySpecialAttribute(attribute, to: element)
        }
    }

    // MARK: Nodes

    private mutating func appendElement(_ name: String, attributes: [HTMLToken.Attribute], to parent: Int) throws -> Int {
        var node = Document.Node(kind: .element(name), parent: parent)
        node.attributes = attributes.map { ($0.name, $0.value) }
        let index = try appendNode(node)
        for attribute in attributes { applySpecialAttribute(attribute, to: index) }
        return index
    }

    private mutating func applySpecialAttribute(_ attribute: HTMLToken.Attribute, to element: Int) {
        if attribute.name == "id", !attribute.value.isEmpty {
            document.nodes[element].id = attribute.value
        } else if attribute.name == "class" {
            document.nodes[element].classes = Self.classNames(in: attribute.value)
        }
    }

    @discardableResult
    private mutating func appendNode(_ node: Document.Node) throws -> Int {
        guard document.nodes.count <= Self.maximumNodes else {
            throw RenderError.invalidInput("HTML has more than \(Self.maximumNodes) nodes")
        }
        let index = document.nodes.count
        document.nodes.append(node)
        document.nodes[node.parent].children.append(index)
        return index
    }
}
