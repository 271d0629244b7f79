import Foundation
import Testing

/// Builds PDFs from raw object bodies (numbered from 1, object 1 the catalog), with a correct
/// cross-reference table: for damage that `HandPDF` cannot express.
enum RawPDF {
    static func data(_ objects: [String]) -> Data {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    static func text(_ s: String, at: (Double, Double) = (40, 100)) -> String {
        let stream = "BT /F1 12 Tf \(at.0) \(at.1) Td (\(s)) Tj ET"
        return "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream"
    }

    static func page(contents: Int, mediaBox: String = "0 0 400 300") -> String {
        "<< /Type /Page /Parent 2 0 R /MediaBox [\(mediaBox)] /Contents \(contents) 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    }

    /// Three pages by the page count; the third is no page at all (its entry in /Kids is a number),
    /// so poppler cannot load it while the first two read.
    static let thirdPageDamaged: Data = data([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R 6 0 R 7 0 R] /Count 3 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        page(contents: 5), text("One"),
        "42",
        page(contents: 8), text("Three"),
    ])
}

/// Damaged pages inside a readable document: the page is reported and skipped, the others output.
@Suite("galley: one bad page does not lose the document")
struct PageIsolationTests {
    static let schemaCheckable = ArticlesCLITests.jsonschemaAvailable && CLIRunner.hasShared("schema/articles.schema.json")

    @Test("articles reports a page that cannot be read on one line, outputs the other pages and exits 1")
    func articlesSkipsADamagedPage() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("damaged.pdf")
        try RawPDF.thirdPageDamaged.write(to: pdf)

        let r = try CLIRunner.run(["articles", pdf.path, "--format", "json"])
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr == "galley: page 3: skipped: the page is damaged and cannot be read\n", "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let pages = json?["pages"] as? [[String: Any]] ?? []
        #expect(pages.compactMap { $0["number"] as? Int } == [1, 2, 3])
        #expect(pages.last?["warnings"] as? [String] == ["page 3 skipped: the page is damaged and cannot be read"])
        let articles = json?["articles"] as? [[String: Any]] ?? []
        let text = articles.flatMap { $0["paragraphs"] as? [String] ?? [] } + articles.compactMap { $0["headline"] as? String }
        #expect(text.contains { $0.contains("One") } && text.contains { $0.contains("Three") }, "\(articles)")
        if Self.schemaCheckable {
            let out = folder.appendingPathComponent("out.json")
            try Data(r.stdout.utf8).write(to: out)
            let errors = try ArticlesCLITests.schemaErrors(out.path)
            #expect(errors == nil, "schema violations: \(errors ?? "")")
        } else {
            print("SKIPPED part: python3 jsonschema or ../shared/schema is absent; the schema is not checked")
        }

        // The same to a file: it is written, and the exit status still says a page is missing.
        let out = folder.appendingPathComponent("articles.txt")
        let toFile = try CLIRunner.run(["articles", pdf.path, "--format", "text", "-o", out.path])
        #expect(toFile.status == 1 && toFile.stderr.hasPrefix("galley: page 3: "), "\(toFile.stderr)")
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.contains("One") && written.contains("Three"), "\(written)")
    }

    @Test("inspect reports a page that cannot be read, writes the other pages in text and valid JSON, and exits 1")
    func inspectSkipsADamagedPage() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("damaged.pdf")
        try RawPDF.thirdPageDamaged.write(to: pdf)

        let text = try CLIRunner.run(["inspect", pdf.path])
        #expect(text.status == 1)
        #expect(text.stderr == "galley: page 3: skipped: the page is damaged and cannot be read\n", "\(text.stderr)")
        #expect(text.stdout.contains("page 1: 400 x 300 pt") && text.stdout.contains("page 2: 400 x 300 pt"), "\(text.stdout)")
        #expect(!text.stdout.contains("page 3"))

        let json = try CLIRunner.run(["inspect", pdf.path, "--format", "json"])
        #expect(json.status == 1)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let pages = doc?["pages"] as? [[String: Any]] ?? []
        #expect(pages.compactMap { $0["number"] as? Int } == [1, 2, 3])
        #expect((pages.last?["glyphs"] as? [Any])?.isEmpty == true)
        #expect(pages.last?["warnings"] as? [String] == ["page 3 skipped: the page is damaged and cannot be read"])
    }

    @Test("a skipped page is reported alike whether the command line is read quickly or by ArgumentParser")
    func bothReadingsSkipAlike() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("damaged.pdf")
        try RawPDF.thirdPageDamaged.write(to: pdf)
        for (quick, parsed) in [(["articles", pdf.path, "--format", "json"], ["articles", pdf.path, "--format=json"]),
                                (["inspect", pdf.path, "--format", "json"], ["inspect", pdf.path, "--format=json"])] {
            let a = try CLIRunner.run(quick), b = try CLIRunner.run(parsed)
            #expect(a.status == 1 && b.status == 1)
            #expect(a.stdout == b.stdout && a.stderr == b.stderr, "\(quick) and \(parsed) differ")
        }
    }
}

/// Numbers from damage (a huge MediaBox, a huge or infinite matrix or font size) never reach the
/// outputs as `inf` or `nan`, and never crash the layout.
@Suite("galley: impossible numbers are kept out of the outputs")
struct ImpossibleNumberTests {
    /// A number PDF syntax can write (it has no exponents): 1 followed by `zeros` zeros.
    static func power(_ zeros: Int) -> String { "1" + String(repeating: "0", count: zeros) }

    /// Three pages; the second's MediaBox is 10^307 points a side.
    static let hugeMediaBox: Data = RawPDF.data([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 3 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        RawPDF.page(contents: 5), RawPDF.text("One"),
        RawPDF.page(contents: 7, mediaBox: "0 0 \(power(307)) \(power(307))"), RawPDF.text("Two"),
        RawPDF.page(contents: 9), RawPDF.text("Three"),
    ])

    /// One page of ordinary text, with glyphs drawn at a scale of 10^24 and of 9…9 (400 digits,
    /// infinite as a double), a glyph of a million points, an infinite fill and a stroke 10^24 long.
    static let impossibleGlyphs: Data = {
        let big = power(24), inf = String(repeating: "9", count: 400)
        let stream = """
            BT /F1 12 Tf 40 100 Td (Normal text here) Tj ET
            BT /F1 12 Tf \(big) 0 0 \(big) 40 150 Tm (Huge) Tj ET
            BT /F1 12 Tf \(inf) 0 0 \(inf) 40 200 Tm (Inf) Tj ET
            BT /F1 1000000 Tf 40 250 Td (M) Tj ET
            q \(inf) 0 0 \(inf) 0 0 cm 0 0 10 10 re f Q
            q 2 w 0 0 m \(big) 0 l S Q
            """
        return RawPDF.data([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            RawPDF.page(contents: 5),
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ])
    }()

    static func expectNoNonFinite(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for token in ["inf", "nan", "Infinity", "NaN"] {
            #expect(!text.contains(token), "\(what) holds \(token)", sourceLocation: sourceLocation)
        }
    }

    @Test("a page with a MediaBox of 10^307 points is skipped as implausible; the JSON holds no inf and the other pages are output")
    func hugeMediaBoxIsSkipped() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("huge.pdf")
        try Self.hugeMediaBox.write(to: pdf)
        for command in [["articles", pdf.path, "--format", "json"], ["inspect", pdf.path, "--format", "json"]] {
            let r = try CLIRunner.run(command)
            #expect(r.status == 1, "\(command[0]): exit \(r.status): \(r.stderr)")
            #expect(r.stderr.hasPrefix("galley: page 2: skipped: the page's size") && r.stderr.contains("larger than any page"),
                    "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            Self.expectNoNonFinite(r.stdout, command[0])
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let pages = json?["pages"] as? [[String: Any]] ?? []
            #expect(pages.compactMap { $0["number"] as? Int } == [1, 2, 3])
            #expect(pages[1]["width"] as? Int == 0 && pages[1]["height"] as? Int == 0)
        }
        let text = try CLIRunner.run(["inspect", pdf.path])
        Self.expectNoNonFinite(text.stdout, "inspect text")
        #expect(text.status == 1 && text.stdout.contains("page 3: 400 x 300 pt"), "\(text.stdout)")
    }

    @Test("overlay and print stop on a page of 10^307 points with one clear line and exit 2, not a crash")
    func hugeMediaBoxStopsOverlayAndPrint() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("huge.pdf")
        try Self.hugeMediaBox.write(to: pdf)
        for arguments in [["overlay", "huge.pdf", "--pages", "2", "-o", "o.png"],
                          ["print", "huge.pdf", "--pages", "2", "--article", "p2-a1", "-o", "s.pdf"]] {
            let r = try CLIRunner.run(arguments, directory: folder)
            #expect(r.status == 2, "\(arguments[0]): exit \(r.status): \(r.stderr.prefix(300))")
            #expect(r.stderr.hasPrefix("galley: error: page 2 is ") && r.stderr.contains("larger than any page")
                    && r.stderr.split(separator: "\n").count == 1, "\(r.stderr.prefix(300))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["huge.pdf"])
    }

    @Test("glyphs and shapes with infinite or absurd coordinates are left out with one warning for the page, and the rest of it is read")
    func impossibleGlyphsAreDropped() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("glyphs.pdf")
        try Self.impossibleGlyphs.write(to: pdf)

        let articles = try CLIRunner.run(["articles", pdf.path, "--format", "json"])
        #expect(articles.status == 0, "exit \(articles.status): \(articles.stderr.prefix(300))")
        Self.expectNoNonFinite(articles.stdout, "articles")
        let warnings = articles.stderr.split(separator: "\n")
        #expect(warnings.count == 1 && warnings[0].hasPrefix("galley: warning: page 1: left out ")
                && warnings[0].contains("impossible coordinates"), "\(articles.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(articles.stdout.utf8)) as? [String: Any]
        let page = (doc?["pages"] as? [[String: Any]])?.first
        #expect((page?["warnings"] as? [String])?.count == 1)
        let paragraphs = (doc?["articles"] as? [[String: Any]] ?? []).flatMap { $0["paragraphs"] as? [String] ?? [] }
        #expect(paragraphs == ["Normal text here"], "\(paragraphs)")
        if PageIsolationTests.schemaCheckable {
            let out = folder.appendingPathComponent("out.json")
            try Data(articles.stdout.utf8).write(to: out)
            let errors = try ArticlesCLITests.schemaErrors(out.path)
            #expect(errors == nil, "schema violations: \(errors ?? "")")
        }

        let inspect = try CLIRunner.run(["inspect", pdf.path, "--format", "json"])
        #expect(inspect.status == 0)
        Self.expectNoNonFinite(inspect.stdout, "inspect")
        let report = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any]
        let glyphs = ((report?["pages"] as? [[String: Any]])?.first?["glyphs"] as? [[String: Any]]) ?? []
        #expect(glyphs.compactMap { $0["text"] as? String }.joined() == "Normaltexthere")
        for g in glyphs {
            let box = g["bbox"] as? [Double] ?? []
            #expect(box.count == 4 && box.allSatisfy { $0 >= -4000 && $0 <= 4400 }, "\(g)")
        }
    }
}

/// `-o` never destroys what it should not: the input, a FIFO or device, a folder; paths are
/// resolved by the file system; an interrupted write leaves no temporary file.
@Suite("galley articles -o: outputs that would lose data are refused")
struct OutputSafetyTests {
    static let sample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/en-brief.pdf").path

    /// A copy of a sample in a fresh folder.
    static func copy(in folder: URL, name: String = "in.pdf") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: sample, toPath: url.path)
        return url
    }

    @Test("-o naming the input PDF, by any name, is refused on one line with exit 2 and the input is untouched")
    func outputThatIsTheInputIsRefused() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.copy(in: folder)
        let before = try Data(contentsOf: input)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.pdf").path, withDestinationPath: "in.pdf")
        for (arguments, named) in [(["articles", "in.pdf", "-o", "in.pdf"], "in.pdf"),
                                   (["articles", "in.pdf", "--output=./in.pdf"], "./in.pdf"),
                                   (["articles", "in.pdf", "--format", "text", "-o", "link.pdf"], "link.pdf"),
                                   (["articles", "link.pdf", "--output", input.path], input.path)] {
            let r = try CLIRunner.run(arguments, directory: folder)
            #expect(r.status == 2, "\(arguments): exit \(r.status)")
            #expect(r.stderr == "galley: error: cannot write \(named): it is the input file; choose another output\n", "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: input) == before, "the input changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.pdf", "link.pdf"])
        // Read quickly (-o) or by ArgumentParser (--output=), the refusal is the same.
        let a = try CLIRunner.run(["articles", "in.pdf", "-o", "in.pdf"], directory: folder)
        let b = try CLIRunner.run(["articles", "in.pdf", "--output=in.pdf"], directory: folder)
        #expect(a.status == b.status && a.stderr == b.stderr)
    }

    @Test("overlay and print refuse -o naming the input PDF on one line with exit 2, and the input is untouched")
    func overlayAndPrintRefuseTheInput() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.copy(in: folder)
        let before = try Data(contentsOf: input)
        for arguments in [["overlay", "in.pdf", "-o", "in.pdf"], ["print", "in.pdf", "--article", "p1-a1", "-o", "in.pdf"]] {
            let r = try CLIRunner.run(arguments, directory: folder)
            #expect(r.status == 2, "\(arguments): exit \(r.status): \(r.stderr)")
            #expect(r.stderr == "galley: error: cannot write in.pdf: it is the input file; choose another output\n", "\(r.stderr)")
        }
        #expect(try Data(contentsOf: input) == before, "the input changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.pdf"])
    }

    @Test("-o naming a FIFO, a device or a folder is refused on one line with exit 2, and the FIFO stays a FIFO")
    func outputThatIsNoRegularFileIsRefused() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        var cases = [(fifo, "it is a FIFO, not a regular file"), (sub.path, "it is a folder"), (sub.path + "/", "it is a folder")]
        // A device of the test's own (a copy of /dev/null's node), never /dev/null itself: a galley
        // without this check, run as root, replaces the device it is given with a regular file.
        let device = folder.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {
            cases.append((device, "it is a device, not a regular file"))
        } else {
            print("SKIPPED part: cannot make a device node (not root); the device case is not checked")
        }
        for (output, why) in cases {
            let r = try CLIRunner.run(["articles", Self.sample, "-o", output])
            #expect(r.status == 2, "\(output): exit \(r.status)")
            #expect(r.stderr == "galley: error: cannot write \(output): \(why)\n", "\(r.stderr)")
        }
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        if cases.count == 4 { #expect(stat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "the device was replaced") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sub.path).isEmpty)
    }

    @Test("-o zz/../x.json is resolved by the file system: refused clearly where zz does not exist, written where it does")
    func dotDotIsResolvedByTheFileSystem() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CLIRunner.run(["articles", Self.sample, "-o", "zz/../x.json"], directory: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "galley: error: cannot write zz/../x.json: folder zz/.. does not exist\n", "\(missing.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("zz"), withIntermediateDirectories: false)
        let present = try CLIRunner.run(["articles", Self.sample, "-o", "zz/../x.json"], directory: folder)
        #expect(present.status == 0, "\(present.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["x.json", "zz"])
    }

    @Test("SIGINT or SIGTERM while the output file is being written removes its temporary file", arguments: [SIGINT, SIGTERM])
    func interruptedWriteLeavesNoTemporaryFile(_ sig: Int32) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIRunner.galleyPath())
        process.arguments = ["articles", Self.sample, "-o", folder.appendingPathComponent("out.json").path]
        // Holds the written temporary file in place for a while before its rename.
        process.environment = ProcessInfo.processInfo.environment.merging(["GALLEY_TEST_PAUSE_BEFORE_RENAME": "10"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var temporary: [String] = []
        let deadline = Date().addingTimeInterval(15)
        while temporary.isEmpty && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            temporary = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        }
        #expect(temporary.count == 1 && temporary[0].hasPrefix(".out.json.") && temporary[0].hasSuffix(".tmp"), "\(temporary)")
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == sig,
                "ended by \(process.terminationReason == .uncaughtSignal ? "signal" : "exit") \(process.terminationStatus)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "files left behind")
    }

    @Test("SIGTERM while overlay draws several pages removes the temporary files of the pages already drawn")
    func interruptedOverlayLeavesNoTemporaryFiles() throws {
        guard CLIRunner.available("qpdf") else {
            print("SKIPPED: qpdf is not installed; cannot join the samples into one document")
            return
        }
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repositoryRoot.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".pdf") }.sorted().map { CLIRunner.repositoryRoot.appendingPathComponent("Samples/\($0)").path }
        let joined = folder.appendingPathComponent("joined.pdf").path
        #expect(try CLIRunner.runProgram("qpdf", ["--empty", "--pages"] + samples + ["--", joined]).status == 0)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIRunner.galleyPath())
        process.arguments = ["overlay", joined, "--dpi", "150", "-o", out.appendingPathComponent("o.png").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var temporary: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while temporary.isEmpty && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
            temporary = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasSuffix(".tmp") }
        }
        #expect(!temporary.isEmpty, "overlay finished before a temporary file was seen")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        // Five pages are still to draw (about a second): the signal ends the run, not its last page.
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM,
                "ended by \(process.terminationReason == .uncaughtSignal ? "signal" : "exit") \(process.terminationStatus)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "files left behind")
    }
}
