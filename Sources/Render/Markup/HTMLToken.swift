/// What the tokenizer hands the tree builder.
enum HTMLToken: Sendable, Equatable {
    case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
    case endTag(name: String)
    case text(String)
    case comment
    case doctype

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }
}
