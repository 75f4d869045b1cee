import CFreeType
import Foundation

/// Finds font files under directories and reads each face's naming, style and metrics with FreeType.
struct FontScanner {
    /// A font file with what the font-set fingerprint hashes.
    struct FileStamp: Sendable {
        var path: String
        var size: UInt64
        var modified: Int64
    }

    private static let extensions: Set<String> = ["ttf", "otf", "ttc", "otc"]

    /// Every .ttf/.otf/.ttc file under `directories`, recursively, sorted by path so scans are stable.
    static func fontFiles(in directories: [String]) -> [FileStamp] {
        var stamps: [FileStamp] = []
        let manager = FileManager.default
        for directory in directories {
            guard let enumerator = manager.enumerator(atPath: directory) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = (directory as NSString).appendingPathComponent(relative)
                guard extensions.contains((relative as NSString).pathExtension.lowercased()),
                      let attributes = try? manager.attributesOfItem(atPath: path),
                      (attributes[.type] as? FileAttributeType) == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
                let modified = Int64((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
                stamps.append(FileStamp(path: path, size: size, modified: modified))
            }
        }
        return stamps.sorted { $0.path < $1.path }
    }

    /// Reads every face of every file; files FreeType cannot open are skipped.
    static func faces(of files: [FileStamp]) throws -> [FontFace] {
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        guard error == 0, let library else { throw TextError.freeType(function: "FT_Init_FreeType", code: error) }
        defer { FT_Done_FreeType(library) }
        var faces: [FontFace] = []
        for file in files {
            var faceCount = 1
            var index = 0
            while index < faceCount {
                var face: FT_Face?
                guard FT_New_Face(library, file.path, index, &face) == 0, let face else { break }
                faceCount = max(1, face.pointee.num_faces)
                if let described = describe(face, path: file.path, index: index) { faces.append(described) }
                FT_Done_Face(face)
                index += 1
            }
        }
        return faces
    }

    /// Naming, style and metrics of an open face; nil when it has no family name.
    static func describe(_ face: FT_Face, path: String, index: Int) -> FontFace? {
        guard let familyPointer = face.pointee.family_name else { return nil }
        let family = String(cString: familyPointer)
        let style = face.pointee.style_name.map { String(cString: $0) } ?? "Regular"
        let flags = face.pointee.face_flags
        let os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self).pointee
        let hhea = FT_Get_Sfnt_Table(face, FT_SFNT_HHEA)?.assumingMemoryBound(to: TT_HoriHeader.self).pointee
        let head = FT_Get_Sfnt_Table(face, FT_SFNT_HEAD)?.assumingMemoryBound(to: TT_Header.self).pointee

        var weight = Int(os2?.usWeightClass ?? 0)
        if weight == 0 { weight = style.lowercased().contains("bold") ? 700 : 400 }
        // Some old fonts store weight classes 1–9; scale them to the CSS range.
        if weight < 10 { weight *= 100 }
        let width = Int(os2?.usWidthClass ?? 5)
        let italic = (face.pointee.style_flags & FreeType.styleItalic) != 0
        let isColorBitmap = (flags & FreeType.faceColor) != 0 && (flags & FreeType.faceScalable) == 0

        let unitsPerEm = Int(face.pointee.units_per_EM != 0 ? face.pointee.units_per_EM : head?.Units_Per_EM ?? 0)
        var ascender = Int(hhea?.Ascender ?? face.pointee.ascender)
        var descender = Int(hhea?.Descender ?? face.pointee.descender)
        var lineGap = Int(hhea?.Line_Gap ?? 0)
        if ascender == 0 && descender == 0 {
            ascender = Int(face.pointee.ascender)
            descender = Int(face.pointee.descender)
            lineGap = Int(face.pointee.height) - (ascender - descender)
        }
        // Skia prefers the OS/2 typo metrics when the font sets USE_TYPO_METRICS (fsSelection bit 7).
        if let os2, os2.version != 0xFFFF, (os2.fsSelection & (1 << 7)) != 0 {
            ascender = Int(os2.sTypoAscender)
            descender = Int(os2.sTypoDescender)
            lineGap = Int(os2.sTypoLineGap)
        }
        return FontFace(path: path, index: index, family: family, style: style, weight: weight,
                        widthClass: (1...9).contains(width) ? width : 5, italic: italic,
                        isColorBitmap: isColorBitmap, unitsPerEm: unitsPerEm,
                        ascender: ascender, descender: descender, lineGap: lineGap)
    }
}
