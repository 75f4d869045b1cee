import Synchronization

/// The fonts under a `FontConfiguration`: every face's description, lazily parsed HarfBuzz faces and
/// cmaps, font matching results and the rasterized glyph cache. One catalogue is shared by every
/// `TextEngine` of a process for the same directories and font files; all mutable state sits behind mutexes.
final class FontCatalogue: Sendable {
    let faces: [FontFace]
    /// FNV-1a 64 of the sorted font files' paths, sizes and modification times, as 16 hex digits.
    let fingerprint: String
    /// Rasterized glyphs shared by every engine using this catalogue.
    let glyphCache = GlyphCache()

    /// Lowercased family name → indices into `faces`.
    let facesByFamily: [String: [Int]]
    /// Family order tried for characters no requested family covers (see `FontCatalogue+Fallback`).
    let fallbackFamilies: [String]
    /// What each CSS generic family means here, in preference order (see `FontCatalogue+Matching`).
    let genericFamilies: [String: [String]]

    private let harfBuzzFaces = Mutex<[Int: HarfBuzzFace]>([:])
    private let coverages = Mutex<[Int: CharacterCoverage]>([:])
    let matchCache = Mutex<[MatchKey: [ResolvedFont]]>([:])
    let fallbackCache = Mutex<[FallbackKey: String?]>([:])

    private static let registry = Mutex<[String: FontCatalogue]>([:])

    /// The catalogue for `configuration`, scanning the directories only when their font files changed.
    static func shared(for configuration: FontConfiguration) throws -> FontCatalogue {
        let files = FontScanner.fontFiles(in: configuration.directories)
        let fingerprint = fingerprint(of: files)
        let key = configuration.directories.joined(separator: "\u{0}") + "\u{0}" + fingerprint
        if let cached = registry.withLock({ $0[key] }) { return cached }
        let faces = try FontScanner.faces(of: files)
        guard !faces.isEmpty else { throw TextError.noFonts(directories: configuration.directories) }
        let catalogue = FontCatalogue(faces: faces, fingerprint: fingerprint)
        return registry.withLock { registry in
            if let raced = registry[key] { return raced }
            registry[key] = catalogue
            return catalogue
        }
    }

    init(faces: [FontFace], fingerprint: String) {
        self.faces = faces
        self.fingerprint = fingerprint
        var byFamily: [String: [Int]] = [:]
        for (index, face) in faces.enumerated() { byFamily[face.family.lowercased(), default: []].append(index) }
        facesByFamily = byFamily
        let families = Set(faces.map(\.family))
        fallbackFamilies = Self.fallbackOrder(families: families)
        genericFamilies = Self.genericOrder(families: families, fontconfig: { Fontconfig.families(for: $0) })
    }

    /// The shared HarfBuzz face for `faceIndex`, parsed on first use.
    func harfBuzzFace(_ faceIndex: Int) -> HarfBuzzFace? {
        if let face = harfBuzzFaces.withLock({ $0[faceIndex] }) { return face }
        let description = faces[faceIndex]
        guard let face = HarfBuzzFace(path: description.path, index: description.index) else { return nil }
        return harfBuzzFaces.withLock { cache in
            if let raced = cache[faceIndex] { return raced }
            cache[faceIndex] = face
            return face
        }
    }

    /// The scalars `faceIndex` covers, read from its cmap on first use.
    func coverage(ofFace faceIndex: Int) -> CharacterCoverage {
        if let coverage = coverages.withLock({ $0[faceIndex] }) { return coverage }
        let coverage = harfBuzzFace(faceIndex)?.coverage() ?? CharacterCoverage(ranges: [])
        coverages.withLock { $0[faceIndex] = coverage }
        return coverage
    }

    /// Whether `faceIndex` has a glyph for every scalar of `cluster` that needs one.
    func covers(_ faceIndex: Int, cluster: Character) -> Bool {
        let coverage = coverage(ofFace: faceIndex)
        return cluster.unicodeScalars.allSatisfy { TextCharacters.isDefaultIgnorable($0) || coverage.contains($0.value) }
    }

    /// FNV-1a 64 over each file's path, size and modification time, separated by NULs.
    static func fingerprint(of files: [FontScanner.FileStamp]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0) &* 0x0000_0100_0000_01b3
        }
        for file in files {
            mix(file.path)
            mix(String(file.size))
            mix(String(file.modified))
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
