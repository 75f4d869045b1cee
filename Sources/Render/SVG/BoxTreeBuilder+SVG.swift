extension BoxTreeBuilder {
    /// Makes `box` an inline `<svg>`: a replaced box with no children whose picture is parsed now
    /// and kept in the image cache under a reference no `src` can spell. The `width` and `height`
    /// attributes size it when CSS leaves the size auto (SVG 2 §8.2 maps them to the CSS
    /// properties). Returns the warnings about what the picture leaves out.
    func makeReplacedSVG(_ box: inout LayoutBox) -> Warnings {
        guard let element = box.element else { return Warnings() }
        var builder = SVGImageBuilder(document: document)
        let picture: SVGImage = builder.build(svg: element, color: box.style.color)
        let node = document.nodes[element]
        box.kind = .block
        for (attribute, isWidth) in [("width", true), ("height", false)] {
            guard let value = node.attribute(attribute).flatMap(BoxTreeBuilder.svgDimension) else { continue }
            if isWidth, box.style.width.isAuto { box.style.width = value }
            if !isWidth, box.style.height.isAuto { box.style.height = value }
        }
        let reference = "\u{0}svg \(element)"
        images.vectorImages[reference] = picture
        let natural = picture.naturalSize
        box.image = ReplacedImage(reference: reference, naturalWidth: natural.width, naturalHeight: natural.height)
        return builder.warnings
    }

    /// A `width`/`height` attribute of `<svg>`: a non-negative length in pixels or a percentage.
    private static func svgDimension(_ text: String) -> Length? {
        let trimmed = text.trimmed
        if trimmed.hasSuffix("%") {
            return SVGStyle.length(String(trimmed.dropLast())).flatMap { $0 >= 0 ? .percent($0) : nil }
        }
        return SVGStyle.length(trimmed).flatMap { $0 >= 0 && $0 <= ValueParser.largestMagnitude ? .px($0) : nil }
    }
}
