import Foundation
import Testing

/// The library formats (`--format alto|mets|page`) on every devset, realdev and bundled sample page:
/// valid against the schemas in ../shared/schema, and read back (by the tests' own reader) into the
/// JSON's articles, headlines, paragraphs, captions, bylines and reading order.
@Suite("galley articles: ALTO, METS and PAGE XML", .serialized,
       .enabled(if: CLIRunner.hasShared("devset") && CLIRunner.hasShared("schema/alto-4-4.xsd"),
                "skipped: ../shared/devset or ../shared/schema is absent"))
struct LibraryFormatsTests {
    static let xmllintAvailable = CLIRunner.available("xmllint", probe: ["--version"])

    /// The PDFs: every page of the devset and realdev, and the bundled samples.
    static var pdfs: [String] {
        var out: [String] = []
        for folder in ["devset", "realdev"] where CLIRunner.hasShared(folder) {
            let path = CLIRunner.shared(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            out += names.filter { $0.hasSuffix(".pdf") }.sorted().map { path + "/" + $0 }
        }
        let samples = CLIRunner.repositoryRoot.appendingPathComponent("Samples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []
        return out + names.filter { $0.hasSuffix(".pdf") }.sorted().map { samples + "/" + $0 }
    }

    /// One PDF's outputs in a temporary folder.
    struct Outputs {
        var pdf: String
        var json: Data
        var alto: String
        var metsFolder: String
        var page: String
        var name: String { ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension }
        var mets: String { metsFolder + "/" + name + "-METS.xml" }
        var metsALTO: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: metsFolder + "/ALTO")) ?? []).sorted().map { metsFolder + "/ALTO/" + $0 }
        }
    }

    /// Runs the four formats on every PDF, two at a time.
    static func outputs(in folder: URL) throws -> [Outputs] {
        let pdfs = Self.pdfs
        let results = Results(count: pdfs.count)
        DispatchQueue.concurrentPerform(iterations: pdfs.count) { k in
            let pdf = pdfs[k]
            let base = folder.appendingPathComponent("\(k)").path
            do {
                let json = try CLIRunner.runData(["articles", pdf])
                let o = Outputs(pdf: pdf, json: json.stdout, alto: base + ".alto.xml", metsFolder: base + "-mets", page: base + ".page.xml")
                // The one-file ALTO of a one-page PDF is the METS folder's ALTO file: made for a few PDFs
                // and compared, to save a run on every page.
                let formats = [("mets", o.metsFolder), ("page", o.page)] + (k % 16 == 0 ? [("alto", o.alto)] : [])
                for (format, out) in formats {
                    let r = try CLIRunner.run(["articles", pdf, "--format", format, "-o", out])
                    if r.status != 0 { throw Failure(description: "\(pdf) --format \(format): status \(r.status): \(r.stderr)") }
                }
                if json.status != 0 { throw Failure(description: "\(pdf) json: status \(json.status)") }
                results.set(k, .success(o))
            } catch {
                results.set(k, .failure(error))
            }
        }
        return try results.all.map { try $0!.get() }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [Result<Outputs, Error>?]
        init(count: Int) { all = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<Outputs, Error>) { lock.lock(); all[k] = r; lock.unlock() }
    }

    /// xmllint's complaints about `files` against `schema` (nil where all validate): one run for all.
    static func schemaErrors(_ files: [String], schema: String) throws -> String? {
        let r = try CLIRunner.runProgram("xmllint", ["--noout", "--nonet", "--schema", CLIRunner.shared("schema/" + schema)] + files)
        let err = String(decoding: r.stderr, as: UTF8.self)
        let validated = err.split(separator: "\n").filter { $0.hasSuffix(" validates") }.count
        return r.status == 0 && validated == files.count ? nil : err
    }

    @Test("every page's ALTO, METS and PAGE XML validate and read back as the JSON's articles")
    func validAndLossless() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try Self.outputs(in: folder)
        #expect(all.count >= 10, "too few pages found: \(all.count)")

        let oneFile = all.filter { FileManager.default.fileExists(atPath: $0.alto) }
        #expect(oneFile.count >= 5)
        for o in oneFile {
            #expect(o.metsALTO.count == 1)
            let a = try Data(contentsOf: URL(fileURLWithPath: o.alto))
            #expect(a == (try Data(contentsOf: URL(fileURLWithPath: o.metsALTO[0]))), "\(o.pdf): --format alto and the METS folder's ALTO differ")
        }

        if Self.xmllintAvailable {
            let alto = oneFile.map(\.alto) + all.flatMap(\.metsALTO)
            #expect(try Self.schemaErrors(alto, schema: "alto-4-4.xsd") == nil)
            #expect(try Self.schemaErrors(all.map(\.mets), schema: "mets.xsd") == nil)
            #expect(try Self.schemaErrors(all.map(\.page), schema: "page.xsd") == nil)
            print("validated \(alto.count) ALTO, \(all.count) METS and \(all.count) PAGE files of \(all.count) PDFs")
        } else {
            print("SKIPPED part: xmllint (libxml2-utils) is not installed; the outputs are not validated")
        }

        var articles = 0
        for o in all {
            // Known gap (issue 11): articles of whole vertical pages (analysed turned a quarter turn) are not
            // yet carried into the library formats; their files are validated above, not read back here.
            if String(decoding: o.json, as: UTF8.self).contains("\"writing\": \"vertical\"") {
                print("SKIPPED read-back of \(o.pdf): vertical pages are not yet written in the library formats")
                continue
            }
            let json = try JSONArticles.read(o.json)
            articles += json.count
            let mets = try METSALTOReader(metsFile: o.mets)
            let fromMETS = mets.articles()
            #expect(fromMETS.count == json.count, "\(o.pdf): METS has \(fromMETS.count) articles, the JSON \(json.count)")
            for (a, b) in zip(fromMETS, json) { #expect(a == b, "\(o.pdf) METS/ALTO:\n\(a)\nJSON:\n\(b)") }
            // The METS label is the headline.
            let labels = mets.mets.descendants("div").filter { $0["TYPE"] == "ARTICLE" }.map { $0["LABEL"] }
            #expect(labels == json.map(\.headline), "\(o.pdf): article labels")
            #expect(mets.furniture().sorted() == (try JSONArticles.furniture(o.json)).sorted(), "\(o.pdf): furniture")


            let fromPAGE = try PAGEReader(files: [o.page]).articles()
            #expect(fromPAGE.count == json.count, "\(o.pdf): PAGE has \(fromPAGE.count) articles, the JSON \(json.count)")
            // PAGE coordinates are whole pixels at 300 ppi: 0.24 pt.
            for (a, b) in zip(fromPAGE, json) { #expect(a.same(as: b, tolerance: 0.25), "\(o.pdf) PAGE:\n\(a)\nJSON:\n\(b)") }
        }
        #expect(articles > 100, "only \(articles) articles on all pages")
        print("read back \(articles) articles of \(all.count) PDFs from METS/ALTO and PAGE XML")
    }

    static let multiPage = CLIRunner.shared("corpus/de_der-erzaehler_1840-02-21_6pages.pdf")

    @Test("several pages: one ALTO document with a Page each, a METS folder, a PAGE file a page; all valid and as the JSON",
          .enabled(if: CLIRunner.hasShared("corpus/de_der-erzaehler_1840-02-21_6pages.pdf"), "skipped: ../shared/corpus is absent"))
    func severalPages() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = Self.multiPage, pages = ["--pages", "2-3"]
        let json = try CLIRunner.runData(["articles", pdf] + pages)
        #expect(json.status == 0)
        let alto = folder.appendingPathComponent("all.xml").path
        let mets = folder.appendingPathComponent("mets").path, page = folder.appendingPathComponent("page").path
        for (format, out) in [("alto", alto), ("mets", mets), ("page", page)] {
            let r = try CLIRunner.run(["articles", pdf, "--format", format, "-o", out] + pages)
            #expect(r.status == 0, "\(format): \(r.stderr)")
        }
        let name = "de_der-erzaehler_1840-02-21_6pages"
        let altoFiles = ["0002", "0003"].map { mets + "/ALTO/\(name)-\($0).xml" }
        let pageFiles = ["0002", "0003"].map { page + "/\(name)-\($0).xml" }
        for f in altoFiles + pageFiles { #expect(FileManager.default.fileExists(atPath: f), "\(f) is missing") }
        #expect(try XMLNode.parse(alto).descendants("Page").count == 2)
        let expected = try JSONArticles.read(json.stdout)
        #expect(!expected.isEmpty)
        let fromMETS = try METSALTOReader(metsFile: mets + "/\(name)-METS.xml").articles()
        #expect(fromMETS == expected)
        let fromPAGE = try PAGEReader(files: pageFiles).articles()
        #expect(fromPAGE.count == expected.count)
        for (a, b) in zip(fromPAGE, expected) { #expect(a.same(as: b, tolerance: 0.25), "PAGE:\n\(a)\nJSON:\n\(b)") }
        let oneFile = try METSALTOReader(altoFile: alto)
        for a in expected { #expect((oneFile.orders[a.id] ?? []).map(\.role) == a.blocks.map(\.role), "ALTO reading order of \(a.id)") }
        if Self.xmllintAvailable {
            #expect(try Self.schemaErrors([alto] + altoFiles, schema: "alto-4-4.xsd") == nil)
            #expect(try Self.schemaErrors([mets + "/\(name)-METS.xml"], schema: "mets.xsd") == nil)
            #expect(try Self.schemaErrors(pageFiles, schema: "page.xsd") == nil)
        }
    }

    @Test("bad output for the library formats is refused before any work, and nothing is left behind")
    func badOutputIsRefused() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = CLIRunner.shared("devset/en-101.pdf")
        // METS writes a folder: without -o it is an invalid option (exit 2), told why.
        var r = try CLIRunner.run(["articles", pdf, "--format", "mets"])
        #expect(r.status == 2 && r.stderr.contains("-o FOLDER") && r.stdout.isEmpty, "\(r)")
        // -o naming a file for a folder.
        let file = folder.appendingPathComponent("file.xml").path
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        r = try CLIRunner.run(["articles", pdf, "--format", "mets", "-o", file])
        #expect(r.status == 2 && r.stderr.contains("it is a file, not a folder"), "\(r)")
        // A folder in a folder that does not exist.
        r = try CLIRunner.run(["articles", pdf, "--format", "mets", "-o", folder.appendingPathComponent("no/such").path])
        #expect(r.status == 2 && r.stderr.contains("does not exist"), "\(r)")
        // The input itself, as ALTO's and PAGE's -o, by another name.
        let link = folder.appendingPathComponent("same.pdf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: pdf)
        for format in ["alto", "page"] {
            r = try CLIRunner.run(["articles", pdf, "--format", format, "-o", link])
            #expect(r.status == 2 && r.stderr.contains("it is the input file"), "\(format): \(r)")
        }
        // PAGE for several pages needs a folder too.
        if CLIRunner.hasShared("corpus/de_der-erzaehler_1840-02-21_6pages.pdf") {
            r = try CLIRunner.run(["articles", Self.multiPage, "--format", "page", "--pages", "1-2"])
            #expect(r.status == 2 && r.stderr.contains("-o FOLDER"), "\(r)")
        }
        // An unreadable input: the same error as for JSON, and no folder made.
        let out = folder.appendingPathComponent("out").path
        let bad = try CLIRunner.run(["articles", "/nonexistent.pdf", "--format", "mets", "-o", out])
        let json = try CLIRunner.run(["articles", "/nonexistent.pdf"])
        #expect(bad.status == json.status && bad.stderr == json.stderr && bad.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["file.xml", "same.pdf"], "left behind: \(left)")
    }

    @Test("METS is written alike whether the command line is read quickly or by ArgumentParser")
    func metsEitherWay() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = CLIRunner.repositoryRoot.appendingPathComponent("Samples/en-metro.pdf").path
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        #expect(try CLIRunner.run(["articles", pdf, "--format", "mets", "-o", a]).status == 0)
        #expect(try CLIRunner.run(["articles", pdf, "--format=mets", "--output=\(b)"]).status == 0)
        for f in ["en-metro-METS.xml", "ALTO/en-metro-0001.xml"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + f)), y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + f))
            #expect(x == y && !x.isEmpty, "\(f) differs")
        }
    }
}
