import Testing
@testable import GalleyCore

@Suite("Layout: BlockBuilder and RoleClassifier")
struct LayoutBlockBuilderTests {
    func lines(_ glyphs: [Glyph]) -> [TextLine] { LineBuilder().lines(from: glyphs, bodySize: 10) }

    @Test("Two columns under a spanning headline give three blocks")
    func headlineAndColumns() {
        let glyphs = LayoutFixture.cjk("标题横跨两栏", x: 10, y: 0, size: 20, bold: true)
            + LayoutFixture.cjkColumn(Array(repeating: "正文正文正文", count: 5), x: 0, y: 40)
            + LayoutFixture.cjkColumn(Array(repeating: "正文正文正文", count: 5), x: 75, y: 40)
        let blocks = BlockBuilder().blocks(from: lines(glyphs))
        #expect(blocks.count == 3)
        #expect(blocks.map(\.lines.count).sorted() == [1, 5, 5])
        let kinds = RoleClassifier().classify(blocks, bodySize: 10).map(\.kind)
        #expect(kinds.filter { $0 == .headline }.count == 1)
        #expect(kinds.filter { $0 == .body }.count == 2)
    }

    @Test("A horizontal rule between two lines of one column separates blocks")
    func ruleSeparates() {
        let glyphs = LayoutFixture.cjkColumn(Array(repeating: "正文正文正文", count: 4), x: 0, y: 0)
        let rule = Rule(kind: .horizontal, box: Rect(x0: 0, y0: 30.5, x1: 60, y1: 31))
        #expect(BlockBuilder().blocks(from: lines(glyphs)).count == 1)
        #expect(BlockBuilder().blocks(from: lines(glyphs), rules: [rule]).count == 2)
    }

    @Test("The body size is the most common glyph size")
    func bodySize() {
        let glyphs = LayoutFixture.cjk("大标题", x: 0, y: 0, size: 24) + LayoutFixture.cjk("正文正文正文正文", x: 0, y: 40, size: 9)
        #expect(RoleClassifier.bodySize(of: glyphs) == 9)
    }

    @Test("Small short blocks are small print; small long blocks are body")
    func smallPrint() {
        let c = RoleClassifier()
        let short = TextBlock(lines: lines(LayoutFixture.cjk("图片说明", x: 0, y: 0, size: 8)))
        #expect(c.classify([short], bodySize: 10)[0].kind == .small)
        let long = TextBlock(lines: lines(LayoutFixture.cjkColumn(Array(repeating: "小号正文", count: 8), x: 0, y: 0, size: 8)))
        #expect(c.classify([long], bodySize: 10)[0].kind == .body)
    }
}
