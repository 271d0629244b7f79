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
    /// Inputs after the first, and the batch options: see `BatchCommand`.
    var moreInputs: [String] = []
    var batch = BatchSettings()

    func run() throws {
        if BatchCommand.wanted(inputs: [input.file] + moreInputs, options: batch) {
            guard let output else { throw CommandFailure("a batch (several inputs, a folder or a batch option) needs -o naming the output folder") }
            return try BatchCommand(inputs: [input.file] + moreInputs, pages: input.pages, password: input.password,
                                    format: format, outputFolder: output, options: batch, progress: progress).run()
        }
        // Fail before the analysis, not after it, where the output cannot be written.
        let library = LibraryFormatOutput.handles(format) ? LibraryFormatOutput(format: format, input: input.file, output: output) : nil
        if library == nil, let output { try AtomicFile.checkWritable(output, input: input.file) }
        let document = try input.open()
        let numbers = try PageRange.resolve(input.pages, count: document.pageCount)
        try library?.check(pageCount: numbers.count)
        var regions: [Int: RegionPage] = [:]
        let reporter = ProgressReporter(requested: progress)
        var pageTimings: [PageTimings] = []
        // Pages that could not be read: reported as met, listed with a warning, the others output.
        var failed: Set<Int> = []
        // Scanned pages without a text layer: written (with their warning), and the exit status is 1.
        var withoutTextLayer: Set<Int> = []
        let result = try ArticlesPipeline().run(document, source: input.file, pages: numbers, progress: { i, count, _ in
            if count > 1 { reporter.report("page \(i)/\(count)…") }
        }, timed: { t in
            guard timings else { return }
            reporter.finish()
            Self.writeTiming(t.line)
            pageTimings.append(t)
        }, read: { content in
            if content.glyphs.isEmpty && content.warnings.contains(where: { $0.contains("no text layer") }) {
                withoutTextLayer.insert(content.number)
            }
        }, analysed: { content, layout, trace in
            guard library != nil else { return }
            regions[content.number] = RegionPageBuilder().page(layout, trace: trace, rules: content.rules)
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
        if let library {
            try library.write(result.pages.map { regions[$0.number] ?? RegionPage(number: $0.number, width: $0.width, height: $0.height) })
        } else {
            let data = try Self.render(result, as: format)
            if let output {
                try AtomicFile.write(data, to: output, input: input.file)
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
        WorkerReport.write(pages: result.pages.count, output: output)
        if !failed.isEmpty { throw PagesSkipped(count: failed.count) }
        if !withoutTextLayer.isEmpty { throw PagesWithoutTextLayer(count: withoutTextLayer.count) }
    }

    private static func writeTiming(_ line: String) {
        FileHandle.standardError.write(Data("galley: timings: \(line)\n".utf8))
    }

    static func render(_ document: ArticleDocument, as format: Articles.Format) throws -> Data {
        switch format {
        case .json: return ArticleJSONWriter().data(for: document)
        case .text: return Data(ArticleTextWriter().text(for: document).utf8)
        case .markdown: return Data(ArticleMarkdownWriter().markdown(for: document).utf8)
        case .alto, .mets, .page:
            // They need the pages' blocks and lines, not the document alone: LibraryFormatOutput writes them.
            throw CommandFailure("--format \(format.rawValue) is written from the pages' regions, not from the articles")
        }
    }
}
