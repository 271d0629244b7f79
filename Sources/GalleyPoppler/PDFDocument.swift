import CPoppler
import Foundation
import GalleyCore

/// An open PDF. Owns the poppler document handle; pages are read one at a time.
public final class PDFDocument {
    /// The path the document was opened from.
    public let path: String
    let handle: OpaquePointer
    private let password: String?
    /// The same file opened in poppler's core library, for the pages' vector paths; opened on first use.
    private var shapeReaderState: PageShapeReader??

    /// Reader of the pages' fills, strokes and images; nil if poppler's core library cannot open the file.
    var shapeReader: PageShapeReader? {
        if let state = shapeReaderState { return state }
        let reader = PageShapeReader(path: path, password: password)
        shapeReaderState = .some(reader)
        return reader
    }

    /// Opens `path`, checking first what a user would get wrong: a missing file, a directory,
    /// a file that is not a PDF, a damaged or encrypted one.
    public init(path: String, password: String? = nil) throws {
        self.path = path
        self.password = password
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ExtractionError.fileNotFound(path: path)
        }
        if isDir.boolValue { throw ExtractionError.isDirectory(path: path) }
        guard let fh = FileHandle(forReadingAtPath: path) else {
            throw ExtractionError.unreadable(path: path, reason: "permission denied")
        }
        let head = (try? fh.read(upToCount: 1024)) ?? Data()
        try? fh.close()
        // The header may follow some junk bytes; readers accept it within the first kilobyte.
        guard head.range(of: Data("%PDF".utf8)) != nil else { throw ExtractionError.notPDF(path: path) }

        let absolute = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(absolute, password, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            let code = error?.pointee.code ?? 0
            let domain = error?.pointee.domain ?? 0
            if let error { g_error_free(error) }
            if domain == cpoppler_error_quark() && code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw ExtractionError.encrypted(path: path, passwordGiven: password != nil)
            }
            throw ExtractionError.damaged(path: path, reason: message)
        }
        handle = doc
    }

    deinit { cpoppler_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Number of pages.
    public var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The document's title from its metadata, if it has one.
    public var title: String? {
        guard let t = poppler_document_get_title(handle) else { return nil }
        defer { g_free(t) }
        let s = String(cString: t)
        return s.isEmpty ? nil : s
    }

    /// Opens page `number` (1-based).
    public func page(_ number: Int) throws -> PDFPage {
        guard number >= 1 && number <= pageCount else {
            throw ExtractionError.pageOutOfRange(page: number, count: pageCount)
        }
        guard let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw ExtractionError.damaged(path: path, reason: "page \(number) cannot be loaded")
        }
        return PDFPage(document: self, handle: p, number: number)
    }
}
