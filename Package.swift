// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Galley",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .executable(name: "galley-render", targets: ["galley-render"]),
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
        // poppler's core C++ library: what reading a PDF needs, without Cairo or GLib.
        .systemLibrary(
            name: "CPopplerCore", pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]),
        // A small C interface over it: open a document, read a page's glyphs, fills, strokes and
        // images in one pass (C++ inside).
        .target(name: "CPopplerReader", dependencies: ["CPopplerCore"]),

        // The pure-Swift layout core: page content in, articles out. Imports no C module.
        .target(name: "GalleyCore"),
        // Reads PDFs with poppler's core library into the core's PageContent.
        .target(name: "GalleyPoppler", dependencies: ["GalleyCore", "CPopplerReader"]),
        // Draws pages (poppler-glib), overlays and printable articles (Cairo and Pango).
        .target(name: "GalleyRender", dependencies: ["GalleyCore", "GalleyPoppler", "CPoppler", "CPangoCairo"]),
        // The command line: every subcommand's arguments, and the reading ones (articles, inspect,
        // eval) carried out. Links no drawing library.
        .target(
            name: "GalleyCommands",
            dependencies: [
                "GalleyCore", "GalleyPoppler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // `galley`: starts fast (poppler's core library only); hands overlay, print and make-samples
        // to `galley-render`.
        .executableTarget(name: "galley", dependencies: ["GalleyCommands"]),
        // `galley-render`: the same command line, with the drawing subcommands carried out
        // (Cairo, Pango, poppler-glib).
        .executableTarget(
            name: "galley-render",
            dependencies: [
                "GalleyCommands", "GalleyCore", "GalleyPoppler", "GalleyRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "GalleyCoreTests", dependencies: ["GalleyCore"]),
        .testTarget(
            name: "GalleyPopplerTests",
            dependencies: ["GalleyCore", "GalleyPoppler", "GalleyRender"]),
        .testTarget(
            name: "GalleyRenderTests",
            dependencies: ["GalleyCore", "GalleyPoppler", "GalleyRender"]),
        .testTarget(name: "GalleyCLITests", dependencies: ["galley", "galley-render"]),
    ]
)
