import Foundation
import GalleyCore

/// The report's `index.html`: one self-contained page (its style and script inline, images and PDFs
/// linked relative to it), nothing loaded from elsewhere.
struct ReportPage {
    var documents: [ReportDocument]

    /// A page of a document, as the report shows it.
    struct Page {
        var document: Int
        var summary: PageSummary
        var articles: [Article]
        var anchor: String { "d\(document + 1)-p\(summary.number)" }
    }

    var pages: [Page] {
        documents.enumerated().flatMap { d, document -> [Page] in
            guard let doc = document.articles else { return [] }
            return doc.pages.map { summary in
                Page(document: d, summary: summary, articles: doc.articles.filter { Self.page(of: $0) == summary.number })
            }
        }
    }

    /// The page an article is shown on: its first block's, or the one its id names.
    static func page(of article: Article) -> Int? {
        if let first = article.blocks.map(\.page).min() { return first }
        guard article.id.hasPrefix("p") else { return nil }
        return Int(article.id.dropFirst().prefix { $0.isNumber })
    }

    func html() -> String {
        let pages = self.pages
        let articleCount = pages.reduce(0) { $0 + $1.articles.count }
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Galley report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>Galley report</h1>
            <p class="counts">\(documents.count) document\(documents.count == 1 ? "" : "s"), \(pages.count) page\(pages.count == 1 ? "" : "s"), \(articleCount) article\(articleCount == 1 ? "" : "s"). <span class="keys">Keys: <kbd>j</kbd> / <kbd>→</kbd> next page, <kbd>k</kbd> / <kbd>←</kbd> previous.</span></p>

            """
        out += warnings(pages)
        out += "<nav><ol>" + pages.map { p in
            "<li><a href=\"#\(p.anchor)\">\(Self.escape(Self.name(documents[p.document].input))) p. \(p.summary.number)</a></li>"
        }.joined() + "</ol></nav>\n</header>\n<main>\n"
        for page in pages { out += section(page) }
        out += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The pages to look at, at the top: warnings, failed documents, what could not be drawn.
    func warnings(_ pages: [Page]) -> String {
        var items: [String] = []
        for (d, document) in documents.enumerated() {
            let first = pages.first { $0.document == d }
            for problem in document.problems {
                let place = first.map { "<a href=\"#\($0.anchor)\">\(Self.escape(document.input))</a>" } ?? Self.escape(document.input)
                items.append("<li class=\"failed\">\(place): \(Self.escape(problem))</li>")
            }
        }
        for page in pages where !page.summary.warnings.isEmpty {
            let name = Self.escape(Self.name(documents[page.document].input))
            items.append("<li><a href=\"#\(page.anchor)\">\(name), page \(page.summary.number)</a>: "
                         + page.summary.warnings.map(Self.escape).joined(separator: "; ") + "</li>")
        }
        guard !items.isEmpty else { return "<section id=\"warnings\" class=\"clear\"><p>No page has warnings.</p></section>\n" }
        return "<section id=\"warnings\"><h2>Pages to look at (\(items.count))</h2><ul>\(items.joined())</ul></section>\n"
    }

    func section(_ page: Page) -> String {
        let document = documents[page.document]
        let flagged = !page.summary.warnings.isEmpty
        var out = "<section class=\"page\(flagged ? " flagged" : "")\" id=\"\(page.anchor)\">\n"
        out += "<h2>\(Self.escape(document.input)) — page \(page.summary.number)</h2>\n"
        for warning in page.summary.warnings { out += "<p class=\"warning\">\(Self.escape(warning))</p>\n" }
        out += "<div class=\"columns\">\n<figure>"
        if document.overlayDrawn {
            let src = document.overlay(page: page.summary.number)
            out += "<a href=\"\(Self.url(src))\"><img src=\"\(Self.url(src))\" alt=\"overlay of page \(page.summary.number)\"></a>"
        } else {
            out += "<p class=\"warning\">No overlay.</p>"
        }
        out += "</figure>\n<div class=\"articles\">\n"
        if page.articles.isEmpty { out += "<p>No articles found on this page.</p>\n" }
        for article in page.articles { out += self.article(article, of: document, anchor: page.anchor) }
        out += "</div>\n</div>\n</section>\n"
        return out
    }

    func article(_ article: Article, of document: ReportDocument, anchor: String) -> String {
        let heading = article.headline.flatMap { $0.isEmpty ? nil : $0 } ?? article.id
        var out = "<article id=\"\(anchor)-\(Self.escape(article.id))\">\n"
        out += "<h3><span class=\"id\">\(Self.escape(article.id))</span> \(Self.escape(heading))</h3>\n"
        let body = article.paragraphs.joined(separator: " ")
        let words = body.split(separator: " ").prefix(24).joined(separator: " ")
        if !words.isEmpty { out += "<p class=\"first\">\(Self.escape(words))\(words.count < body.count ? "…" : "")</p>\n" }
        out += "<p class=\"roles\">" + Self.roleCounts(article).map(Self.escape).joined(separator: " · ")
        if document.printed.contains(article.id) {
            out += " · <a href=\"\(Self.url(document.base + "-" + article.id + ".pdf"))\">printed PDF</a>"
        }
        out += "</p>\n<details><summary>Full text</summary>\n"
        for line in [article.kicker, article.headline, article.subheadline, article.byline].compactMap({ $0 }) where !line.isEmpty {
            out += "<p class=\"display\">\(Self.escape(line))</p>\n"
        }
        for p in article.paragraphs { out += "<p>\(Self.escape(p))</p>\n" }
        for c in article.captions { out += "<p class=\"caption\">\(Self.escape(c))</p>\n" }
        out += "</details>\n</article>\n"
        return out
    }

    /// `headline 1`, `body 5`, … in the order of the roles, for the roles the article has.
    static func roleCounts(_ article: Article) -> [String] {
        Role.allCases.compactMap { role in
            let n = article.blocks.filter { $0.role == role }.count
            return n > 0 ? "\(role.rawValue) \(n)" : nil
        }
    }

    static func name(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// The characters HTML text and attributes need written as entities.
    static let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    /// Text for HTML: `&`, `<`, `>` and quotes escaped.
    static func escape(_ s: String) -> String {
        s.reduce(into: "") { out, ch in
            if let entity = entities[ch] { out += entity } else { out.append(ch) }
        }
    }

    /// A relative path as a URL in an attribute: each component percent-encoded.
    static func url(_ path: String) -> String {
        escape(path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#"])) ?? String($0) }
            .joined(separator: "/"))
    }

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#f6f5f2}
        header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
        h1{margin:0 0 4px;font-size:22px}
        .counts{margin:0;color:#555}
        kbd{border:1px solid #bbb;border-radius:3px;padding:0 4px;font-size:12px;background:#fafafa}
        #warnings{margin:10px 0;padding:8px 12px;background:#fff4e5;border-left:4px solid #e69500}
        #warnings.clear{background:#eef7ee;border-color:#4a4}
        #warnings h2{font-size:16px;margin:0 0 4px}
        #warnings ul{margin:0;padding-left:20px}
        #warnings li.failed{color:#a00}
        nav ol{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 10px;font-size:13px}
        section.page{margin:16px 20px;padding:12px 16px;background:#fff;border:1px solid #ddd;border-radius:6px;scroll-margin-top:8px}
        section.page.current{outline:3px solid #3a7bd5}
        section.page.flagged h2::after{content:" ⚠";color:#e69500}
        section.page h2{font-size:17px;margin:0 0 8px}
        .warning{color:#a05a00;margin:4px 0}
        .columns{display:flex;gap:18px;align-items:flex-start}
        figure{margin:0;flex:0 0 46%}
        figure img{width:100%;border:1px solid #ccc}
        .articles{flex:1;min-width:0}
        article{border-top:1px solid #eee;padding:6px 0}
        article h3{font-size:15px;margin:0}
        .id{font:12px monospace;color:#777;margin-right:4px}
        .first{margin:2px 0;color:#444}
        .roles{margin:2px 0;font-size:12px;color:#666}
        details summary{cursor:pointer;font-size:13px;color:#3a7bd5}
        details p{margin:4px 0}
        .display{font-weight:600}
        .caption{font-style:italic}
        @media (max-width:800px){.columns{display:block}}
        """

    /// Keyboard navigation between pages; marks the page in view. Sets `data-ready` on the body when
    /// it has run, which the tests read.
    static let script = """
        (function () {
          var pages = Array.prototype.slice.call(document.querySelectorAll("section.page"));
          var current = -1;
          function go(i) {
            if (pages.length === 0) { return; }
            current = Math.max(0, Math.min(pages.length - 1, i));
            pages.forEach(function (p, j) { p.classList.toggle("current", j === current); });
            pages[current].scrollIntoView({block: "start"});
          }
          document.addEventListener("keydown", function (e) {
            if (e.altKey || e.ctrlKey || e.metaKey) { return; }
            if (e.key === "j" || e.key === "n" || e.key === "ArrowRight") { go(current + 1); e.preventDefault(); }
            else if (e.key === "k" || e.key === "p" || e.key === "ArrowLeft") { go(current - 1); e.preventDefault(); }
          });
          document.body.setAttribute("data-ready", String(pages.length));
        })();
        """
}
