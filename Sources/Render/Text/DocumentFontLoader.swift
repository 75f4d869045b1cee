import CFreeType

/// Loads a document's `@font-face` rules into faces for one render.
///
/// Data comes from `data:` URIs or files under the asset root, through `ImageLoader`'s rules (no `..`,
/// no absolute paths, no network); `local()` names installed faces. Each face is checked by opening it
/// with FreeType and HarfBuzz before it is used, so a malformed font becomes a warning and the
/// document's text falls back to the next family, never a crash. WOFF and WOFF2 are unpacked by
/// FreeType (built here with zlib and brotli) and handed to HarfBuzz as the plain sfnt they contain.
struct DocumentFontLoader {
    /// At most this many faces per document; later rules are ignored with a warning.
    static let maximumFaces = 10
    /// Largest font file accepted, before and after unpacking WOFF.
    static let maximumBytes = 5_000_000

    let catalogue: FontCatalogue
    let files: ImageLoader
    private(set) var warnings: [String] = []

    /// - Parameter assets: the loader whose root `url(path)` sources resolve in; its size limit is
    ///   replaced by `maximumBytes`.
    init(catalogue: FontCatalogue, assets: ImageLoader) {
        self.catalogue = catalogue
        files = ImageLoader(root: assets.root, limits: ImageLoader.Limits(maximumEncodedBytes: Self.maximumBytes))
    }

    /// The faces of `rules` that load, in rule order.
    mutating func load(_ rules: [FontFaceRule]) -> [DocumentFont] {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            warnings.append("@font-face rules ignored: FreeType could not start")
            return []
        }
        defer { FT_Done_FreeType(library) }
        if rules.count > Self.maximumFaces {
            warnings.append("only the first \(Self.maximumFaces) @font-face rules are loaded")
        }
        var fonts: [DocumentFont] = []
        for rule in rules.prefix(Self.maximumFaces) {
            var loaded: DocumentFont?
            var problems: [String] = []
            for source in rule.sources where loaded == nil {
                do {
                    loaded = try load(source, rule: rule, library: library)
                } catch let error as FontLoadError {
                    problems.append(error.message)
                } catch {
                    problems.append(String(describing: error))
                }
            }
            if let loaded {
                fonts.append(loaded)
            } else {
                warnings.append("@font-face '\(rule.family)' not loaded (\(problems.joined(separator: "; "))); falling back")
            }
        }
        return fonts
    }

    private struct FontLoadError: Error {
        var message: String
    }

    private func load(_ source: FontFaceRule.Source, rule: FontFaceRule, library: FT_Library) throws -> DocumentFont {
        switch source {
        case .local(let name):
            guard let index = localFace(named: name), let harfBuzz = catalogue.harfBuzzFace(index) else {
                throw FontLoadError(message: "no installed face named '\(name)'")
            }
            let face = catalogue.faces[index]
            var axes: [VariationAxis] = []
            var opened: FT_Face?
            if FT_New_Face(library, face.path, face.index, &opened) == 0, let opened {
                axes = VariationAxis.axes(of: opened, library: library)
                FT_Done_Face(opened)
            }
            return DocumentFont(rule: rule, description: face, storage: .file(path: face.path, index: face.index),
                                harfBuzz: harfBuzz, axes: axes)
        case .url(let reference, let format):
            if let format, !["truetype", "opentype", "woff", "woff2", "collection"].contains(format) {
                throw FontLoadError(message: "format '\(format)' is not supported")
            }
            let bytes: [UInt8]
            do {
                bytes = try files.bytes(for: reference)
            } catch {
                throw FontLoadError(message: "\(error)")
            }
            return try load(bytes, rule: rule, library: library)
        }
    }

    /// Opens `bytes` with FreeType, unpacks WOFF/WOFF2 to an sfnt, and checks HarfBuzz can read it.
    private func load(_ bytes: [UInt8], rule: FontFaceRule, library: FT_Library) throws -> DocumentFont {
        var data = FontData(bytes)
        var face = try open(data, library: library)
        defer { FT_Done_Face(face) }
        if bytes.starts(with: Array("wOFF".utf8)) || bytes.starts(with: Array("wOF2".utf8)) {
            // Tag 0 reads the whole font stream, which for WOFF is the sfnt FreeType unpacked.
            var length: FT_ULong = 0
            guard FT_Load_Sfnt_Table(face, 0, 0, nil, &length) == 0, length > 0, length <= FT_ULong(Self.maximumBytes) else {
                throw FontLoadError(message: "WOFF data could not be unpacked within \(Self.maximumBytes) bytes")
            }
            var sfnt = [UInt8](repeating: 0, count: Int(length))
            let status = sfnt.withUnsafeMutableBufferPointer { FT_Load_Sfnt_Table(face, 0, 0, $0.baseAddress, &length) }
            guard status == 0 else { throw FontLoadError(message: "WOFF data could not be unpacked") }
            let unpacked = FontData(sfnt)
            let reopened = try open(unpacked, library: library)
            FT_Done_Face(face)
            face = reopened
            data = unpacked
        }
        guard (face.pointee.face_flags & FreeType.faceScalable) != 0, face.pointee.num_glyphs > 0,
              let description = FontScanner.describe(face, path: "", index: 0) else {
            throw FontLoadError(message: "not a scalable font with glyphs")
        }
        guard let harfBuzz = HarfBuzzFace(data: data, index: 0) else {
            throw FontLoadError(message: "font tables could not be read")
        }
        return DocumentFont(rule: rule, description: description, storage: .memory(data), harfBuzz: harfBuzz,
                            axes: VariationAxis.axes(of: face, library: library))
    }

    private func open(_ data: FontData, library: FT_Library) throws -> FT_Face {
        var face: FT_Face?
        let error = FT_New_Memory_Face(library, data.bytes.baseAddress?.assumingMemoryBound(to: FT_Byte.self),
                                       FT_Long(data.count), 0, &face)
        guard error == 0, let face else { throw FontLoadError(message: "malformed font data (FreeType error \(error))") }
        return face
    }

    /// The installed face whose full name ("Inter Bold"), PostScript-style name ("Inter-Bold") or, for
    /// regular faces, family name is `name`, compared without case, spaces or hyphens.
    private func localFace(named name: String) -> Int? {
        func normalized(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let wanted = normalized(name)
        guard !wanted.isEmpty else { return nil }
        if let index = catalogue.faces.firstIndex(where: { normalized($0.family + $0.style) == wanted }) { return index }
        return catalogue.faces.firstIndex { normalized($0.family) == wanted && ["regular", "normal", "book"].contains($0.style.lowercased()) }
    }
}
