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
                for (format, out) in [("alto", o.alto), ("mets", o.metsFolder), ("page", o.page)] {
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

        if Self.xmllintAvailable {
            let alto = all.map(\.alto) + all.flatMap(\.metsALTO)
            #expect(try Self.schemaErrors(alto, schema: "alto-4-4.xsd") == nil)
            #expect(try Self.schemaErrors(all.map(\.mets), schema: "mets.xsd") == nil)
            #expect(try Self.schemaErrors(all.map(\.page), schema: "page.xsd") == nil)
            print("validated \(alto.count) ALTO, \(all.count) METS and \(all.count) PAGE files of \(all.count) PDFs")
        } else {
            print("SKIPPED part: xmllint (libxml2-utils) is not installed; the outputs are not validated")
        }

        var articles = 0
        for o in all {
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

            // The one-file ALTO has the reading order of the JSON.
            let alto = try METSALTOReader(altoFile: o.alto)
            for b in json {
                #expect((alto.orders[b.id] ?? []).map { $0.role } == b.blocks.map(\.role), "\(o.pdf) ALTO reading order of \(b.id)")
            }

            let fromPAGE = try PAGEReader(files: [o.page]).articles()
            #expect(fromPAGE.count == json.count, "\(o.pdf): PAGE has \(fromPAGE.count) articles, the JSON \(json.count)")
            // PAGE coordinates are whole pixels at 300 ppi: 0.24 pt.
            for (a, b) in zip(fromPAGE, json) { #expect(a.same(as: b, tolerance: 0.25), "\(o.pdf) PAGE:\n\(a)\nJSON:\n\(b)") }
        }
        #expect(articles > 100, "only \(articles) articles on all pages")
        print("read back \(articles) articles of \(all.count) PDFs from METS/ALTO and PAGE XML")
    }
}
