import ArgumentParser
import Foundation
import GalleyCore
import GalleyPoppler

struct Articles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the articles of newspaper pages: headlines, bylines, paragraphs, captions.",
        discussion: """
            Reads each page, finds its lines, blocks, columns and separators, rebuilds reading order and \
            groups the text into articles. Page furniture (header, folio, advertisements) is listed apart \
            and never mixed into articles. JSON follows the schema galley.articles/1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, markdown }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json, text or markdown.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        try CommandErrors.reporting {
            let document = try PDFDocument(path: input.file, password: input.password)
            let numbers = try PageRange.resolve(input.pages, count: document.pageCount)
            var result = ArticleDocument(source: input.file)
            let analyzer = PageAnalyzer()
            for n in numbers {
                let layout = analyzer.analyze(try document.page(n).content())
                result.pages.append(layout.summary)
                result.articles += layout.articles
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let data = try encoder.encode(result)
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
    }
}
