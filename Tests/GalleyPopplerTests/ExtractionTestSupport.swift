import Foundation
import GalleyCore
import GalleyPoppler
import GalleyRender

/// Builds small PDFs while the tests run (Cairo writes them, Pango sets the text) and edits their
/// page dictionaries where Cairo offers no option (rotation, an empty media box).
enum TestPDF {
    /// A fresh temporary folder for one test's files.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Draws one page of `width` × `height` points with `draw` into `name` inside `folder`.
    static func make<T>(_ folder: URL, _ name: String = "page.pdf", width: Double = 400, height: Double = 300,
                        draw: (PDFSketch) throws -> T) throws -> (path: String, drawn: T) {
        let path = folder.appendingPathComponent(name).path
        let sketch = try PDFSketch(path: path, width: width, height: height)
        let drawn = try draw(sketch)
        try sketch.finish()
        return (path, drawn)
    }

    /// Reads page 1 of `path`.
    static func content(_ path: String, page: Int = 1) throws -> PageContent {
        try PDFDocument(path: path).page(page).content()
    }

    /// Rewrites the first page dictionary of a Cairo-written PDF: `edit` receives the dictionary's text
    /// and returns the new one. The cross-reference table is rebuilt, so the file stays valid.
    static func patchFirstPage(_ path: String, _ edit: (String) -> String) throws {
        // Latin-1 keeps every byte of the binary streams as one character.
        var text = String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .isoLatin1) ?? ""
        guard let start = text.range(of: "<< /Type /Page "),
              let end = text.range(of: "endobj", range: start.upperBound..<text.endIndex) else {
            throw PatchError.noPageDictionary
        }
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: edit(String(text[start.lowerBound..<end.lowerBound])))
        try Data(rebuildXref(text).unicodeScalars.map { UInt8($0.value) }).write(to: URL(fileURLWithPath: path))
    }

    enum PatchError: Error { case noPageDictionary, noXref }

    /// The same file with its `xref` table and `startxref` recomputed from where each `N 0 obj` now starts.
    static func rebuildXref(_ text: String) throws -> String {
        let bytes = Array(text.unicodeScalars.map { UInt8($0.value) })
        guard let xrefRange = text.range(of: "\nxref\n", options: .backwards),
              let trailer = text.range(of: "trailer", range: xrefRange.upperBound..<text.endIndex),
              let startxref = text.range(of: "startxref", range: trailer.upperBound..<text.endIndex) else {
            throw PatchError.noXref
        }
        // Object offsets: "N 0 obj" at the start of a line.
        var offsets: [Int: Int] = [:]
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 10 {
            let line = String(bytes[lineStart..<min(i, lineStart + 24)].map { Character(Unicode.Scalar($0)) })
            let parts = line.split(separator: " ")
            if parts.count >= 3, parts[2].hasPrefix("obj"), parts[1] == "0", let n = Int(parts[0]) { offsets[n] = lineStart }
            lineStart = i + 1
        }
        let size = (offsets.keys.max() ?? 0) + 1
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for n in 1..<size {
            table += offsets[n].map { String(repeating: "0", count: 10 - String($0).count) + String($0) + " 00000 n \n" }
                ?? "0000000000 65535 f \n"
        }
        let head = String(text[..<xrefRange.lowerBound]) + "\n"
        let xrefOffset = head.unicodeScalars.count
        let trailerText = String(text[trailer.lowerBound..<startxref.lowerBound])
        return head + table + trailerText + "startxref\n\(xrefOffset)\n%%EOF\n"
    }

    /// `../shared/<sub>` beside the repository, or nil where it is absent.
    static func shared(_ sub: String) -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("shared").appendingPathComponent(sub)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Runs a program found on PATH; nil where it cannot be started.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, stdout: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension Rect {
    /// True where every edge is within `tolerance` points of `other`'s.
    func matches(_ other: Rect, within tolerance: Double) -> Bool {
        abs(x0 - other.x0) <= tolerance && abs(y0 - other.y0) <= tolerance
            && abs(x1 - other.x1) <= tolerance && abs(y1 - other.y1) <= tolerance
    }
}
