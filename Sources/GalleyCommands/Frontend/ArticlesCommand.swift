import Foundation
import GalleyCore
import GalleyPoppler

/// What `galley articles` does: analyse the pages, write the document in the chosen format.
struct ArticlesCommand {
    var input: PageInput
    var format: Articles.Format
    var output: String?
    var progress: Bool
    var timings = false

    func run() throws {
        // Fail before the analysis, not after it, where the output cannot be written.
        if let output { try AtomicFile.checkWritable(output, input: input.file) }
        let document = try input.open()
        let numbers = try PageRange.resolve(input.pages, count: document.pageCount)
        let reporter = ProgressReporter(requested: progress)
        var pageTimings: [PageTimings] = []
        // Pages that could not be read: reported as met, listed with a warning, the others output.
        var failed: Set<Int> = []
        let result = try ArticlesPipeline().run(document, source: input.file, pages: numbers, progress: { i, count, _ in
            if count > 1 { reporter.report("page \(i)/\(count)…") }
        }, timed: { t in
            guard timings else { return }
            reporter.finish()
            Self.writeTiming(t.line)
            pageTimings.append(t)
        }, failed: { failure in
            reporter.finish()
            failure.report()
            failed.insert(failure.page)
        })
        reporter.finish()
        if timings && pageTimings.count > 1 {
            Self.writeTiming(PageTimings.sum(pageTimings).line.replacingOccurrences(of: "page 0:", with: "all \(pageTimings.count) pages:"))
        }
        for page in result.pages where !failed.contains(page.number) {
            for warning in page.warnings { Warnings.write(warning) }
        }
        let data = try Self.render(result, as: format)
        if let output {
            try AtomicFile.write(data, to: output, input: input.file)
        } else {
            FileHandle.standardOutput.write(data)
        }
        if !failed.isEmpty { throw PagesSkipped(count: failed.count) }
    }

    private static func writeTiming(_ line: String) {
        FileHandle.standardError.write(Data("galley: timings: \(line)\n".utf8))
    }

    static func render(_ document: ArticleDocument, as format: Articles.Format) throws -> Data {
        switch format {
        case .json: return ArticleJSONWriter().data(for: document)
        case .text: return Data(ArticleTextWriter().text(for: document).utf8)
        case .markdown: return Data(ArticleMarkdownWriter().markdown(for: document).utf8)
        }
    }
}
