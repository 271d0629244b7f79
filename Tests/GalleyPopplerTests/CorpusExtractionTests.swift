import Foundation
import GalleyCore
import GalleyPoppler
import Testing

/// Extraction over the team's real pages (`../shared/devset`, `../shared/corpus`); skipped with a
/// message where they are absent.
@Suite struct CorpusExtractionTests {
    static func pdfs(in sub: String) -> [URL] {
        guard let folder = TestPDF.shared(sub),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Non-space characters `pdftotext -raw` prints for one page.
    static func pdftotextCount(_ url: URL, page: Int) -> Int? {
        guard let out = TestPDF.run("pdftotext", ["-raw", "-f", "\(page)", "-l", "\(page)", url.path, "-"]),
              out.status == 0 else { return nil }
        return out.stdout.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    }

    @Test(arguments: ["devset", "corpus"])
    func everyPageReadsAndCountsAgreeWithPdftotext(_ sub: String) throws {
        let files = Self.pdfs(in: sub)
        guard !files.isEmpty else {
            print("SKIPPED: ../shared/\(sub) is absent; no real pages to read")
            return
        }
        guard TestPDF.run("pdftotext", ["-v"]) != nil else {
            print("SKIPPED: pdftotext (poppler-utils) is not installed")
            return
        }
        var pages = 0
        for url in files {
            let document = try PDFDocument(path: url.path)
            #expect(document.pageCount >= 1)
            for n in 1...document.pageCount {
                let page = try document.page(n).content()
                pages += 1
                #expect(page.width > 0 && page.height > 0)
                for g in page.glyphs {
                    #expect(!g.text.isEmpty && g.size > 0 && g.box.width >= 0 && g.box.height >= 0,
                            "\(url.lastPathComponent) p\(n): bad glyph \(g)")
                }
                guard let expected = Self.pdftotextCount(url, page: n) else { continue }
                let tolerance = max(2.0, 0.02 * Double(expected))
                #expect(abs(Double(page.glyphs.count - expected)) <= tolerance,
                        "\(url.lastPathComponent) page \(n): \(page.glyphs.count) glyphs, pdftotext -raw \(expected)")
                if expected == 0 && page.images.contains(where: { $0.box.area > 0.5 * page.width * page.height }) {
                    #expect(page.warnings.contains { $0.contains("no text layer") && $0.contains("OCR") })
                }
            }
        }
        print("\(sub): read \(pages) pages of \(files.count) files")
    }

    /// The Chinese devset pages' ground truth marks vertical headlines; `vertical` must mark the glyphs
    /// of exactly those lines (matched by text), and nothing else.
    @Test func verticalMarksMatchGroundTruth() throws {
        let files = Self.pdfs(in: "devset").filter { $0.lastPathComponent.hasPrefix("zh-") }
        guard !files.isEmpty else {
            print("SKIPPED: ../shared/devset is absent")
            return
        }
        struct Truth: Decodable {
            struct Article: Decodable { var lines: [Line] }
            struct Line: Decodable { var text: String; var vertical: Bool? }
            var articles: [Article]
        }
        for url in files {
            let truthURL = url.deletingPathExtension().appendingPathExtension("json")
            guard let data = try? Data(contentsOf: truthURL) else { continue }
            let truth = try JSONDecoder().decode(Truth.self, from: data)
            let expected = truth.articles.flatMap(\.lines).filter { $0.vertical == true }.map(\.text).joined()
            let page = try PDFDocument(path: url.path).page(1).content(findRules: false)
            let marked = page.glyphs.filter(\.vertical).sorted { ($0.box.x0, $0.box.y0) < ($1.box.x0, $1.box.y0) }
            let expectedSet = expected.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).sorted()
            #expect(marked.map(\.text).sorted() == expectedSet,
                    "\(url.lastPathComponent): marked \(marked.map(\.text).joined()), ground truth \(expected)")
        }
    }
}
