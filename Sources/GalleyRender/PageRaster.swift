import GalleyCore

/// A page drawn into memory: 32-bit pixels 0xAARRGGBB, row by row, `scale` pixels per point.
public struct PageRaster: Sendable {
    public var width: Int
    public var height: Int
    public var scale: Double
    public var pixels: [UInt32]

    public init(width: Int, height: Int, scale: Double, pixels: [UInt32]) {
        self.width = width; self.height = height; self.scale = scale; self.pixels = pixels
    }

    /// Copies the pixels of a 32-bit image in memory (a Cairo ARGB32 or RGB24 image surface's data):
    /// `height` rows of `width` pixels, each row starting `stride` bytes after the one before.
    public init(copying data: UnsafeRawPointer?, width: Int, height: Int, stride: Int, scale: Double) {
        var pixels = [UInt32](repeating: 0, count: width * height)
        if let data {
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = (data + y * stride).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<width { out[y * width + x] = row[x] }
                }
            }
        }
        self.init(width: width, height: height, scale: scale, pixels: pixels)
    }

    /// Luminance 0…255 of the pixel at (x, y).
    @inline(__always)
    public func luminance(_ x: Int, _ y: Int) -> Int {
        let p = pixels[y * width + x]
        let r = Int((p >> 16) & 0xff), g = Int((p >> 8) & 0xff), b = Int(p & 0xff)
        return (r * 299 + g * 587 + b * 114) / 1000
    }
}
