/// Element categories from the HTML Standard that the tokenizer and tree builder need.
enum HTMLElements {
    /// Elements without content or end tag (HTML §13.1.2).
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    /// Elements whose content is raw text up to the matching end tag.
    static let rawText: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]
    /// Raw text in which character references are still decoded.
    static let escapableRawText: Set<String> = ["title", "textarea"]
    /// Elements that belong in `<head>` when they appear before the body starts.
    static let headContent: Set<String> = ["title", "meta", "link", "style", "script", "base", "noscript"]
    /// Start tags that close an open `<p>` (HTML §13.2.6.4.7, "in body" insertion mode).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
        "dd", "dt",
    ]
}
