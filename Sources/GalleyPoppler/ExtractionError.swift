/// Why a PDF or one of its pages could not be read.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path names nothing.
    case fileNotFound(path: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The file does not start like a PDF.
    case notPDF(path: String)
    /// Poppler could not parse the file (truncated or corrupt).
    case damaged(path: String, reason: String)
    /// The PDF is encrypted and no password, or a wrong one, was given.
    case encrypted(path: String, passwordGiven: Bool)
    /// A page number outside 1…count.
    case pageOutOfRange(page: Int, count: Int)
    /// The page has no area to lay out.
    case zeroSizePage(page: Int)
    /// The page's size is not a number or larger than any page could be (`PDFPage.maximumSide`).
    case implausibleSize(page: Int, width: Double, height: Double)
    /// Reading the page's content took longer than its time limit (`PageLimits.seconds`).
    case readingTimedOut(page: Int, seconds: Double)
    /// The page holds more glyphs than its limit (`PageLimits.maxGlyphs`).
    case tooManyGlyphs(page: Int, limit: Int)

    public var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not a PDF file"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .notPDF(let path): return "\(path): not a PDF (the file does not start with %PDF)"
        case .damaged(let path, let reason): return "\(path): the PDF is damaged or truncated (\(reason))"
        case .encrypted(let path, let given):
            return given ? "\(path): the password is wrong for this encrypted PDF"
                : "\(path): the PDF is encrypted; give its password with --password"
        case .pageOutOfRange(let page, let count):
            return "page \(page) does not exist: the document has \(count) page\(count == 1 ? "" : "s")"
        case .zeroSizePage(let page): return "page \(page) has zero size"
        case .implausibleSize(let page, let width, let height):
            return "page \(page) is \(width) x \(height) pt, larger than any page (at most \(Int(PDFPage.maximumSide)) pt a side)"
        case .readingTimedOut(let page, let seconds):
            return "page \(page) took longer than \(Self.number(seconds)) s to read"
        case .tooManyGlyphs(let page, let limit): return "page \(page) has more than \(limit) glyphs"
        }
    }

    /// 30 for 30.0, 2.5 for 2.5.
    public static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

    /// True for a page past its `PageLimits`: the page is skipped, the others still read.
    public var isOverBudget: Bool {
        switch self {
        case .readingTimedOut, .tooManyGlyphs: return true
        default: return false
        }
    }
}
