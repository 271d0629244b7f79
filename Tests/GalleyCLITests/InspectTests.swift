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

/// `galley inspect` names each font's kind, and warns where a font's glyph boxes look unreliable.
@Suite struct InspectFontKindTests {
    /// One page showing "ab" in a Type 3 font with font matrix `matrix` (glyphs 500 units wide, boxes
    /// 0 to 700 units high), and "Cd" in Helvetica.
    static func page(matrix: String, size: Double) -> Data {
        let proc = "500 0 0 0 450 700 d1\n0 0 450 700 re f"
        let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <ff> "
            + "endcodespacerange 2 beginbfchar <61> <0061> <62> <0062> endbfchar endcmap CMapName currentdict "
            + "/CMap defineresource pop end end"
        func stream(_ s: String) -> String { "<< /Length \(s.utf8.count) >>\nstream\n\(s)\nendstream" }
        return RawPDF.data([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> >>",
            stream("BT /F1 \(size) Tf 40 200 Td (ab) Tj /F2 12 Tf 0 -30 Td (Cd) Tj ET"),
            "<< /Type /Font /Subtype /Type3 /Name /Boxes /FontMatrix [\(matrix)] /FontBBox [0 0 450 700] /Resources << >> "
                + "/Encoding << /Type /Encoding /Differences [97 /a /b] >> /CharProcs << /a 6 0 R /b 6 0 R >> "
                + "/FirstChar 97 /LastChar 98 /Widths [500 500] /ToUnicode 7 0 R >>",
            stream(proc),
            stream(cmap),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
    }

    @Test func fontKindsAndWarnings() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let usual = folder.appendingPathComponent("usual.pdf"), odd = folder.appendingPathComponent("odd.pdf")
        try Self.page(matrix: "0.001 0 0 -0.001 0 0", size: 12).write(to: usual)
        try Self.page(matrix: "0.01 0 0 0.01 0 0", size: 1.2).write(to: odd)

        let r = try CLIRunner.run(["inspect", usual.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(Type 3, flipped matrix): 2 glyphs, sizes 12"), "\(r.stdout)")
        #expect(r.stdout.contains("font Helvetica (Type 1): 2 glyphs"), "\(r.stdout)")
        #expect(!r.stdout.contains("warning"), "\(r.stdout)")

        let o = try CLIRunner.run(["inspect", odd.path])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("(Type 3): 2 glyphs"), "\(o.stdout)")
        #expect(o.stdout.contains("warning: font (unnamed) (Type 3): glyph boxes may not match the ink: its glyph space is unusual"),
                "\(o.stdout)")
        let json = try CLIRunner.run(["inspect", "--format", "json", odd.path])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        let warnings = (doc["pages"] as? [[String: Any]])?.first?["warnings"] as? [String] ?? []
        #expect(warnings.count == 1 && warnings[0].contains("glyph boxes may not match the ink"), "\(warnings)")
    }
}
