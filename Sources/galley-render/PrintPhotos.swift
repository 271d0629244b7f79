import GalleyCore
import GalleyPoppler
import GalleyRender

/// The photos of an article cut from its page renders, paired in order with its captions.
struct PrintPhotos {
    let rasterizer: PageRasterizer
    let dpi: Double

    init(document: PDFDocument, dpi: Double) throws {
        rasterizer = try PageRasterizer(document: document)
        self.dpi = dpi
    }

    func photos(of article: Article) throws -> [StoryPhoto] {
        let images = article.blocks.filter { $0.role == .image && !$0.bbox.isEmpty }
        guard !images.isEmpty else { return [] }
        var renders: [Int: PageRaster] = [:]
        var photos: [StoryPhoto] = []
        for (i, block) in images.enumerated() {
            if renders[block.page] == nil { renders[block.page] = try rasterizer.render(page: block.page, scale: dpi / 72) }
            guard let cut = renders[block.page]?.cropped(to: block.bbox) else { continue }
            photos.append(StoryPhoto(image: cut, caption: i < article.captions.count ? article.captions[i] : nil))
        }
        return photos
    }
}
