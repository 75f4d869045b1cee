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
        var members: [String: CanonicalJSON] = [
            "v": .integer(Self.canonicalVersion),
            "width": .integer(width),
            "height": .integer(height),
            "format": .string(format.rawValue),
            "renderer": .string(rendererVersion),
        ]
        if let quality { members["quality"] = .integer(quality) }
        switch source.normalized() {
        case .template(let id, let digest, let variables):
            members["source"] = .object([
                "kind": .string("template"),
                "id": .string(id),
                "digest": .string(digest),
                "variables": .object(variables.mapValues { .string($0) }),
            ])
        case .html(let html):
            members["source"] = .object(["kind": .string("html"), "html": .string(html)])
        }
        return CanonicalJSON.object(members).bytes()
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
