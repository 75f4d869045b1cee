import HTTPServer
import Store

/// A render ready to be sent from memory: its file held open and its header fields encoded once.
///
/// Immutable, so one instance is shared by every event loop; the file stays open while any response
/// still being written holds it.
final class HotRender: Sendable {
    /// The render the file and headers were made for.
    let stored: StoredRender
    let file: OpenFile
    /// The quoted strong entity tag.
    let etag: String
    /// The fields of a `200` (and of the `200` a HEAD describes).
    let okHeaders: HTTPHeaders
    /// The fields of a `304`: validators and caching only.
    let notModifiedHeaders: HTTPHeaders
    /// The store's sweep generation read before the file was opened.
    let generation: UInt64

    init(render: StoredRender, file: OpenFile, generation: UInt64) {
        self.stored = render
        self.file = file
        self.generation = generation
        etag = RendersHandler.etag(of: render)
        okHeaders = RendersHandler.okHeaders(for: render, etag: etag).prepared()
        notModifiedHeaders = RendersHandler.notModifiedHeaders(etag: etag).prepared()
    }

    /// Whether this is the file and metadata of `stored`: a render made again (same key, new file
    /// renamed over the old one) has another creation time, so it never gets the old file or headers.
    func serves(_ stored: StoredRender) -> Bool {
        self.stored.created == stored.created && self.stored.byteCount == stored.byteCount
            && self.stored.contentDigest == stored.contentDigest && self.stored.path == stored.path
    }
}
