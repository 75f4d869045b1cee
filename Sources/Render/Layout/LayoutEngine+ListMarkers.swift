/// Places outside list markers (CSS Lists 3 §3.3) the way Chromium's `ListMarker` does.
extension LayoutEngine {
    /// Markers were laid out as absolute boxes at their static position, the start of the item's
    /// content, with frames still relative to the item. A text marker ("1. ") ends at the content
    /// start; a disc, circle or square is a square of about a third of the ascent, hung
    /// `ascent × 2/3 + 7` pixels before it. Both sit on the baseline of the item's first line.
    mutating func placeListMarkers() {
        for index in boxes.indices where boxes[index].isListMarker {
            let item = boxes[index].parent
            let style = boxes[index].style
            let ascent = text.metrics(for: style.font).ascent.rounded()
            let contentX = boxes[index].frame.x
            let baseline = firstBaseline(in: item, skipping: index) ?? boxes[index].frame.y + ascent
            if style.list.type == .decimal {
                let paragraph = boxes[index].children.first { boxes[$0].kind == .paragraph }
                let spans = paragraph.map { boxes[$0].spans } ?? []
                let width = text.advance(of: spans)
                let markerBaseline = paragraph.flatMap { boxes[$0].paragraph?.firstBaseline } ?? ascent
                boxes[index].frame.x = contentX - width
                boxes[index].frame.width = max(boxes[index].frame.width, width)
                boxes[index].frame.y = baseline - markerBaseline
            } else {
                let twoThirds = (ascent * 2 / 3).rounded(.down)
                let size = ((twoThirds + 1) / 2).rounded(.down)
                boxes[index].frame.x = contentX - twoThirds - 7
                boxes[index].frame.y = baseline - ascent + (3 * (ascent - twoThirds) / 2).rounded(.down)
                boxes[index].frame.width = size
                boxes[index].frame.height = size
            }
        }
    }

    /// The baseline of the first line inside `index`, relative to its border box; nil without text.
    private func firstBaseline(in index: Int, skipping marker: Int) -> Double? {
        for child in boxes[index].children where child != marker && !boxes[child].isOutOfFlow {
            let frame = boxes[child].frame
            if boxes[child].kind == .paragraph, let paragraph = boxes[child].paragraph, !paragraph.lines.isEmpty {
                return frame.y + boxes[child].contentBox.y - frame.y + paragraph.firstBaseline
            }
            if let inner = firstBaseline(in: child, skipping: marker) { return frame.y + inner }
        }
        return nil
    }
}
