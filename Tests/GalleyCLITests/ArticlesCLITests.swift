import Foundation
import Testing
@testable import GalleyCore

/// `galley articles` from the outside: formats, output files, progress, errors, and the schema.
@Suite(.enabled(if: CLIRunner.hasShared("devset/zh-101.pdf"), "skipped: ../shared/devset is absent"))
struct ArticlesCLITests {
    static let zhPage = CLIRunner.shared("devset/zh-101.pdf")
    static let enPage = CLIRunner.shared("devset/en-101.pdf")
    static let schema = CLIRunner.shared("schema/articles.schema.json")
    static let multiPage = CLIRunner.shared("corpus/de_der-erzaehler_1840-02-21_6pages.pdf")

    static let jsonschemaAvailable: Bool = {
        (try? CLIRunner.runProgram("python3", ["-c", "import jsonschema"]).status) == 0
    }()

    /// Validates a JSON file against the articles schema with python's jsonschema; returns its complaint.
    static func schemaErrors(_ path: String) throws -> String? {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding='utf-8'))
            doc = json.load(open(sys.argv[2], encoding='utf-8'))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
            print('\\n'.join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
            sys.exit(1 if errors else 0)
            """
        let r = try CLIRunner.runProgram("python3", ["-c", script, schema, path])
        return r.status == 0 ? nil : String(decoding: r.stdout + r.stderr, as: UTF8.self)
    }

    @Test(.enabled(if: jsonschemaAvailable && CLIRunner.hasShared("schema/articles.schema.json"),
                   "skipped: python3 with jsonschema, or ../shared/schema, is not available"),
          arguments: [zhPage, enPage])
    func jsonOutputFollowsTheSchema(_ pdf: String) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.runData(["articles", pdf, "--format", "json"])
        #expect(r.status == 0)
        let path = folder.appendingPathComponent("out.json").path
        try r.stdout.write(to: URL(fileURLWithPath: path))
        let errors = try Self.schemaErrors(path)
        #expect(errors == nil, "schema violations: \(errors ?? "")")
        let doc = try JSONDecoder().decode(ArticleDocument.self, from: r.stdout)
        #expect(doc.source == pdf)
        #expect(doc.pages.map(\.number) == [1])
    }

    @Test(.enabled(if: jsonschemaAvailable && CLIRunner.hasShared("schema/articles.schema.json"),
                   "skipped: python3 with jsonschema, or ../shared/schema, is not available"))
    func writerOutputWithEveryFieldFollowsTheSchema() throws {
        // The analysis may find few articles yet; this document fills every field the schema knows.
        let box = Rect(x0: 1, y0: 2, x1: 3.333, y1: 4)
        let doc = ArticleDocument(
            source: "x.pdf",
            pages: [PageSummary(number: 2, width: 842, height: 1191, columns: [box],
                                furniture: [Furniture(role: .folio, text: "13", bbox: box),
                                            Furniture(role: .advertisement, text: "Buy \"now\"", bbox: box)],
                                warnings: ["page 2 has no text layer"])],
            articles: [Article(id: "p2-a1", kicker: "引题", headline: "标题", subheadline: nil, byline: "记者 某",
                               paragraphs: ["第一段。", "Second\tparagraph"], captions: ["图"],
                               blocks: Role.allCases.map { ArticleBlock(page: 2, role: $0, bbox: box) })])
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("doc.json").path
        try ArticleJSONWriter().data(for: doc).write(to: URL(fileURLWithPath: path))
        let errors = try Self.schemaErrors(path)
        #expect(errors == nil, "schema violations: \(errors ?? "")")
    }

    @Test func textAndMarkdownFormatsRun() throws {
        for format in ["text", "markdown"] {
            let r = try CLIRunner.run(["articles", Self.enPage, "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.contains("{"), "\(format) output looks like JSON")
            #expect(!r.stderr.contains("page 1/"), "a single page shows no progress")
        }
    }

    @Test func outputFileMatchesStandardOutput() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.md").path
        let toFile = try CLIRunner.run(["articles", Self.zhPage, "--format", "markdown", "-o", path])
        #expect(toFile.status == 0, "\(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        let toStdout = try CLIRunner.run(["articles", Self.zhPage, "--format", "markdown"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == toStdout.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.md"], "temporary file left")
    }

    @Test func unwritableOutputFailsClearlyBeforeWork() throws {
        let path = "/nonexistent-galley-folder/out.json"
        let r = try CLIRunner.run(["articles", Self.zhPage, "-o", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("cannot write \(path)"))
        #expect(r.stderr.contains("does not exist"))
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))

        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try CLIRunner.run(["articles", Self.zhPage, "-o", folder.path])
        #expect(dir.status != 0)
        #expect(dir.stderr.contains("is a folder"))
    }

    @Test func missingInputAndBadOptionsAreReported() throws {
        let missing = try CLIRunner.run(["articles", "/nonexistent/page.pdf"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/page.pdf"))
        let format = try CLIRunner.run(["articles", Self.zhPage, "--format", "html"])
        #expect(format.status != 0)
        #expect(format.stderr.contains("html"))
        let page = try CLIRunner.run(["articles", Self.zhPage, "--pages", "2"])
        #expect(page.status != 0)
        #expect(page.stdout.isEmpty)
    }

    @Test(.enabled(if: CLIRunner.hasShared("corpus/de_der-erzaehler_1840-02-21_6pages.pdf"), "skipped: ../shared/corpus is absent"))
    func progressGoesToStandardErrorOnlyWhenAsked() throws {
        // Standard error is a file here, not a terminal: no progress unless --progress.
        let quiet = try CLIRunner.run(["articles", Self.multiPage, "--pages", "1-2"])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("page 1/2"))
        let loud = try CLIRunner.run(["articles", Self.multiPage, "--pages", "1-2", "--progress"])
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("page 1/2…") && loud.stderr.contains("page 2/2…"))
        // Standard output stays clean JSON either way.
        let doc = try JSONDecoder().decode(ArticleDocument.self, from: Data(loud.stdout.utf8))
        #expect(doc.pages.map(\.number) == [1, 2])
        #expect(loud.stdout == quiet.stdout)
    }
}

/// `--timings` says, per page, how far the drawing order was trusted.
@Suite("galley articles --timings")
struct ArticlesTimingsCLITests {
    @Test("--timings reports each page's drawing-order coherence: a bundled sample, drawn in reading order, is trusted")
    func timingsShowDrawingOrder() throws {
        let sample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/zh-front.pdf").path
        let r = try CLIRunner.run(["articles", sample, "--timings", "--format", "text"])
        #expect(r.status == 0)
        let line = r.stderr.split(separator: "\n").first { $0.contains("timings: page 1") } ?? ""
        #expect(line.contains("drawing order") && line.hasSuffix("trusted") && !line.hasSuffix("not trusted"))
        // The shuffled development pages are not.
        if CLIRunner.hasShared("devset/zh-101.pdf") {
            let d = try CLIRunner.run(["articles", CLIRunner.shared("devset/zh-101.pdf"), "--timings"])
            #expect(d.stderr.contains("not trusted"))
        }
    }
}

/// The plain command lines that `galley` reads without ArgumentParser (QuickCommandLine) do what the
/// parsed ones do: the same command line written with `--option=value` goes through ArgumentParser.
@Suite("galley: quick and parsed command lines agree")
struct QuickCommandLineTests {
    static let sample = CLIRunner.repositoryRoot.appendingPathComponent("Samples/en-metro.pdf").path

    @Test("articles and inspect give the same output read either way, defaults included")
    func sameOutputEitherWay() throws {
        let pairs: [([String], [String])] = [
            (["articles", Self.sample], ["articles", Self.sample, "--pages=1"]),
            (["articles", Self.sample, "--format", "text"], ["articles", Self.sample, "--format=text"]),
            (["articles", Self.sample, "--format", "markdown", "--pages", "1"], ["articles", "--format=markdown", "--pages=1", Self.sample]),
            (["articles", Self.sample, "--format", "alto"], ["articles", Self.sample, "--format=alto"]),
            (["articles", Self.sample, "--format", "page", "--pages", "1"], ["articles", "--format=page", "--pages=1", Self.sample]),
            (["articles", Self.sample, "-f", "1", "-l", "1", "--format", "text"], ["articles", Self.sample, "-l=1", "-f=1", "--format=text"]),
            (["inspect", Self.sample], ["inspect", Self.sample, "--pages=1"]),
            (["inspect", Self.sample, "--format", "json", "--no-rules"], ["inspect", Self.sample, "--format=json", "--no-rules"]),
        ]
        for (quick, parsed) in pairs {
            let a = try CLIRunner.run(quick), b = try CLIRunner.run(parsed)
            #expect(a.status == 0 && b.status == 0)
            #expect(a.stdout == b.stdout, "\(quick) and \(parsed) differ")
            #expect(!a.stdout.isEmpty)
        }
        // An error is reported the same way too.
        let a = try CLIRunner.run(["articles", "/nonexistent.pdf"]), b = try CLIRunner.run(["articles", "--pages=1", "/nonexistent.pdf"])
        #expect(a.status == b.status && a.status != 0)
        #expect(a.stderr == b.stderr)
    }
}
