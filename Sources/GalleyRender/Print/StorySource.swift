import Foundation
import GalleyCore

/// Where a printed story comes from, as a reader wants it under the headline and in the page footers:
/// the paper's name and date from the page furniture (header, masthead, footer, folio), then the
/// file and page it was taken from.
public struct StorySource: Sendable, Equatable {
    /// Furniture texts that name the paper, date and edition, in page order.
    public var masthead: [String]
    /// The folio (printed page number), if found.
    public var folio: String?
    /// The file's name and the PDF pages the story was read from.
    public var file: String
    public var pages: [Int]

    /// Furniture texts longer than this are cut: a header is a line, not a paragraph.
    static let maxPart = 48

    public init(file: String, pages: [Int], furniture: [Furniture]) {
        self.file = (file as NSString).lastPathComponent
        self.pages = Array(Set(pages)).sorted()
        let ordered = furniture.sorted { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }
        var parts: [String] = []
        for f in ordered where [.header, .masthead, .footer].contains(f.role) {
            let t = f.text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, !parts.contains(t), !Self.isFolio(t) else { continue }
            parts.append(t.count > Self.maxPart ? String(t.prefix(Self.maxPart - 1)) + "…" : t)
        }
        masthead = parts
        folio = ordered.first { $0.role == .folio }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            ?? ordered.first { [.header, .footer].contains($0.role) && Self.isFolio($0.text) }?.text
    }

    /// A bare page number such as "5" or "A3".
    static func isFolio(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.count <= 4 && t.contains(where: \.isNumber) && t.allSatisfy { $0.isNumber || $0.isLetter && $0.isASCII }
    }

    /// The one-line credit: "The Daily Test · Monday, May 19, 2025 · p. 5 — from paper.pdf, page 1".
    public var line: String {
        var head = masthead
        if let folio, !folio.isEmpty { head.append("p. \(folio)") }
        let pageList = pages.map(String.init).joined(separator: ", ")
        let from = "from \(file), page\(pages.count == 1 ? "" : "s") \(pageList)"
        return head.isEmpty ? from.prefix(1).uppercased() + from.dropFirst() : head.joined(separator: " · ") + " — " + from
    }
}
