import Foundation
import Testing

/// PDFs built here for the failures scripts/fuzz.sh found, and for the resource guard.
enum FuzzPDF {
    /// A one-page document whose page content is `stream` (font /F1 is Helvetica).
    static func page(_ stream: String, mediaBox: String = "0 0 400 300") -> Data {
        RawPDF.data([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            RawPDF.page(contents: 5, mediaBox: mediaBox),
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ])
    }

    /// `count` glyphs on one baseline, each set apart from the last by `step` points (a page wide enough).
    static func oneLine(_ count: Int, step: Double) -> Data {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var s = "BT /F1 10 Tf "
        for i in 0..<count { s += "1 0 0 1 \(10 + Double(i) * step) 200 Tm (\(letters[i % 26])) Tj " }
        return page(s + "ET", mediaBox: "0 0 \(Int(20 + Double(count) * step)) 400")
    }

    /// `count` glyphs drawn at one spot.
    static func oneSpot(_ count: Int) -> Data {
        page("BT /F1 10 Tf " + String(repeating: "1 0 0 1 200 150 Tm (x) Tj ", count: count) + "ET")
    }
}

@Suite("galley: failures found by scripts/fuzz.sh stay fixed")
struct FuzzRegressionTests {
    /// Runs `arguments` on `data` (as in.pdf) in a fresh folder; returns the result and the folder's files.
    func run(_ arguments: [String], on data: Data) throws -> (status: Int32, stdout: String, stderr: String, seconds: Double) {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try data.write(to: folder.appendingPathComponent("in.pdf"))
        let start = Date()
        let r = try CLIRunner.run(arguments, directory: folder)
        return (r.status, r.stdout, r.stderr, Date().timeIntervalSince(start))
    }

    @Test("a document whose page tree holds no page is damaged: exit 2 with one galley: line, not exit 0 and no output")
    func noPageIsDamaged() throws {
        // Found as overlay exiting 0 without writing a file (a /Root pointing elsewhere, a /Count of -1).
        let empty = RawPDF.data(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"])
        for arguments in [["articles", "in.pdf"], ["overlay", "in.pdf", "-o", "o.png"],
                          ["print", "in.pdf", "--article", "p1-a1", "-o", "p.pdf"], ["inspect", "in.pdf"]] {
            let r = try run(arguments, on: empty)
            #expect(r.status == 2, "\(arguments[0]): exit \(r.status): \(r.stderr)")
            #expect(r.stderr == "galley: error: in.pdf: the PDF is damaged or truncated (no page can be found in it)\n",
                    "\(arguments[0]): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments[0]): \(r.stdout.prefix(200))")
        }
    }

    @Test("50,000 glyphs on one line, or at one spot, are read and laid out in seconds, not minutes")
    func longLineAndOneSpotAreNotQuadratic() throws {
        // Found as hangs: duplicate removal compared a line's runs pairwise, the gutter finder every chain
        // with every gap. (Before the fix the one line took over 60 s here; a debug build now takes 2 to 5.)
        for (name, data) in [("one line", FuzzPDF.oneLine(50_000, step: 0.1)), ("one spot", FuzzPDF.oneSpot(50_000))] {
            let r = try run(["articles", "in.pdf"], on: data)
            #expect(r.status == 0, "\(name): exit \(r.status): \(r.stderr.prefix(300))")
            #expect(r.seconds < 45, "\(name): \(r.seconds) s")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            #expect(json?["pages"] as? [Any] != nil, "\(name): \(r.stdout.prefix(200))")
        }
        // One spot: the copies drawn over each other are one glyph.
        let spot = try run(["inspect", "in.pdf"], on: FuzzPDF.oneSpot(50_000))
        #expect(spot.stdout.contains("1 glyphs") || spot.stdout.contains("1 glyph,"), "\(spot.stdout.prefix(300))")
    }

    @Test("words spaced wide along two long lines (thousands of gaps in one band) do not make the gutter finder quadratic")
    func manyGapsInABand() throws {
        var s = "BT /F1 10 Tf "
        for row in 0..<2 {
            for i in 0..<10_000 { s += "1 0 0 1 \(10 + i * 19) \(200 - row * 12) Tm (ab) Tj " }
        }
        let r = try run(["articles", "in.pdf"], on: FuzzPDF.page(s + "ET", mediaBox: "0 0 190100 400"))
        #expect(r.status == 0, "exit \(r.status): \(r.stderr.prefix(300))")
        #expect(r.seconds < 30, "\(r.seconds) s")
    }

    @Test("text lost to damage is reported as a damaged page, not as a page without text")
    func damagedPageIsNotTextless() throws {
        // An unknown font and unbalanced operators: poppler reports syntax errors and no glyph comes out.
        let r = try run(["articles", "in.pdf"], on: FuzzPDF.page("BT /F9 12 Tf 40 100 Td (Lost) Tj ET ) ]] >>"))
        #expect(r.stderr.contains("galley: warning: page 1 is damaged: its content could not be read ("), "\(r.stderr)")
        #expect(!r.stderr.contains("has no text"), "\(r.stderr)")
        // A page that draws only a line, without damage, still has no text.
        let blank = try run(["articles", "in.pdf"], on: FuzzPDF.page("0 0 m 10 0 l S"))
        #expect(blank.stderr == "galley: warning: page 1 has no text\n", "\(blank.stderr)")
    }
}

@Suite("galley: the resource guard (--page-timeout, --max-glyphs)")
struct ResourceGuardTests {
    /// Two pages: the first with 3 glyphs, the second with 2,000.
    static let smallAndLarge = RawPDF.data([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        RawPDF.page(contents: 5), RawPDF.text("One"),
        RawPDF.page(contents: 7, mediaBox: "0 0 2000 300"),
        RawPDF.text(String(repeating: "abcd ", count: 500), at: (10, 100)),
    ])

    func folder(with data: Data) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        try data.write(to: folder.appendingPathComponent("in.pdf"))
        return folder
    }

    @Test("articles skips a page with more glyphs than --max-glyphs with one line, outputs the other and exits 1")
    func articlesSkipsAPageOverTheGlyphLimit() throws {
        let folder = try folder(with: Self.smallAndLarge)
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["articles", "in.pdf", "--max-glyphs", "100"], ["articles", "in.pdf", "--max-glyphs=100"]] {
            let r = try CLIRunner.run(arguments, directory: folder)
            #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
            #expect(r.stderr == "galley: page 2: skipped: it has more than 100 glyphs (--max-glyphs)\n", "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let pages = json?["pages"] as? [[String: Any]] ?? []
            #expect(pages.last?["warnings"] as? [String] == ["page 2 skipped: it has more than 100 glyphs (--max-glyphs)"])
            #expect(r.stdout.contains("One"))
        }
        // Within the limit (or with none) both pages are read.
        for limit in ["5000", "0"] {
            let r = try CLIRunner.run(["articles", "in.pdf", "--max-glyphs", limit], directory: folder)
            #expect(r.status == 0, "--max-glyphs \(limit): exit \(r.status): \(r.stderr)")
        }
    }

    @Test("a page whose reading outlasts --page-timeout is skipped with one line and exit 1")
    func pageTimeoutSkipsThePage() throws {
        let folder = try folder(with: FuzzPDF.oneSpot(20_000))
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["articles", "in.pdf", "--page-timeout", "0.000001"], directory: folder)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr == "galley: page 1: skipped: reading it took longer than 1e-06 s (--page-timeout)\n", "\(r.stderr)")
        let bad = try CLIRunner.run(["articles", "in.pdf", "--page-timeout", "-1"], directory: folder)
        #expect(bad.status == 2, "exit \(bad.status): \(bad.stderr)")
    }

    @Test("overlay draws the pages within --max-glyphs, reports the other on one line and exits 1; print of an article on a good page still prints")
    func overlayAndPrintSkipAPageOverTheLimit() throws {
        let folder = try folder(with: Self.smallAndLarge)
        defer { try? FileManager.default.removeItem(at: folder) }
        let overlay = try CLIRunner.run(["overlay", "in.pdf", "--dpi", "18", "--max-glyphs", "100", "-o", "o.png"], directory: folder)
        #expect(overlay.status == 1, "exit \(overlay.status): \(overlay.stderr)")
        #expect(overlay.stderr.contains("galley: page 2: skipped: it has more than 100 glyphs (--max-glyphs)\n"), "\(overlay.stderr)")
        #expect(overlay.stdout == "o-1.png\n", "\(overlay.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("o-1.png").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("o-2.png").path))

        let print = try CLIRunner.run(["print", "in.pdf", "--article", "p1-a1", "--max-glyphs", "100", "-o", "p.pdf"], directory: folder)
        #expect(print.status == 0, "exit \(print.status): \(print.stderr)")
        let list = try CLIRunner.run(["print", "in.pdf", "--list", "--max-glyphs", "100"], directory: folder)
        #expect(list.status == 1 && list.stderr.contains("galley: page 2: skipped: "), "exit \(list.status): \(list.stderr)")
    }
}
