import CPopplerReader
import Foundation
import GalleyCore

/// An open PDF, read with poppler's core library. Owns the document handle; pages are read one at
/// a time.
public final class PDFDocument {
    /// The path the document was opened from.
    public let path: String
    /// The password it was opened with, if any (a renderer opening the same file needs it too).
    public let password: String?
    let handle: OpaquePointer
    /// What reading one page may cost (none by default); a page past it throws instead of being read on.
    public var limits = PageLimits.none

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
        guard Self.holdsHeader(head) else { throw ExtractionError.notPDF(path: path) }

        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        guard let doc = gp_document_open(path, password, &status, &message, message.count) else {
            let reason = String(cString: message)
            switch Int(status) {
            case Int(GP_OPEN_ENCRYPTED): throw ExtractionError.encrypted(path: path, passwordGiven: password != nil)
            case Int(GP_OPEN_UNREADABLE): throw ExtractionError.unreadable(path: path, reason: reason)
            default: throw ExtractionError.damaged(path: path, reason: reason)
            }
        }
        // A document without a page (its page tree lost, its /Count impossible) has nothing to read: it is
        // damaged, not an empty result.
        guard gp_document_page_count(doc) > 0 else {
            gp_document_close(doc)
            throw ExtractionError.damaged(path: path, reason: "no page can be found in it")
        }
        handle = doc
    }

    deinit { gp_document_close(handle) }

    /// Whether `bytes` hold "%PDF" anywhere. A plain scan: `Data.range(of:)` costs half a million
    /// instructions on a kilobyte, more than the rest of these checks together.
    static func holdsHeader(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= 4 else { return false }
            for i in 0...(b.count - 4) where b[i] == 0x25 {  // "%PDF"
                if b[i + 1] == 0x50 && b[i + 2] == 0x44 && b[i + 3] == 0x46 { return true }
            }
            return false
        }
    }

    /// Number of pages.
    public var pageCount: Int { Int(gp_document_page_count(handle)) }

    /// Opens page `number` (1-based).
    public func page(_ number: Int) throws -> PDFPage {
        guard number >= 1 && number <= pageCount else {
            throw ExtractionError.pageOutOfRange(page: number, count: pageCount)
        }
        var w = 0.0, h = 0.0
        guard gp_page_size(handle, Int32(number - 1), &w, &h) == 0 else {
            throw ExtractionError.damaged(path: path, reason: "page \(number) cannot be loaded")
        }
        return PDFPage(document: self, number: number, width: w, height: h)
    }
}
