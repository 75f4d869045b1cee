// swift-tools-version:6.0
import PackageDescription

/// A `.systemLibrary` adapter for a Debian C library found through pkg-config.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt([apt])])
}

let package = Package(
    name: "ogpress",
    products: [
        .executable(name: "ogpress", targets: ["ogpress"]),
    ],
    targets: [
        // C adapters.
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("CCrypto", pkgConfig: "libcrypto", apt: "libssl-dev"),
        systemLibrary("CFreeType", pkgConfig: "freetype2", apt: "libfreetype-dev"),
        systemLibrary("CHarfBuzz", pkgConfig: "harfbuzz", apt: "libharfbuzz-dev"),
        systemLibrary("CPNG", pkgConfig: "libpng", apt: "libpng-dev"),
        systemLibrary("CJPEG", pkgConfig: "libjpeg", apt: "libjpeg62-turbo-dev"),
        systemLibrary("CWebP", pkgConfig: "libwebp", apt: "libwebp-dev"),
        // Text: fontconfig answers what the CSS generic families mean, as it does for Chromium on Linux.
        systemLibrary("CFontconfig", pkgConfig: "fontconfig", apt: "libfontconfig-dev"),
        .target(name: "CLinuxShims"),
        // png_writer.c calls zlib (deflate, crc32) itself rather than through libpng.
        .target(name: "CImageShims", dependencies: ["CPNG", "CJPEG"], linkerSettings: [.linkedLibrary("z")]),
        // Text: ICU (libicu-dev) for UAX #14 line breaks and UAX #9 bidi, as Chromium uses. A C target
        // rather than a system library: Foundation's own ICU headers clash with the system ones in Swift.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc")]),

        // Libraries, leaves first.
        .target(name: "HTTPServer", dependencies: ["CLinuxShims"]),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Store", dependencies: ["SQLite", "CCrypto"]),
        .target(name: "Render", dependencies: ["CFreeType", "CHarfBuzz", "CPNG", "CJPEG", "CWebP", "CImageShims", "CICU", "CFontconfig"]),
        .target(name: "OGServer", dependencies: ["HTTPServer", "Render", "Store"]),
        .executableTarget(name: "ogpress", dependencies: ["OGServer", "CLinuxShims"]),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "RenderTests", dependencies: ["Render"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OGServerTests", dependencies: ["OGServer", "HTTPServer", "Store", "Render"]),
    ],
    swiftLanguageModes: [.v6]
)
