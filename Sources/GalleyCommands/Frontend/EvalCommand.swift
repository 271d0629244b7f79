import ArgumentParser
import Foundation
import GalleyCore
import GalleyPoppler

/// What `galley eval` does: analyse every page that has ground truth, score it, print the table.
struct EvalCommand {
    var folder: String
    var format: Eval.Format
    var only: String?
    var progress: Bool

    func run() throws {
        var cases = try GroundTruthSet(folder: folder).cases
        if let only { cases = cases.filter { $0.name.contains(only) } }
        guard !cases.isEmpty else {
            if let only { throw ValidationError("no ground-truth page in \(folder) has a name containing \(only)") }
            throw EvaluationError.noGroundTruth(path: folder)
        }
        let reporter = ProgressReporter(requested: progress)
        var results: [EvalSummary.PageResult] = []
        var position = 0
        // Each PDF is opened once for all its pages.
        for (pdf, group) in Self.groupedByPDF(cases) {
            let document = Result { try PDFDocument(path: pdf) }
            for c in group {
                position += 1
                reporter.report("page \(position)/\(cases.count)… \(c.name)")
                results.append(Self.evaluate(c, in: document))
            }
        }
        reporter.finish()
        let summary = EvalSummary(pages: results)
        let text = format == .json ? EvalReport.json(summary, folder: folder, cases: cases)
                                   : EvalReport.text(summary)
        FileHandle.standardOutput.write(Data(text.utf8))
        let failed = results.filter { $0.error != nil }
        for f in failed { Warnings.write("\(f.name): \(f.error ?? "")") }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    static func groupedByPDF(_ cases: [GroundTruthSet.Case]) -> [(String, [GroundTruthSet.Case])] {
        var order: [String] = []
        var groups: [String: [GroundTruthSet.Case]] = [:]
        for c in cases {
            if groups[c.pdf] == nil { order.append(c.pdf) }
            groups[c.pdf, default: []].append(c)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Scores one page; a page that cannot be analysed is scored as an empty prediction with its error.
    static func evaluate(_ c: GroundTruthSet.Case, in document: Result<PDFDocument, Error>) -> EvalSummary.PageResult {
        let truth: GroundTruthPage
        do { truth = try GroundTruthPage.load(path: c.groundTruth) } catch {
            let empty = PageScore(junction: 0, colbreak: 0, headfirst: 0, truthArticles: 0)
            return .init(name: c.name, language: .latin, score: empty, error: "\(error)")
        }
        let language: EvalSummary.Language = truth.isChinese ? .zh : .latin
        var prediction = Prediction(articles: [])
        var drawn: String?
        var failure: String?
        do {
            let doc = try document.get()
            guard c.page <= doc.pageCount else {
                throw ExtractionError.pageOutOfRange(page: c.page, count: doc.pageCount)
            }
            let analysed = try ArticlesPipeline().run(doc, source: c.pdf, pages: [c.page], read: { page in
                // The baseline: every glyph in the order the page draws it (the scorer ignores white space).
                drawn = page.glyphs.map(\.text).joined()
            })
            prediction = Prediction(document: analysed)
        } catch {
            failure = "\(error)"
        }
        var score = Scorer().score(truth, prediction)
        if let drawn { score.drawn = Scorer().score(truth, Prediction(text: drawn)).junction }
        return .init(name: c.name, language: language, score: score, error: failure)
    }
}
