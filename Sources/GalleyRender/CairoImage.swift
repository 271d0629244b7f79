import CPangoCairo
import Foundation
import GalleyCore
import GalleyPoppler

/// A Cairo image surface (32-bit ARGB, the same 0xAARRGGBB pixel layout as `PageRaster`), owned here
/// and destroyed with this object.
final class CairoImage {
    let surface: OpaquePointer
    let width: Int
    let height: Int

    /// A new image of `width` × `height` pixels, transparent.
    init(width: Int, height: Int) throws {
        guard width > 0, height > 0, let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw RenderError.cairo(what: "create a \(width)×\(height) image", status: "invalid size")
        }
        try CairoImage.check(s, "create a \(width)×\(height) image")
        surface = s
        self.width = width
        self.height = height
    }

    /// A copy of the pixels of `raster` (opaque pixels; alpha is kept as given).
    convenience init(raster: PageRaster) throws {
        try self.init(width: raster.width, height: raster.height)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return }
        raster.pixels.withUnsafeBufferPointer { src in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width { row[x] = src[y * width + x] }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Reads a PNG file.
    init(png path: String) throws {
        guard let s = cairo_image_surface_create_from_png(path) else {
            throw RenderError.cairo(what: "read \(path)", status: "no surface")
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            throw RenderError.cairo(what: "read \(path)", status: String(cString: cairo_status_to_string(status)))
        }
        surface = s
        width = Int(cairo_image_surface_get_width(s))
        height = Int(cairo_image_surface_get_height(s))
    }

    deinit { cairo_surface_destroy(surface) }

    /// The pixels as a raster with `scale` pixels per point.
    func raster(scale: Double) -> PageRaster {
        cairo_surface_flush(surface)
        return PageRaster(copying: cairo_image_surface_get_data(surface).map { UnsafeRawPointer($0) },
                          width: width, height: height,
                          stride: Int(cairo_image_surface_get_stride(surface)), scale: scale)
    }

    /// Writes the image as PNG to `path` (the caller takes care of temporary names).
    func writePNG(to path: String, finalPath: String) throws {
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cannotWrite(path: finalPath, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    static func check(_ surface: OpaquePointer, _ what: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderError.cairo(what: what, status: String(cString: cairo_status_to_string(status)))
        }
    }
}

/// PNG files as rasters: what tests and tools use to look at written overlays.
public enum PNGFile {
    /// Reads the PNG at `path` into a raster (scale 1: the file does not say its resolution).
    public static func read(_ path: String) throws -> PageRaster {
        try CairoImage(png: path).raster(scale: 1)
    }

    /// Writes `raster` as a PNG at `path`, atomically.
    public static func write(_ raster: PageRaster, to path: String) throws {
        let pending = try PendingFile(finalPath: path)
        do {
            try CairoImage(raster: raster).writePNG(to: pending.tempPath, finalPath: path)
            try pending.commit()
        } catch {
            pending.discard()
            throw error
        }
    }
}

extension PageRaster {
    /// The part of the raster under `box` (in points), as a new raster at the same scale;
    /// nil when the box lies outside the raster.
    public func cropped(to box: Rect) -> PageRaster? {
        let x0 = max(0, Int((box.x0 * scale).rounded(.down))), y0 = max(0, Int((box.y0 * scale).rounded(.down)))
        let x1 = min(width, Int((box.x1 * scale).rounded(.up))), y1 = min(height, Int((box.y1 * scale).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        let w = x1 - x0, h = y1 - y0
        var out = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            let src = (y0 + y) * width + x0
            for x in 0..<w { out[y * w + x] = pixels[src + x] }
        }
        return PageRaster(width: w, height: h, scale: scale, pixels: out)
    }
}
