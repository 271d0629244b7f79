import Foundation
import GalleyCommands
import GalleyCore
import GalleyPoppler
import GalleyRender

/// What `galley print` does: find the article (analysing as few pages as it can), cut its photos from
/// the page render, and typeset it; or list the articles.
struct PrintCommand {
    var input: InputOptions
    var articleID: String?
    var list: Bool
    var output: String?
    var options: PrintOptions
    var photoDPI: Double
    var layoutPath: String?

    func run() throws {
        let source = try LayoutSource(jsonPath: layoutPath)
        let pageInput = PageInput(input)
        let document = try pageInput.open()
        let numbers = try PageRange.resolve(pageInput.pages, count: document.pageCount)
        let target = output ?? defaultOutput()
        if !list { try AtomicFile.checkWritable(target, input: input.file) }

        // An id names its page (p3-a2): analyse that page first and the rest only if it is not there.
        var layouts: [Int: PageLayout] = [:]
        var skipped: Set<Int> = []
        func analyse(_ pages: [Int]) throws {
            for n in pages where layouts[n] == nil && !skipped.contains(n) {
                let layout: PageLayout
                do {
                    layout = try source.layout(of: try document.page(n))
                } catch let error as ExtractionError where error.isOverBudget {
                    // A page past --page-timeout or --max-glyphs is left out (exit 1).
                    PageFailure(document: document, page: n, error: error).report()
                    skipped.insert(n)
                    continue
                }
                for warning in layout.summary.warnings { Warnings.write(warning) }
                layouts[n] = layout
            }
        }
        var found: Article?
        if !list, let id = articleID, let page = Self.page(ofID: id), numbers.contains(page) {
            try analyse([page])
            found = layouts[page]?.articles.first { $0.id == id }
        }
        if found == nil {
            try analyse(numbers)
            found = numbers.flatMap { layouts[$0]?.articles ?? [] }.first { $0.id == articleID }
        }
        let all = numbers.flatMap { layouts[$0]?.articles ?? [] }
        if list {
            listArticles(all)
            if !skipped.isEmpty { throw PagesSkipped(count: skipped.count) }
            return
        }
        guard let article = found else {
            if all.isEmpty { throw PrintError.noArticles(source: input.file) }
            throw PrintError.unknownArticle(id: articleID ?? "", valid: all.map(\.id))
        }

        let pages = Array(Set(article.blocks.map(\.page))).sorted()
        let furniture = pages.flatMap { layouts[$0]?.summary.furniture ?? [] }
        let credit = StorySource(file: input.file, pages: pages.isEmpty ? [numbers.first ?? 1] : pages, furniture: furniture)
        let photos = try PrintPhotos(document: document, dpi: photoDPI).photos(of: article)
        let printed = try StoryPrinter(options: options).write(article, photos: photos, source: credit, to: target)
        let note = "\(printed.pages) page\(printed.pages == 1 ? "" : "s")" + (printed.photos > 0 ? ", \(printed.photos) photo\(printed.photos == 1 ? "" : "s")" : "")
        FileHandle.standardOutput.write(Data("\(target) (\(note))\n".utf8))
        if !skipped.isEmpty { throw PagesSkipped(count: skipped.count) }
    }

    /// The page an id such as `p3-a2` names.
    static func page(ofID id: String) -> Int? {
        guard id.hasPrefix("p"), let dash = id.firstIndex(of: "-") else { return nil }
        return Int(id[id.index(after: id.startIndex)..<dash])
    }

    func defaultOutput() -> String {
        let name = ((input.file as NSString).lastPathComponent as NSString).deletingPathExtension
        return "\(name.isEmpty ? "story" : name)-\(articleID ?? "article").pdf"
    }

    /// One line per article: id, then its headline (or the start of its text).
    func listArticles(_ articles: [Article]) {
        guard !articles.isEmpty else {
            Warnings.write("\(input.file): no articles found on the pages read")
            return
        }
        let width = articles.map(\.id.count).max() ?? 0
        var out = ""
        for a in articles {
            let name = [a.headline, a.kicker, a.subheadline, a.paragraphs.first].compactMap { $0 }.first { !$0.isEmpty } ?? "(no text)"
            let short = name.count > 70 ? String(name.prefix(69)) + "…" : name
            let extra = "\(a.paragraphs.count) paragraph\(a.paragraphs.count == 1 ? "" : "s")" + (a.blocks.contains { $0.role == .image } ? ", photo" : "")
            out += a.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + short + "  (" + extra + ")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
