import Foundation
import Testing
@testable import GalleyCore

/// The Swift scorer (`galley eval`) agrees with the reference `score.py` on real pages.
///
/// For every ground-truth page of `../shared/devset` (and the corpus pages with ground truth), three
/// predictions are scored by both: Galley's own `articles` JSON, a synthetic articles JSON derived
/// from the ground truth with articles merged, dropped, truncated and polluted with furniture (so the
/// article metrics are neither 0 nor 1), and `pdftotext` plain text. Every metric must agree within 0.01.
@Suite(.enabled(if: AgreementPrerequisites.missing == nil, Comment(rawValue: AgreementPrerequisites.missing ?? "")))
struct EvalAgreementTests {
    static let tolerance = 0.01

    static let cases: [GroundTruthSet.Case] = {
        var out: [GroundTruthSet.Case] = []
        for folder in ["devset", "corpus"] where CLIRunner.hasShared(folder) {
            out += (try? GroundTruthSet(folder: CLIRunner.shared(folder)).cases) ?? []
        }
        return out
    }()

    @Test func devsetIsPresent() {
        #expect(Self.cases.filter { $0.groundTruth.contains("/devset/") }.count >= 30)
    }

    @Test(arguments: cases)
    func scorersAgree(on c: GroundTruthSet.Case) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var predictions: [(kind: String, path: String)] = []

        let real = try CLIRunner.runData(["articles", c.pdf, "--pages", String(c.page), "--format", "json"])
        #expect(real.status == 0, "galley articles failed: \(String(decoding: real.stderr, as: UTF8.self))")
        predictions.append(("galley", try write(real.stdout, "galley.json", in: folder)))

        let synthetic = try Self.synthesize(from: Data(contentsOf: URL(fileURLWithPath: c.groundTruth)))
        predictions.append(("synthetic", try write(synthetic, "synthetic.json", in: folder)))

        if CLIRunner.available("pdftotext", probe: ["-v"]) {
            let text = try CLIRunner.runProgram("pdftotext", ["-f", String(c.page), "-l", String(c.page), c.pdf, "-"])
            predictions.append(("pdftotext", try write(text.stdout, "pdftotext.txt", in: folder)))
        }

        let truth = try GroundTruthPage.load(path: c.groundTruth)
        var report: [String] = []
        for (kind, path) in predictions {
            let py = try CLIRunner.runProgram("python3", [CLIRunner.shared("devset/score.py"), c.groundTruth, path])
            try #require(py.status == 0, "score.py failed: \(String(decoding: py.stderr, as: UTF8.self))")
            let reference = try #require(try JSONSerialization.jsonObject(with: py.stdout) as? [String: Any])
            let swift = Scorer().score(truth, Prediction(contents: try Data(contentsOf: URL(fileURLWithPath: path))))
            var worst = 0.0
            for name in PageScore.metricNames {
                let theirs = reference[name] as? Double
                let ours = swift.value(name)
                #expect((theirs == nil) == (ours == nil), "\(c.name) \(kind) \(name): presence differs")
                guard let theirs, let ours else { continue }
                worst = max(worst, abs(theirs - ours))
                #expect(abs(theirs - ours) <= Self.tolerance,
                        "\(c.name) \(kind) \(name): score.py \(theirs), Swift \(ours)")
            }
            if let articles = reference["articles"] as? String {
                #expect(articles == "\(swift.predictedArticles ?? -1)/\(swift.truthArticles)", "\(c.name) \(kind) articles")
            }
            report.append("\(kind) max|Δ|=\(String(format: "%.5f", worst))")
        }
        print("agreement \(c.name): " + report.joined(separator: ", "))
    }

    @Test func syntheticPredictionsAreNotTrivial() throws {
        // The synthetic predictions must exercise the article metrics: somewhere strictly between 0 and 1.
        let devset = Self.cases.filter { $0.groundTruth.contains("/devset/") }
        var between: [String: Int] = [:]
        for c in devset {
            let truth = try GroundTruthPage.load(path: c.groundTruth)
            let synthetic = try Self.synthesize(from: Data(contentsOf: URL(fileURLWithPath: c.groundTruth)))
            let s = Scorer().score(truth, Prediction(contents: synthetic))
            for name in ["complete", "pure", "headline", "leak", "junction"] {
                if let v = s.value(name), v > 0, v < 1 { between[name, default: 0] += 1 }
            }
        }
        print("synthetic predictions with metric strictly inside (0, 1): \(between.sorted { $0.key < $1.key })")
        for name in ["complete", "pure", "headline"] {
            #expect((between[name] ?? 0) >= devset.count / 2, "\(name) is trivial on most pages")
        }
    }

    func write(_ data: Data, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// An articles JSON derived from a ground-truth page, wrong in known ways: every fourth article
    /// dropped, every third merged into the article before it, the last paragraph of every fifth
    /// article cut in half, the first furniture string put into the first article, and the second
    /// article's headline changed.
    static func synthesize(from groundTruth: Data) throws -> Data {
        let root = try #require(try JSONSerialization.jsonObject(with: groundTruth) as? [String: Any])
        let articles = root["articles"] as? [[String: Any]] ?? []
        var out: [[String: Any]] = []
        for (i, a) in articles.enumerated() {
            if i % 4 == 3 { continue }
            var paragraphs = a["paragraphs"] as? [String] ?? []
            if paragraphs.isEmpty {
                let body = (a["lines"] as? [[String: Any]] ?? []).filter { ($0["role"] as? String) == "body" }
                paragraphs = [body.compactMap { $0["text"] as? String }.joined(separator: " ")]
            }
            if i % 5 == 4, let last = paragraphs.last {
                paragraphs[paragraphs.count - 1] = String(last.prefix(last.count / 2))
            }
            if i % 3 == 2, !out.isEmpty {
                out[out.count - 1]["paragraphs"] = (out[out.count - 1]["paragraphs"] as? [String] ?? []) + paragraphs
                continue
            }
            var item: [String: Any] = ["id": "s\(i)", "paragraphs": paragraphs, "captions": [String](), "blocks": [Any]()]
            for key in ["kicker", "headline", "subheadline", "byline"] { item[key] = a[key] ?? NSNull() }
            if i == 1, let h = a["headline"] as? String { item["headline"] = h + " (changed)" }
            out.append(item)
        }
        let furniture = (root["furniture"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        if let f = furniture.first, !out.isEmpty {
            out[0]["paragraphs"] = (out[0]["paragraphs"] as? [String] ?? []) + [f]
        }
        return try JSONSerialization.data(withJSONObject: ["schema": "galley.articles/1", "source": "synthetic",
                                                           "pages": [Any](), "articles": out])
    }
}

/// Why the agreement suite cannot run, or nil.
enum AgreementPrerequisites {
    static let missing: String? = {
        if !CLIRunner.hasShared("devset/score.py") {
            return "skipped: ../shared/devset (ground truth and score.py) is absent"
        }
        if !CLIRunner.available("python3") { return "skipped: python3 is not installed" }
        return nil
    }()
}

extension GroundTruthSet.Case: CustomTestStringConvertible {
    public var testDescription: String { "\(name) (page \(page))" }
}
