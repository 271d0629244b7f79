import Foundation
import Testing

/// `galley report INPUT… -o DIR`: a static HTML report, opened in headless Chromium where it is installed.
@Suite("galley report")
struct ReportCLITests {
    static let chromiumAvailable = CLIRunner.available("chromium", probe: ["--version"])

    /// Runs headless Chromium on `page` with `arguments`; returns its standard output and error.
    static func chromium(_ arguments: [String], page: URL, profile: URL) throws -> (stdout: String, stderr: String) {
        let r = try CLIRunner.runProgram("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                      "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"]
                                             + arguments + [page.absoluteString])
        return (String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test("the report shows every page's overlay and every article, flags what failed, and renders in Chromium without console errors")
    func report() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("issue")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["zh-front.pdf", "en-metro.pdf"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Samples/\(name)"),
                                             to: input.appendingPathComponent(name))
        }
        try Data("no pdf".utf8).write(to: input.appendingPathComponent("broken.pdf"))
        let r = try CLIRunner.run(["report", "issue", "-o", "report", "-j", "2", "--quiet"], directory: folder)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
        let report = folder.appendingPathComponent("report")
        let index = report.appendingPathComponent("index.html")
        let html = try String(contentsOf: index, encoding: .utf8)
        // Nothing is loaded from elsewhere.
        #expect(!html.contains("http://") && !html.contains("https://"))
        // The broken document is at the top.
        let warnings = try #require(html.range(of: "<section id=\"warnings\">"))
        #expect(html[warnings.upperBound...].prefix(600).contains("issue/broken.pdf"), "\(html.prefix(2000))")

        // Every article of the documents, with its printed PDF and its page's overlay on disk.
        var headlines: [String] = []
        for name in ["en-metro", "zh-front"] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("files/\(name).json"))) as? [String: Any]
            let articles = json?["articles"] as? [[String: Any]] ?? []
            #expect(!articles.isEmpty)
            for article in articles {
                let id = try #require(article["id"] as? String)
                headlines.append((article["headline"] as? String) ?? id)
                #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("files/\(name)-\(id).pdf").path), "\(name) \(id)")
                #expect(html.contains("href=\"files/\(name)-\(id).pdf\""))
            }
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("files/\(name)-overlay.png").path))
            #expect(html.contains("src=\"files/\(name)-overlay.png\""))
        }
        // As written (quotes escaped too) …
        for headline in headlines {
            let written = Self.escaped(headline).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
            #expect(html.contains(written), "\(headline)")
        }

        guard Self.chromiumAvailable else {
            print("SKIPPED part: chromium is not installed (apt-get install chromium); the report was checked as HTML only")
            return
        }
        let profile = folder.appendingPathComponent("chromium-profile")
        let dom = try Self.chromium(["--dump-dom"], page: index, profile: profile)
        // The script ran to its end (it marks the body with the number of pages it found).
        #expect(dom.stdout.contains("data-ready=\"2\""), "\(dom.stdout.prefix(500))")
        // … and as the browser serialises its DOM (quotes in text as they are).
        for headline in headlines { #expect(dom.stdout.contains(Self.escaped(headline)), "\(headline) is not in the rendered page") }
        let console = dom.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(console)")
        // Keyboard navigation: a copy of the page with keys pressed after its own script has run.
        let keys = """
            <script>
            var seen = [];
            ["j", "j", "ArrowRight", "k"].forEach(function (key) {
              document.dispatchEvent(new KeyboardEvent("keydown", {key: key}));
              var current = document.querySelectorAll("section.page.current");
              seen.push(current.length === 1 ? current[0].id : current.length + " current");
            });
            document.body.setAttribute("data-keys", seen.join(","));
            </script>
            """
        let pressed = report.appendingPathComponent("keys.html")
        try html.replacingOccurrences(of: "</body>", with: keys + "</body>").write(to: pressed, atomically: true, encoding: .utf8)
        let navigated = try Self.chromium(["--dump-dom"], page: pressed, profile: profile)
        // j and → go to the next page (and stop at the last), k goes back.
        #expect(navigated.stdout.contains("data-keys=\"d2-p1,d3-p1,d3-p1,d2-p1\""), "\(navigated.stdout.prefix(300))")
        #expect(navigated.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.isEmpty)
        let shot = folder.appendingPathComponent("shot.png")
        _ = try Self.chromium(["--window-size=1100,800", "--screenshot=\(shot.path)"], page: index, profile: profile)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
    }

    @Test("report without inputs or -o, or with --dpi out of range, is a usage error")
    func usage() throws {
        for arguments in [["report", "-o", "x"], ["report", "Samples"], ["report", "Samples", "-o", "x", "--dpi", "5"]] {
            let r = try CLIRunner.run(arguments)
            #expect(r.status == 2 && r.stderr.hasPrefix("galley: error: "), "\(arguments): \(r.stderr)")
        }
    }
}
