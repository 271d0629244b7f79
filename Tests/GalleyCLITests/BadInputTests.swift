import Foundation
import Testing

/// Writes tiny PDFs by hand (objects, laid out with their cross-reference table by `RawPDF`), so the
/// command-line tests need nothing but the galley binary.
enum HandPDF {
    /// A PDF with one page per entry of `pages`: its media box and the text it shows in Helvetica.
    static func data(pages: [(mediaBox: String, text: String)]) -> Data {
        var objects: [String] = []
        let font = 3 + 2 * pages.count
        let kids = pages.indices.map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        for (i, page) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [\(page.mediaBox)] /Contents \(4 + 2 * i) 0 R "
                           + "/Resources << /Font << /F1 \(font) 0 R >> >> >>")
            let stream = page.text.isEmpty ? "0 0 m 10 0 l S" : "BT /F1 12 Tf 40 100 Td (\(page.text)) Tj ET"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return RawPDF.data(objects)
    }

    static func write(_ folder: URL, _ name: String, pages: [(mediaBox: String, text: String)]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data(pages: pages).write(to: url)
        return url.path
    }
}

/// Every kind of bad input gives one clear line on standard error and a non-zero exit, never a crash.
@Suite struct BadInputTests {
    /// Runs `galley inspect` with `arguments`; checks it failed cleanly and returns its error text.
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CLIRunner.run(["inspect"] + arguments)
        #expect(r.status != 0, "expected a failure, got exit 0", sourceLocation: sourceLocation)
        // A crash ends with a signal: the exit status then exceeds 128 or the runtime prints a trace.
        #expect(r.status > 0 && r.status < 128, "exit \(r.status)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "nothing on standard output: \(r.stdout.prefix(200))", sourceLocation: sourceLocation)
        return r.stderr
    }

    @Test func missingFile() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("no-such.pdf").path
        let message = try failure([path])
        #expect(message.contains("no-such.pdf") && message.contains("no such file"), "\(message)")
    }

    @Test func directory() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = try failure([folder.path])
        #expect(message.contains("is a directory"), "\(message)")
    }

    @Test func notAPDF() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.pdf")
        try Data("These are notes, not a PDF.\n".utf8).write(to: path)
        let message = try failure([path.path])
        #expect(message.contains("not a PDF"), "\(message)")
    }

    @Test func truncatedAndCorruptPDF() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = HandPDF.data(pages: [("0 0 400 300", "Hello")])
        let truncated = folder.appendingPathComponent("truncated.pdf")
        try whole.prefix(60).write(to: truncated)
        let message = try failure([truncated.path])
        #expect(message.contains("damaged"), "\(message)")

        let garbage = folder.appendingPathComponent("garbage.pdf")
        try (Data("%PDF-1.7\n".utf8) + Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })).write(to: garbage)
        let garbageMessage = try failure([garbage.path])
        #expect(garbageMessage.contains("damaged"), "\(garbageMessage)")
    }

    @Test func encryptedPDF() throws {
        guard CLIRunner.available("qpdf") else {
            print("SKIPPED: qpdf is not installed (apt-get install qpdf); cannot make an encrypted PDF")
            return
        }
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try HandPDF.write(folder, "plain.pdf", pages: [("0 0 400 300", "Secret")])
        let locked = folder.appendingPathComponent("locked.pdf").path
        let made = try CLIRunner.runProgram("qpdf", ["--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked])
        #expect(made.status == 0)

        let none = try failure([locked])
        #expect(none.contains("encrypted") && none.contains("--password"), "\(none)")
        let wrong = try failure([locked, "--password", "nope"])
        #expect(wrong.contains("password is wrong"), "\(wrong)")

        let right = try CLIRunner.run(["inspect", locked, "--password", "user-pw", "--format", "json"])
        #expect(right.status == 0, "\(right.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(right.stdout.utf8)) as? [String: Any]
        let pages = json?["pages"] as? [[String: Any]]
        let text = (pages?.first?["glyphs"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
        #expect(text == "Secret")
    }

    @Test func pageOutOfRangeAndBadPageList() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try HandPDF.write(folder, "two.pdf", pages: [("0 0 400 300", "One"), ("0 0 400 300", "Two")])
        let message = try failure([path, "--pages", "2-3"])
        #expect(message.contains("page 3 does not exist") && message.contains("2 pages"), "\(message)")
        for bad in ["0", "x", "3-1", ""] {
            let r = try CLIRunner.run(["inspect", path, "--pages", bad])
            #expect(r.status != 0 && r.status < 128, "--pages \(bad): exit \(r.status)")
            #expect(r.stderr.contains("--pages"), "--pages \(bad): \(r.stderr)")
        }
    }

    /// A zero-size page is skipped and reported; the other pages are output, and the exit status is 1.
    @Test func zeroSizePage() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try HandPDF.write(folder, "flat.pdf", pages: [("0 0 400 300", "Fine"), ("0 0 400 0", "Flat")])
        let r = try CLIRunner.run(["inspect", path, "--format", "json"])
        #expect(r.status == 1, "exit \(r.status)")
        #expect(r.stderr == "galley: page 2: skipped: the page has zero size\n", "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let pages = json?["pages"] as? [[String: Any]] ?? []
        #expect(pages.compactMap { $0["number"] as? Int } == [1, 2])
        #expect(pages.last?["width"] as? Int == 400 && pages.last?["height"] as? Int == 0)
        #expect(pages.last?["warnings"] as? [String] == ["page 2 skipped: the page has zero size"])
        let articles = try CLIRunner.run(["articles", path, "--format", "text"])
        #expect(articles.status == 1 && articles.stdout.contains("Fine"), "\(articles.stdout)\(articles.stderr)")
        // The first page alone reads.
        let first = try CLIRunner.run(["inspect", path, "--pages", "1"])
        #expect(first.status == 0 && first.stdout.contains("page 1: 400 x 300 pt"), "\(first.stdout)\(first.stderr)")
    }

    /// A scan without OCR: not an error, the page is reported with a warning that suggests OCR.
    @Test func pageWithoutTextLayer() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var path = try HandPDF.write(folder, "blank.pdf", pages: [("0 0 400 300", "")])
        let name = "corpus/en_weekly-journal_chicopee_1856-05-24_4pages_NO-TEXT-LAYER.pdf"
        let scanned = CLIRunner.hasShared(name)
        if scanned { path = CLIRunner.shared(name) } else {
            print("SKIPPED part: ../shared/\(name) is absent; checking a page without text instead")
        }
        let r = try CLIRunner.run(["inspect", path, "--pages", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let page = (json?["pages"] as? [[String: Any]])?.first
        #expect((page?["glyphs"] as? [Any])?.isEmpty == true)
        let warnings = page?["warnings"] as? [String] ?? []
        if scanned {
            #expect(warnings.contains { $0.contains("no text layer") && $0.contains("OCR") }, "\(warnings)")
            let text = try CLIRunner.run(["inspect", path, "--pages", "2"])
            #expect(text.status == 0 && text.stdout.contains("warning: page 2 has no text layer"), "\(text.stdout)")
        } else {
            #expect(warnings == ["page 1 has no text"], "\(warnings)")
        }
    }
}
