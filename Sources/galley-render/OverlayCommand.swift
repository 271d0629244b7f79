import Foundation
import GalleyCommands
import GalleyCore
import GalleyPoppler
import GalleyRender

/// What `galley overlay` does: read and analyse each page, draw the page with the analysis on top,
/// write PNGs or a PDF that appear only when every page is done.
struct OverlayCommand {
    var input: InputOptions
    var output: String?
    var dpi: Double
    var layoutPath: String?
    var legend = true
    var progress: Bool

    /// Pages larger than this many pixels are refused rather than exhausting memory.
    static let maxPixels = 150_000_000

    func run() throws {
        let source = try LayoutSource(jsonPath: layoutPath)
        let document = try PageInput(input).open()
        let rasterizer = try PageRasterizer(document: document)
        let numbers = try PageRange.resolve(try input.selection, count: document.pageCount)
        let target = OverlayOutput(input: input.file, output: output)
        // Refused before any drawing: an output that is the input PDF, a folder, a FIFO or a device.
        for path in target.format == .pdf ? [target.path] : numbers.map({ target.pngPath(page: $0, count: numbers.count) }) {
            try AtomicFile.checkWritable(path, input: input.file)
        }
        let scale = dpi / 72
        var style = OverlayStyle()
        style.showLegend = legend
        let renderer = OverlayRenderer(style: style)
        let reporter = ProgressReporter(requested: progress)
        var written: [String] = []
        var skipped = 0

        var batch = OverlayPNGBatch(renderer: renderer)
        let pdf = target.format == .pdf ? try OverlayPDF(path: target.path, renderer: renderer) : nil
        do {
            for (i, n) in numbers.enumerated() {
                if numbers.count > 1 { reporter.report("page \(i + 1)/\(numbers.count)…") }
                let page = try document.page(n)
                let (w, h) = page.size
                guard page.hasPlausibleSize else { throw ExtractionError.implausibleSize(page: n, width: w, height: h) }
                guard w * scale * h * scale <= Double(Self.maxPixels) else {
                    throw OverlayTooLarge(page: n, dpi: dpi, width: w, height: h)
                }
                let layout: PageLayout
                do {
                    layout = try source.layout(of: page)
                } catch let error as ExtractionError where error.isOverBudget {
                    // A page past --page-timeout or --max-glyphs is left out; the others are drawn (exit 1).
                    PageFailure(document: document, page: n, error: error).report()
                    skipped += 1
                    continue
                }
                for warning in layout.summary.warnings { Warnings.write(warning) }
                let raster = try rasterizer.render(page: n, scale: scale)
                if let pdf {
                    try pdf.addPage(layout, on: raster)
                } else {
                    let path = target.pngPath(page: n, count: numbers.count)
                    try batch.add(layout, on: raster, to: path)
                    written.append(path)
                }
            }
            reporter.finish()
            if let pdf {
                try pdf.finish()
                written = [target.path]
            } else {
                try batch.commit()
            }
        } catch {
            reporter.finish()
            batch.discard()
            throw error
        }
        FileHandle.standardOutput.write(Data(written.map { $0 + "\n" }.joined().utf8))
        if skipped > 0 { throw PagesSkipped(count: skipped) }
    }
}

/// A page too large to draw at the resolution asked for.
struct OverlayTooLarge: Error, CustomStringConvertible {
    let page: Int, dpi: Double, width: Double, height: Double
    var description: String {
        // Any size a page may claim, 1e307 pt included, is written without trapping.
        func whole(_ v: Double) -> String { v.isFinite && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
        return "page \(page) is \(whole(width)) x \(whole(height)) pt: at \(whole(dpi)) dpi the image would be too large; use a lower --dpi"
    }
}
