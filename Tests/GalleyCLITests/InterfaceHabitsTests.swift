import Foundation
import Testing

/// What a new user tries: `-` for standard input, pdftotext's `-f`/`-l`, where each article came from,
/// exit statuses that say what happened, and usage errors on one line.
@Suite("galley: habits of the command line")
struct InterfaceHabitsTests {
    static let sample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/en-metro.pdf").path
    static let erzaehler = "corpus/de_der-erzaehler_1840-02-21_6pages.pdf"

    @Test("`-` reads the PDF from standard input: the same articles as from the file")
    func standardInput() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        for format in ["text", "markdown"] {
            let piped = try CLIRunner.run(["articles", "-", "--format", format], input: pdf)
            let file = try CLIRunner.run(["articles", Self.sample, "--format", format])
            #expect(piped.status == 0, "\(piped.stderr)")
            #expect(piped.stdout == file.stdout && !piped.stdout.isEmpty)
        }
        let json = try CLIRunner.run(["articles", "-"], input: pdf)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["source"] as? String == "-")
        let empty = try CLIRunner.run(["articles", "-"], input: Data())
        #expect(empty.status == 2 && empty.stderr.hasPrefix("galley: error: standard input is empty"), "\(empty.stderr)")
        let junk = try CLIRunner.run(["articles", "-"], input: Data("hello".utf8))
        #expect(junk.status == 2 && junk.stderr == "galley: error: standard input: not a PDF (the file does not start with %PDF)\n", "\(junk.stderr)")
    }

    @Test("-f N -l M read the pages --pages N-M reads, read quickly or by ArgumentParser",
          .enabled(if: CLIRunner.hasShared(erzaehler), "skipped: ../shared/corpus is absent"))
    func firstAndLastPage() throws {
        let pdf = CLIRunner.shared(Self.erzaehler)
        let pages = try CLIRunner.run(["articles", pdf, "--pages", "2-3", "--format", "text"])
        let fl = try CLIRunner.run(["articles", pdf, "-f", "2", "-l", "3", "--format", "text"])
        let parsed = try CLIRunner.run(["articles", pdf, "-f=2", "-l=3", "--format=text"])
        #expect(pages.status == 0 && !pages.stdout.isEmpty)
        #expect(fl.stdout == pages.stdout && parsed.stdout == pages.stdout)
        // -f alone reads to the last page, -l alone from the first.
        let from = try CLIRunner.run(["articles", pdf, "-f", "5", "--format", "text"])
        #expect(from.stdout == (try CLIRunner.run(["articles", pdf, "--pages", "5-6", "--format", "text"])).stdout)
        let to = try CLIRunner.run(["articles", pdf, "-l", "1", "--format", "text"])
        #expect(to.stdout == (try CLIRunner.run(["articles", pdf, "--pages", "1", "--format", "text"])).stdout)
        let beyond = try CLIRunner.run(["articles", pdf, "-f", "7"])
        #expect(beyond.status == 2 && beyond.stderr.contains("page 7 does not exist"), "\(beyond.stderr)")
    }

    @Test("usage errors exit 2 with one line that says why, read quickly or by ArgumentParser")
    func usageErrors() throws {
        let cases: [([String], String)] = [
            (["articles", Self.sample, "--pages", "0"], "pages count from 1"),
            (["articles", Self.sample, "--pages=0"], "pages count from 1"),
            (["articles", Self.sample, "--pages", "3-1"], "ends before it starts"),
            (["articles", Self.sample, "-f", "0"], "pages count from 1"),
            (["articles", Self.sample, "-f", "1", "--pages", "1"], "not both"),
            (["articles", Self.sample, "--format", "pdf"], "--format"),
            (["articles", Self.sample, "--bogus"], "unknown option '--bogus'"),
            (["articles"], "missing expected argument"),
            (["inspect", Self.sample, "--pages", "x"], "write pages like 1,3-5"),
            (["overlay", Self.sample, "--dpi", "1"], "--dpi must be between 18 and 600"),
            (["nonsense"], "unexpected argument 'nonsense'"),
        ]
        for (arguments, why) in cases {
            let r = try CLIRunner.run(arguments)
            #expect(r.status == 2, "\(arguments): exit \(r.status)")
            #expect(r.stderr.hasPrefix("galley: error: ") && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(why), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // Help is still help, with exit 0.
        let help = try CLIRunner.run(["articles", "--help"])
        #expect(help.status == 0 && help.stdout.contains("Exit status") && help.stdout.contains("OUTDIR"))
    }

    @Test("text and Markdown name each article's id (the one print takes) and page; every article gets a heading")
    func articlesSayWhereTheyCameFrom() throws {
        let list = try CLIRunner.run(["print", Self.sample, "--list"])
        try #require(list.status == 0, "\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").map { String($0.prefix { !$0.isWhitespace }) }
        #expect(ids.count >= 2)
        let text = try CLIRunner.run(["articles", Self.sample, "--format", "text"])
        let sources = text.stdout.split(separator: "\n").filter { $0.hasPrefix("[p") && $0.hasSuffix(" · page 1]") }
        #expect(sources.map { String($0.dropFirst().prefix { !$0.isWhitespace }) } == ids, "\(text.stdout.prefix(400))")
        let md = try CLIRunner.run(["articles", Self.sample, "--format", "markdown"])
        let lines = md.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let headings = lines.indices.filter { lines[$0].hasPrefix("## ") }
        #expect(headings.count == ids.count)
        // Each heading is followed (after a blank line) by the id and the page.
        #expect(headings.map { lines[$0 + 2] } == ids.map { "`\($0)` · page 1" })
    }

    @Test("a page without a text layer makes articles exit 1 after writing what it could",
          .enabled(if: CLIRunner.hasShared("corpus/en_weekly-journal_chicopee_1856-05-24_4pages_NO-TEXT-LAYER.pdf"),
                   "skipped: ../shared/corpus is absent"))
    func noTextLayer() throws {
        let pdf = CLIRunner.shared("corpus/en_weekly-journal_chicopee_1856-05-24_4pages_NO-TEXT-LAYER.pdf")
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.json").path
        let r = try CLIRunner.run(["articles", pdf, "--pages", "1", "-o", out])
        #expect(r.status == 1, "exit \(r.status)")
        #expect(r.stderr.contains("warning: page 1 has no text layer"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect((json?["pages"] as? [Any])?.count == 1)
        // A page that has text exits 0 as before.
        #expect(try CLIRunner.run(["articles", Self.sample]).status == 0)
    }
}
