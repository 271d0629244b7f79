import CPangoCairo
import Foundation
import GalleyCore
import GalleyPoppler

/// A photo of an article, cut from the page render, with its caption.
public struct StoryPhoto: Sendable {
    public var image: PageRaster
    public var caption: String?
    public init(image: PageRaster, caption: String? = nil) { self.image = image; self.caption = caption }
}

/// What was printed.
public struct PrintedStory: Sendable, Equatable {
    public var pages: Int
    public var photos: Int
}

/// Typesets one article as a new, readable PDF: kicker, headline, deck and byline, then the paragraphs
/// with real line breaking (justified, Latin words hyphenated where a line needs it), the photos with
/// their captions, a source line, and page numbers. Fonts are embedded and the text stays extractable.
public struct StoryPrinter: Sendable {
    public var options: PrintOptions

    public init(options: PrintOptions = .init()) { self.options = options }

    /// Writes `article` to `path` (atomically: nothing is left there on failure).
    /// `photos` go with the article's image blocks; captions beyond the photos are printed at the end.
    public func write(_ article: Article, photos: [StoryPhoto] = [], source: StorySource, to path: String) throws -> PrintedStory {
        let hasText = [article.kicker, article.headline, article.subheadline, article.byline].contains { !($0 ?? "").isEmpty }
            || !article.paragraphs.isEmpty || !article.captions.isEmpty
        guard hasText || !photos.isEmpty else { throw PrintError.emptyArticle(id: article.id) }
        let pending = try PendingFile(finalPath: path)
        do {
            let result = try typeset(article, photos: photos, source: source.line, tempPath: pending.tempPath, finalPath: path)
            try pending.commit()
            return result
        } catch {
            pending.discard()
            throw error
        }
    }

    private func typeset(_ article: Article, photos: [StoryPhoto], source: String, tempPath: String, finalPath: String) throws -> PrintedStory {
        let paper = options.paper.size
        guard let surface = cairo_pdf_surface_create(tempPath, paper.width, paper.height) else {
            throw RenderError.cannotWrite(path: finalPath, reason: "cairo cannot create a PDF")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cannotWrite(path: finalPath, reason: String(cString: cairo_status_to_string(status)))
        }
        if let title = article.headline ?? article.paragraphs.first.map({ String($0.prefix(60)) }) {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "galley print")
        PDFDates.stamp(surface)
        guard let cr = cairo_create(surface) else { throw RenderError.cairo(what: "draw the story", status: "no context") }
        defer { cairo_destroy(cr) }

        let images = try photos.map { try CairoImage(raster: $0.image) }
        if options.vertical && StoryScript.of(article) == .cjk {
            let vertical = composeVertically(article, photos: photos, images: images, source: source, cr: cr)
            return try finish(vertical.pages, photos: photos.count, cr: cr, surface: surface, finalPath: finalPath)
        }
        var composer = compose(article, photos: photos, images: images, source: source, cr: cr, balance: nil)
        // Two columns end level on the last page: lower their bottom until the story just fits.
        if options.columns > 1, let fill = composer.lastPageFill, composer.pages.count > 0 {
            let last = composer.pages.count - 1
            let step = options.bodySize * 0.5
            var bottom = fill.top + fill.height / Double(options.columns)
            for _ in 0..<60 {
                let trial = compose(article, photos: photos, images: images, source: source, cr: cr, balance: (last, bottom))
                if trial.pages.count == composer.pages.count { composer = trial; break }
                bottom += step
            }
        }
        composer.placeFolios(headline: article.headline ?? "", source: source)
        return try finish(composer.pages, photos: photos.count, cr: cr, surface: surface, finalPath: finalPath)
    }

    /// Draws the composed pages and finishes the PDF.
    private func finish(_ pages: [[PrintItem]], photos: Int, cr: OpaquePointer, surface: OpaquePointer,
                        finalPath: String) throws -> PrintedStory {
        for (i, items) in pages.enumerated() {
            if i > 0 { cairo_show_page(cr) }
            draw(items, cr)
        }
        try Cairo.check(context: cr, "typeset the story")
        cairo_surface_finish(surface)
        let finished = cairo_surface_status(surface)
        guard finished == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cannotWrite(path: finalPath, reason: String(cString: cairo_status_to_string(finished)))
        }
        return PrintedStory(pages: pages.count, photos: photos)
    }

    /// The story set vertically (VerticalStoryComposer): display lines, paragraphs, photos after the
    /// lead, captions without a photo at the end.
    private func composeVertically(_ article: Article, photos: [StoryPhoto], images: [CairoImage], source: String,
                                   cr: OpaquePointer) -> VerticalStoryComposer {
        let composer = VerticalStoryComposer(cr: cr, options: options)
        composer.placeHeader(article)
        for (i, p) in article.paragraphs.enumerated() where !p.allSatisfy(\.isWhitespace) {
            composer.placeParagraph(p)
            if i == 0 { for (photo, image) in zip(photos, images) { composer.placeFigure(image, caption: photo.caption) } }
        }
        if article.paragraphs.isEmpty { for (photo, image) in zip(photos, images) { composer.placeFigure(image, caption: photo.caption) } }
        for caption in article.captions where !photos.contains(where: { $0.caption == caption }) {
            composer.placeFigure(nil, caption: caption)
        }
        composer.placeFolios(source: source)
        return composer
    }

    /// Places everything of the story; `balance` shortens the columns of one page.
    private func compose(_ article: Article, photos: [StoryPhoto], images: [CairoImage], source: String, cr: OpaquePointer,
                         balance: (page: Int, bottom: Double)?) -> StoryComposer {
        let composer = StoryComposer(cr: cr, options: options, script: StoryScript.of(article))
        composer.balance = balance
        composer.placeHeader(article, source: source)
        // Photos go after the paragraph nearest their share of the story: the first after the lead.
        let n = article.paragraphs.count
        let slots = photos.indices.map { n == 0 ? 0 : min(n, 1 + $0 * max(1, n / max(1, photos.count))) }
        var next = 0
        func figuresUpTo(_ paragraphsDone: Int) {
            while next < photos.count && slots[next] <= paragraphsDone {
                composer.placeFigure(images[next], caption: photos[next].caption)
                next += 1
            }
        }
        figuresUpTo(0)
        for (i, p) in article.paragraphs.enumerated() {
            if !p.allSatisfy(\.isWhitespace) { composer.placeParagraph(p, first: i == 0) }
            figuresUpTo(i + 1)
        }
        figuresUpTo(Int.max)
        // Captions with no photo of their own.
        for caption in article.captions where !photos.contains(where: { $0.caption == caption }) {
            composer.placeFigure(nil, caption: caption)
        }
        return composer
    }

    private func draw(_ items: [PrintItem], _ cr: OpaquePointer) {
        for item in items {
            switch item {
            case let .line(p, line, x, baseline, c):
                cairo_set_source_rgb(cr, c.r, c.g, c.b)
                p.drawLine(cr, line, x: x, baseline: baseline)
            case let .verticalLine(p, line, right, top, c):
                cairo_set_source_rgb(cr, c.r, c.g, c.b)
                p.drawVerticalLine(cr, line, right: right, top: top)
            case let .text(p, x, y, c):
                cairo_set_source_rgb(cr, c.r, c.g, c.b)
                p.draw(cr, x: x, y: y)
            case let .image(image, r):
                Cairo.paint(cr, image: image, in: (r.x0, r.y0, r.width, r.height))
            case let .rule(r):
                cairo_set_source_rgb(cr, 0.35, 0.35, 0.35)
                cairo_rectangle(cr, r.x0, r.y0, r.width, r.height)
                cairo_fill(cr)
            }
        }
    }
}
