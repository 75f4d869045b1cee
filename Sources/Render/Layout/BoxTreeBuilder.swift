import Foundation

/// Generates the box tree from the DOM and computed styles (CSS Display 3 §2): `display:none`
/// subtrees vanish, inline content between block-level boxes becomes anonymous paragraph boxes,
/// flex children are blockified, absolutely positioned boxes stay in the tree out of flow.
struct BoxTreeBuilder {
    let document: Document
    let styles: [ComputedStyle?]
    /// Decodes `<img>` sources for their natural sizes.
    let images: ImageCache
    /// Styles of the elements' `::before`/`::after` boxes.
    var generatedContent = GeneratedContentStyles()
    var boxes: [LayoutBox] = []
    private(set) var warnings = Warnings()
    /// Paragraphs made so far; an inline box whose content is split between two is not painted.
    private var flushCount = 0

    /// Elements the engine cannot draw; their text content is still laid out.
    static let unsupportedElements: Set<String> = ["canvas", "video", "iframe", "picture", "object", "input", "button", "select", "textarea", "audio"]

    init(document: Document, styles: [ComputedStyle?], images: ImageCache) {
        self.document = document
        self.styles = styles
        self.images = images
    }

    /// Builds the tree; box 0 is the root element's box. Returns false when there is nothing to draw.
    /// - Throws: `RenderError.invalidInput` naming an `<img>` source that cannot be loaded.
    mutating func build() throws -> Bool {
        guard let root = document.root, var style = styles[root], style.display != .none else { return false }
        if style.display != .flex { style.display = .block }
        // Most elements get one box; reserving up front saves regrowing (and copying) the array of
        // large boxes several times.
        boxes.reserveCapacity(document.nodes.count + 16)
        _ = try makeBox(for: root, style: style, parent: -1)
        return true
    }

    /// Creates the box of a block-level (or blockified) element and its subtree.
    private mutating func makeBox(for element: Int, style: ComputedStyle, parent: Int) throws -> Int {
        let index = boxes.count
        var box = LayoutBox(kind: style.isFlexContainer ? .flex : .block, element: element, style: style, parent: parent)
        if let tag = document.nodes[element].tagName, tag == "img" || tag == "svg" {
            if tag == "svg" { warnings.merge(makeReplacedSVG(&box)) } else { try makeReplaced(&box) }  // BoxTreeBuilder+SVG.swift
            boxes.append(box)
            if parent >= 0 { boxes[parent].children.append(index) }
            return index
        }
        boxes.append(box)
        if parent >= 0 { boxes[parent].children.append(index) }
        if let tag = document.nodes[element].tagName, Self.unsupportedElements.contains(tag) {
            warnings.add("unsupported element <\(tag)>")
        }
        if hasMixedBorderColors(style) {
            warnings.add("border sides with different colors are drawn in one color")
        }
        if box.kind == .flex {
            addGeneratedItem(generatedContent.before[element], of: element, into: index)
            try buildFlexItems(of: element, into: index)
            addGeneratedItem(generatedContent.after[element], of: element, into: index)
        } else {
            var run = InlineRunBuilder()
            addListMarker(of: element, into: index, run: &run)  // BoxTreeBuilder+Lists.swift
            addGenerated(generatedContent.before[element], of: element, into: index, run: &run)
            try buildBlockChildren(of: element, into: index, run: &run)
            addGenerated(generatedContent.after[element], of: element, into: index, run: &run)
            flush(&run, into: index)
        }
        return index
    }

    /// Whether the drawn sides (width above zero) of the border have more than one resolved colour.
    /// Compared side by side rather than through arrays and a `Set`, which cost allocations on every
    /// element, bordered or not.
    private func hasMixedBorderColors(_ style: ComputedStyle) -> Bool {
        let widths = style.usedBorderWidths
        guard widths != .zero else { return false }
        var first: Color?
        for (width, color) in [(widths.top, style.borderColor.top), (widths.right, style.borderColor.right),
                               (widths.bottom, style.borderColor.bottom), (widths.left, style.borderColor.left)] where width > 0 {
            let resolved = style.resolve(color)
            if let first, first != resolved { return true }
            if first == nil { first = resolved }
        }
        return false
    }

    // MARK: Generated content

    /// The text of a `::before`/`::after` box of `element`.
    private func generatedText(_ style: ComputedStyle, of element: Int) -> String {
        (style.content ?? []).map { part in
            switch part {
            case .text(let text): text
            case .attribute(let name): document.nodes[element].attribute(name) ?? ""
            }
        }.joined()
    }

    /// A generated box holding its text, appended to `parent`.
    mutating func makeGeneratedBox(_ style: ComputedStyle, text: String, parent: Int) -> Int {
        let index = boxes.count
        boxes.append(LayoutBox(kind: style.isFlexContainer ? .flex : .block, element: nil, style: style, parent: parent))
        boxes[parent].children.append(index)
        guard !text.isEmpty else { return index }
        var run = InlineRunBuilder()
        run.append(text, style: style, opacity: 1)
        flush(&run, into: boxes[index].kind == .flex ? appendAnonymousBlock(to: index) : index)
        return index
    }

    /// A `::before`/`::after` box of a flex container: a (blockified) flex item.
    private mutating func addGeneratedItem(_ style: ComputedStyle?, of element: Int, into container: Int) {
        guard var style else { return }
        style.display = style.isFlexContainer ? .flex : .block
        _ = makeGeneratedBox(style, text: generatedText(style, of: element), parent: container)
    }

    /// A `::before`/`::after` box in inline content: text in the run, or a box of its own. An inline
    /// one with a background, border or padding becomes an inline-block, because inline boxes'
    /// decorations are not painted; on one line the two look alike.
    private mutating func addGenerated(_ style: ComputedStyle?, of element: Int, into container: Int, run: inout InlineRunBuilder) {
        guard var style else { return }
        let text = generatedText(style, of: element)
        if style.position == .absolute {
            if !style.isFlexContainer { style.display = .block }
            _ = makeGeneratedBox(style, text: text, parent: container)
            return
        }
        let padding = [style.padding.top, style.padding.right, style.padding.bottom, style.padding.left]
        if style.display == .inline, style.backgroundColor != .color(.transparent) || !style.backgroundGradients.isEmpty
            || !style.paint.backgroundLayers.isEmpty || style.usedBorderWidths != .zero || padding.contains(where: { $0 != .zero }) {
            style.display = .inlineBlock
        }
        switch style.display {
        case .inline:
            run.append(text, style: style, opacity: opacityOfInline(element, container: container) * style.opacity)
        case .inlineBlock, .inlineFlex:
            let spaceBefore = run.endsWithSpace
            flush(&run, into: container)
            style.display = style.display == .inlineFlex ? .flex : .block
            let box = makeGeneratedBox(style, text: text, parent: container)
            boxes[box].isAtomicInline = true
            boxes[box].spaceBefore = spaceBefore
        case .block, .flex:
            flush(&run, into: container)
            _ = makeGeneratedBox(style, text: text, parent: container)
        case .none:
            return
        }
    }

    /// Makes `box` an `<img>`: a replaced box with no children, its picture loaded now for its natural
    /// size. The `width`/`height` attributes are presentational hints (HTML §15.4.3) used when CSS
    /// leaves the size auto.
    private func makeReplaced(_ box: inout LayoutBox) throws {
        guard let element = box.element else { return }
        let node = document.nodes[element]
        box.kind = .block
        for (attribute, isWidth) in [("width", true), ("height", false)] {
            guard let value = node.attribute(attribute).flatMap(Self.dimension) else { continue }
            if isWidth, box.style.width.isAuto { box.style.width = value }
            if !isWidth, box.style.height.isAuto { box.style.height = value }
        }
        // Trimmed only when an end is white space: a `data:` source runs to many kilobytes.
        guard let source = node.attribute("src").map(ImageLoader.trimmed), !source.isEmpty else {
            throw RenderError.invalidInput("<img> has no src")
        }
        let picture = try images.image(source)
        box.image = ReplacedImage(reference: source, naturalWidth: Double(picture.width), naturalHeight: Double(picture.height))
    }

    /// An HTML dimension attribute value: a non-negative number of pixels, or a percentage.
    private static func dimension(_ text: String) -> Length? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            return Double(trimmed.dropLast()).flatMap { $0 >= 0 && $0.isFinite ? .percent($0) : nil }
        }
        let number = trimmed.hasSuffix("px") ? String(trimmed.dropLast(2)) : trimmed
        guard let value = Double(number), value >= 0, value <= ValueParser.largestMagnitude else { return nil }
        return .px(value)
    }

    private mutating func buildFlexItems(of element: Int, into container: Int) throws {
        for child in document.nodes[element].children {
            let node = document.nodes[child]
            switch node.kind {
            case .text(let text):
                // Each contiguous run of text becomes an anonymous flex item (CSS Flexbox 1 §4).
                var run = InlineRunBuilder()
                run.append(text, style: boxes[container].style, opacity: 1)
                guard !run.isEmpty else { continue }
                let item = appendAnonymousBlock(to: container)
                flush(&run, into: item)
            case .element:
                guard var style = styles[child], style.display != .none else { continue }
                if style.position != .absolute {
                    style.display = style.isFlexContainer ? .flex : .block
                    sizeAsGridCell(&style, in: boxes[container].style)
                } else if !style.isFlexContainer {
                    style.display = .block
                }
                _ = try makeBox(for: child, style: style, parent: container)
            case .document:
                continue
            }
        }
    }

    /// In a grid of `n` equal columns (laid out as a wrapping flex row), an item takes one column:
    /// 1/n of the width less its share of the gaps, never growing or shrinking.
    private func sizeAsGridCell(_ style: inout ComputedStyle, in container: ComputedStyle) {
        guard container.grid.isGrid, let columns = container.grid.columnCount, columns > 1 else { return }
        let count = Double(columns)
        let gap = container.columnGap.resolve(nil) ?? 0
        // A hundredth of a pixel less, so rounding never pushes the last column onto the next row.
        style.flexBasis = .value(px: -gap * (count - 1) / count - 0.01, percent: 100 / count)
        style.flexGrow = 0
        style.flexShrink = 0
        // The basis is a border-box width; switching sizing changes nothing else while the height is auto.
        if style.height.isAuto { style.boxSizing = .borderBox }
        style.width = .auto
    }

    /// Walks the children of `element` (a block container or an inline element inside one),
    /// adding text to the current run and block-level boxes as children of `container`.
    private mutating func buildBlockChildren(of element: Int, into container: Int, run: inout InlineRunBuilder) throws {
        for child in document.nodes[element].children {
            let node = document.nodes[child]
            switch node.kind {
            case .text(let text):
                let style = styles[element] ?? boxes[container].style
                run.append(text, style: style, opacity: opacityOfInline(element, container: container))
            case .element(let tag):
                guard var style = styles[child], style.display != .none else { continue }
                if tag == "br" {
                    run.appendLineBreak(style: style, opacity: opacityOfInline(element, container: container))
                    continue
                }
                if style.position == .absolute {
                    if !style.isFlexContainer { style.display = .block }
                    _ = try makeBox(for: child, style: style, parent: container)
                    continue
                }
                // An inline `<img>` or `<svg>` is an atomic inline, like an inline-block.
                if tag == "img" || tag == "svg", style.display == .inline { style.display = .inlineBlock }
                switch style.display {
                case .inline:
                    if let tag = node.tagName, Self.unsupportedElements.contains(tag) { warnings.add("unsupported element <\(tag)>") }
                    // `dir` on an inline element opens a bidi embedding around its text (HTML §15.3.5 asks
                    // for an isolate; an embedding is the closest control the text engine treats as invisible).
                    let embedding: Character? = switch node.attribute("dir")?.lowercased() {
                    case "rtl": "\u{202B}"
                    case "ltr": "\u{202A}"
                    default: nil
                    }
                    let inlineOpacity = opacityOfInline(child, container: container)
                    if let embedding { run.appendFormatting(embedding, style: style, opacity: inlineOpacity) }
                    let decorated = InlineBox.isDecorated(style)
                    let flushesBefore = flushCount
                    let edges = style.usedBorderWidths
                    if decorated {
                        run.appendSpace(style.margin.left.resolveOrZero(nil) + edges.left + max(0, style.padding.left.resolveOrZero(nil)), style: style)
                    }
                    let start = run.characterCount
                    addGenerated(generatedContent.before[child], of: child, into: container, run: &run)
                    try buildBlockChildren(of: child, into: container, run: &run)
                    addGenerated(generatedContent.after[child], of: child, into: container, run: &run)
                    if decorated {
                        let end = run.characterCount
                        run.appendSpace(style.margin.right.resolveOrZero(nil) + edges.right + max(0, style.padding.right.resolveOrZero(nil)), style: style)
                        if flushCount != flushesBefore {
                            warnings.add("backgrounds and borders of an inline element split by a block are not painted")
                        } else if end > start {
                            run.inlineBoxes.append(InlineBox(style: style, start: start, end: end))
                        }
                    }
                    if embedding != nil { run.appendFormatting("\u{202C}", style: style, opacity: inlineOpacity) }
                case .inlineBlock, .inlineFlex:
                    let spaceBefore = run.endsWithSpace
                    flush(&run, into: container)
                    style.display = style.display == .inlineFlex ? .flex : .block
                    let box = try makeBox(for: child, style: style, parent: container)
                    boxes[box].isAtomicInline = true
                    boxes[box].spaceBefore = spaceBefore
                case .block, .flex:
                    flush(&run, into: container)
                    _ = try makeBox(for: child, style: style, parent: container)
                case .none:
                    continue
                }
            case .document:
                continue
            }
        }
    }

    /// Opacity of text inside inline elements: the product of the inline ancestors' own, faded into the
    /// text colour (boxes get opacity groups when painted; inline elements do not).
    private func opacityOfInline(_ element: Int, container: Int) -> Double {
        var opacity = 1.0
        var current = element
        while current > 0, current != boxes[container].element, let style = styles[current] {
            opacity *= style.opacity
            current = document.nodes[current].parent
        }
        return opacity
    }

    private mutating func appendAnonymousBlock(to container: Int) -> Int {
        let index = boxes.count
        var style = ComputedStyle.inheriting(from: boxes[container].style)
        style.display = .block
        let box = LayoutBox(kind: .block, element: nil, style: style, parent: container)
        boxes.append(box)
        boxes[container].children.append(index)
        return index
    }

    /// Turns the collected inline content into a paragraph box of `container`.
    private mutating func flush(_ run: inout InlineRunBuilder, into container: Int) {
        defer { run = InlineRunBuilder() }
        flushCount += 1
        guard !run.isEmpty else { return }
        let spans = run.finish()
        guard !spans.isEmpty else { return }
        let owner = boxes[container].style
        var style = ComputedStyle.inheriting(from: owner)
        style.display = .block
        var box = LayoutBox(kind: .paragraph, element: nil, style: style, parent: container)
        box.spans = spans
        box.inlineBoxes = run.inlineBoxes
        box.spaceBefore = run.startsWithSpace
        box.paragraphStyle = ParagraphStyle(lineHeight: owner.lineHeight, align: owner.textAlign,
                                            whiteSpace: owner.whiteSpace, maxLines: owner.lineClamp)
        box.paragraphStyle.apply(owner.textFeatures)
        if run.hasForcedBreak {
            // The text was collapsed while it was collected, so the newline-keeping modes lay it out
            // the same way except that they honour the "\n" of each `<br>`.
            switch owner.whiteSpace {
            case .normal: box.paragraphStyle.whiteSpace = .preLine
            case .nowrap: box.paragraphStyle.whiteSpace = .pre
            default: break
            }
        }
        if owner.textOverflowEllipsis, owner.overflowHidden, owner.whiteSpace == .nowrap {
            // Single-line `text-overflow: ellipsis` (CSS Overflow 3 §3.1): the unwrapped line is cut to the
            // box and ends in "…".
            box.paragraphStyle.ellipsis = true
        }
        let index = boxes.count
        boxes.append(box)
        boxes[container].children.append(index)
    }
}
