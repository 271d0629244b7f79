// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Galley",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .library(name: "GalleyCore", targets: ["GalleyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, found with pkg-config. Only the adapter targets import them.
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // poppler's core C++ library, for the vector paths poppler-glib does not expose.
        .systemLibrary(
            name: "CPopplerCore", pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]),
        // A small C interface over it: the fills, strokes and images of a page (C++ inside).
        .target(name: "CPopplerPaths", dependencies: ["CPopplerCore"]),

        // The pure-Swift layout core: page content in, articles out. Imports no C module.
        .target(name: "GalleyCore"),
        // Reads PDFs with poppler-glib into the core's PageContent.
        .target(name: "GalleyPoppler", dependencies: ["GalleyCore", "CPoppler", "CPopplerPaths"]),
        // Draws overlays and typesets printable articles with Cairo and Pango.
        .target(name: "GalleyRender", dependencies: ["GalleyCore", "GalleyPoppler", "CPangoCairo"]),
        .executableTarget(
            name: "galley",
            dependencies: [
                "GalleyCore", "GalleyPoppler", "GalleyRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "GalleyCoreTests", dependencies: ["GalleyCore"]),
        .testTarget(
            name: "GalleyPopplerTests",
            dependencies: ["GalleyCore", "GalleyPoppler", "GalleyRender"]),
        .testTarget(
            name: "GalleyRenderTests",
            dependencies: ["GalleyCore", "GalleyPoppler", "GalleyRender"]),
        .testTarget(name: "GalleyCLITests", dependencies: ["galley"]),
    ]
)
