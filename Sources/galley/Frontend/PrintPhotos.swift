import GalleyCore
import GalleyPoppler
import GalleyRender

/// The photos of an article cut from its page renders, paired in order with its captions.
struct PrintPhotos {
    let document: PDFDocument
    let dpi: Double

    func photos(of article: Article) throws -> [StoryPhoto] {
        let images = article.blocks.filter { $0.role == .image && !$0.bbox.isEmpty }
        guard !images.isEmpty else { return [] }
        var renders: [Int: PageRaster] = [:]
        var photos: [StoryPhoto] = []
        for (i, block) in images.enumerated() {
            if renders[block.page] == nil { renders[block.page] = try document.page(block.page).render(scale: dpi / 72) }
            guard let cut = renders[block.page]?.cropped(to: block.bbox) else { continue }
            photos.append(StoryPhoto(image: cut, caption: i < article.captions.count ? article.captions[i] : nil))
        }
        return photos
    }
}
