import Foundation

// The canonical form, schema version 1:
//   {"format":"png","height":630,"quality":80,"renderer":"…","source":{…},"v":1,"width":1200}
// `quality` is omitted when nil. A template source is
//   {"digest":"…","id":"…","kind":"template","variables":{"name":"value",…}}
// and an HTML source is {"html":"…","kind":"html"}.
extension RenderSpec {
    /// The schema version written as `"v"`; bump it when the form changes so old keys stay distinct.
    static let canonicalVersion = 1

    /// Canonical JSON: sorted keys, no insignificant whitespace, NFC-normalized variable values.
    public func canonicalBytes() -> [UInt8] {
        var json = CanonicalJSON(capacity: 256 + estimatedSourceBytes)
        // Members go out in sorted key order: format, height, quality, renderer, source, v, width.
        json.beginObject()
        json.key("format")
        json.string(format.rawValue)
        json.key("height")
        json.integer(height)
        if let quality {
            json.key("quality")
            json.integer(quality)
        }
        json.key("renderer")
        json.string(rendererVersion)
        json.key("source")
        json.beginObject()
        switch source {
        case .template(let id, let digest, let variables):
            json.key("digest")
            json.string(digest)
            json.key("id")
            json.string(id)
            json.key("kind")
            json.string("template")
            json.key("variables")
            json.beginObject()
            for name in CanonicalJSON.sortedKeys(variables) {
                json.key(name)
                // `init` normalizes already; this covers a source assigned afterwards.
                json.string(Source.nfc(variables[name]!))
            }
            json.endObject()
        case .html(let html):
            json.key("html")
            json.string(html)
            json.key("kind")
            json.string("html")
        }
        json.endObject()
        json.key("v")
        json.integer(Self.canonicalVersion)
        json.key("width")
        json.integer(width)
        json.endObject()
        return json.bytes
    }

    /// Roughly how many bytes the source adds, so the buffer is allocated once.
    private var estimatedSourceBytes: Int {
        switch source {
        case .template(let id, let digest, let variables):
            variables.reduce(id.utf8.count + digest.utf8.count) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 }
        case .html(let html):
            html.utf8.count
        }
    }

    /// Decodes canonical bytes (as stored in the index) back into a spec.
    /// - Throws: `StoreError.invalidSpec` when the bytes are not JSON of this schema or not in canonical
    ///   form (re-encoding must give the same bytes, so a stored spec always maps to its own key).
    public init(canonicalBytes: [UInt8]) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(canonicalBytes), options: [])
        } catch {
            throw StoreError.invalidSpec("spec is not JSON")
        }
        guard let root = object as? [String: Any] else { throw StoreError.invalidSpec("spec is not an object") }
        guard Self.integer(root["v"]) == Self.canonicalVersion else {
            throw StoreError.invalidSpec("unsupported spec version")
        }
        guard let width = Self.integer(root["width"]) else { throw StoreError.invalidSpec("width") }
        guard let height = Self.integer(root["height"]) else { throw StoreError.invalidSpec("height") }
        guard let formatName = root["format"] as? String, let format = ImageFormat(rawValue: formatName) else {
            throw StoreError.invalidSpec("format")
        }
        guard let renderer = root["renderer"] as? String else { throw StoreError.invalidSpec("renderer") }
        var quality: Int?
        if let value = root["quality"] {
            guard let number = Self.integer(value) else { throw StoreError.invalidSpec("quality") }
            quality = number
        }
        guard let sourceObject = root["source"] as? [String: Any] else { throw StoreError.invalidSpec("source") }
        let source: Source
        switch sourceObject["kind"] as? String {
        case "template":
            guard let id = sourceObject["id"] as? String,
                let digest = sourceObject["digest"] as? String,
                let variables = sourceObject["variables"] as? [String: String]
            else { throw StoreError.invalidSpec("template source") }
            source = .template(id: id, digest: digest, variables: variables)
        case "html":
            guard let html = sourceObject["html"] as? String else { throw StoreError.invalidSpec("html source") }
            source = .html(html)
        default:
            throw StoreError.invalidSpec("source kind")
        }
        self.init(
            source: source, width: width, height: height, format: format, quality: quality,
            rendererVersion: renderer)
        guard self.canonicalBytes() == canonicalBytes else {
            throw StoreError.invalidSpec("spec is not in canonical form")
        }
    }

    /// A JSON number as `Int`. Booleans, fractions and out-of-range numbers come out as some integer
    /// here, but then fail the canonical re-encoding check, so they are still rejected.
    private static func integer(_ value: Any?) -> Int? {
        (value as? NSNumber)?.intValue
    }
}
