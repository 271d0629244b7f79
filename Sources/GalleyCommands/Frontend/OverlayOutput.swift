import Foundation

/// Where `galley overlay` writes: the format from the file name, one PNG per page or one PDF.
package struct OverlayOutput {
    package enum Format { case png, pdf
        package init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "png": self = .png
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    package let format: Format
    /// The path asked for, or the default NAME-overlay.png in the current folder.
    package let path: String

    package init(input: String, output: String?) {
        let name = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        path = output ?? "\(name.isEmpty ? "page" : name)-overlay.png"
        format = Format(path: path) ?? .png
    }

    /// The PNG file for `page` when `count` pages are drawn: the path itself for one page,
    /// NAME-PAGE.png for several.
    package func pngPath(page: Int, count: Int) -> String {
        guard count > 1 else { return path }
        let base = (path as NSString).deletingPathExtension
        return "\(base)-\(page).\((path as NSString).pathExtension)"
    }
}
