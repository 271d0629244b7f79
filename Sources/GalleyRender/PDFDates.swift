import CPangoCairo
import Foundation

/// The dates a PDF that Galley writes carries. By default cairo stamps the time of writing; where
/// `SOURCE_DATE_EPOCH` is set (the reproducible-builds convention: seconds since 1970), that time is
/// stamped instead, so the same input gives the same bytes (`scripts/make-renders.sh` sets it).
enum PDFDates {
    /// `SOURCE_DATE_EPOCH` as an ISO 8601 date, or nil where it is unset or not a whole number.
    static var reproducible: String? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw),
              seconds >= 0 else { return nil }
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Stamps `surface` (a cairo PDF surface) with the reproducible date, where one is asked for.
    static func stamp(_ surface: OpaquePointer) {
        guard let date = reproducible else { return }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
}
