import Foundation
import Testing

/// `galley inspect`: the JSON contract, the text summary and page selection.
@Suite struct InspectTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLIRunner.run(["inspect", "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func jsonShape() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try HandPDF.write(folder, "three.pdf", pages: [("0 0 400 300", "Alpha"), ("0 0 300 200", "Beta"),
                                                                  ("0 0 400 300", "Gamma")])
        let doc = try json([path, "--pages", "1,3"])
        #expect(doc["source"] as? String == path)
        let pages = doc["pages"] as? [[String: Any]] ?? []
        #expect(pages.map { $0["number"] as? Int } == [1, 3])
        let first = try #require(pages.first)
        #expect(first["width"] as? Double == 400 && first["height"] as? Double == 300)
        for key in ["glyphs", "images", "rules", "warnings"] { #expect(first[key] is [Any], "\(key) is a list") }
        let glyphs = first["glyphs"] as? [[String: Any]] ?? []
        #expect(glyphs.compactMap { $0["text"] as? String }.joined() == "Alpha")
        for g in glyphs {
            #expect(Set(g.keys) == ["text", "bbox", "font", "size", "bold", "italic", "color", "vertical"])
            let bbox = g["bbox"] as? [Double] ?? []
            #expect(bbox.count == 4 && bbox[0] < bbox[2] && bbox[1] < bbox[3])
            // Text drawn with its baseline 100 pt above the bottom of a 300 pt page: y down from the top.
            #expect(bbox[1] > 180 && bbox[3] < 205, "\(bbox)")
            #expect((g["font"] as? String)?.contains("Helvetica") == true)
            #expect(g["size"] as? Double == 12)
            #expect(g["bold"] as? Bool == false && g["italic"] as? Bool == false && g["vertical"] as? Bool == false)
            #expect(g["color"] as? String == "#000000")
        }
        #expect((glyphs.first?["bbox"] as? [Double])?.first.map { abs($0 - 40) < 1 } == true)
    }

    @Test func textSummaryAndDefaults() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try HandPDF.write(folder, "two.pdf", pages: [("0 0 400 300", "Alpha"), ("0 0 300 200", "Beta")])
        let r = try CLIRunner.run(["inspect", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("page 1: 400 x 300 pt, 5 glyphs"), "\(r.stdout)")
        #expect(r.stdout.contains("page 2: 300 x 200 pt, 4 glyphs"), "\(r.stdout)")
        #expect(r.stdout.contains("font Helvetica"), "\(r.stdout)")
        let help = try CLIRunner.run(["inspect", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--pages") && help.stdout.contains("--password")
                && help.stdout.contains("--format"))
    }

    /// On a real page the JSON parses and lists rules; skipped without the devset.
    @Test func devsetPage() throws {
        guard CLIRunner.hasShared("devset/zh-108.pdf") else {
            print("SKIPPED: ../shared/devset is absent")
            return
        }
        let doc = try json([CLIRunner.shared("devset/zh-108.pdf")])
        let page = try #require((doc["pages"] as? [[String: Any]])?.first)
        let glyphs = page["glyphs"] as? [[String: Any]] ?? []
        #expect(glyphs.count > 1000)
        // Glyphs come in the order the page draws them; the vertical headline reads top to bottom.
        let vertical = glyphs.filter { $0["vertical"] as? Bool == true }
            .sorted { (($0["bbox"] as? [Double])?[1] ?? 0) < (($1["bbox"] as? [Double])?[1] ?? 0) }
            .compactMap { $0["text"] as? String }.joined()
        #expect(vertical == "严密落实安全防范措施确保真查真改真见效")
        let rules = page["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["kind"] as? String == "frame" } && rules.contains { $0["kind"] as? String == "vertical" })
        #expect((page["images"] as? [Any])?.count == 3)
    }
}
