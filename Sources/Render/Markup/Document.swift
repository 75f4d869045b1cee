/// A parsed HTML document: a flat array of nodes linked by integer indices.
///
/// Node 0 is the document itself; every other node has a parent with a smaller index, so a forward
/// walk over `nodes` visits parents before their children.
struct Document: Sendable {
    struct Node: Sendable {
        enum Kind: Sendable, Equatable {
            case document
            case element(String)
            case text(String)
        }
        var kind: Kind
        var parent: Int
        var children: [Int] = []
        /// Attribute names are lowercased; the first occurrence of a name wins.
        var attributes: [(name: String, value: String)] = []
        var id: String?
        var classes: [String] = []

        var tagName: String? {
            if case .element(let name) = kind { return name }
            return nil
        }

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    var nodes: [Node] = [Node(kind: .document, parent: -1)]
    /// Text of every `<style>` element, in document order.
    var styleSheets: [String] = []

    /// Index of the `<html>` element (the tree builder always creates one).
    var root: Int? { nodes[0].children.first { nodes[$0].tagName == "html" } }

    /// The first child element of the root with this tag name.
    func rootChild(named name: String) -> Int? {
        guard let root else { return nil }
        return nodes[root].children.first { nodes[$0].tagName == name }
    }
}
