import Testing
@testable import GalleyCore

/// Rows the gutter tests used to split wrongly: a byline centred across the gutters of the columns under
/// it, and the wide word spaces of justified Latin text lining up into a river.
@Suite("Layout: split rows and rivers")
struct LayoutSplitRowTests {
    /// A headline over three CJK columns, with a byline centred under it across the first gutter.
    func bylineOverColumns(byline: String) -> [Glyph] {
        var g = LayoutFixture.cjk("全市重点项目集中开工", x: 40, y: 10, size: 24, bold: true)
        // Centred under the headline (midX 160), crossing the gutter at x 100...110.
        let width = Double(byline.count) * 10
        g += LayoutFixture.cjk(byline, x: 160 - width / 2, y: 50)
        let col = Array(repeating: "正文正文正文正文正", count: 8)
        for x in [20.0, 110, 200] { g += LayoutFixture.cjkColumn(col.map { String($0.prefix(8)) }, x: x, y: 80) }
        g += LayoutFixture.cjk("本报讯首行文字内", x: 20, y: 80 + 8 * 16)
        return g
    }

    @Test("A byline centred across a gutter stays one line and becomes the story's byline")
    func centredByline() {
        let g = bylineOverColumns(byline: "本报记者 林晓峰 周敏")
        let lines = SplitRowMender().mend(LineBuilder().lines(from: g, bodySize: 10), bodySize: 10)
        #expect(lines.contains { $0.text == "本报记者 林晓峰 周敏" })
        let layout = PageAnalyzer().analyze(PageContent(number: 1, width: 300, height: 300, glyphs: g))
        #expect(layout.articles.count == 1)
        #expect(layout.articles.first?.byline == "本报记者 林晓峰 周敏")
        #expect(layout.articles.first?.paragraphs.first?.hasPrefix("正文") == true)
    }

    @Test("A short centred line under a headline mends even without a byline word")
    func centredDateline() {
        let g = bylineOverColumns(byline: "二〇二五年 三月 十八日")
        let lines = SplitRowMender().mend(LineBuilder().lines(from: g, bodySize: 10), bodySize: 10)
        #expect(lines.contains { $0.text == "二〇二五年 三月 十八日" })
    }

    @Test("Column lines split at a gutter stay split")
    func columnsStaySplit() {
        let g = bylineOverColumns(byline: "本报记者 林晓峰 周敏")
        let lines = SplitRowMender().mend(LineBuilder().lines(from: g, bodySize: 10), bodySize: 10)
        // Eight rows of three columns, plus the last line of the first column.
        #expect(lines.filter { $0.text == "正文正文正文正文" }.count == 24)
    }

    @Test("A byline set on the baseline of a column's first line, after a wide gap, is a line of its own")
    func bylineBesideText() {
        var g = LayoutFixture.latin("The SIZE argument is", x: 20, y: 0)
        g += LayoutFixture.latin("By STAFF WRITER", x: 150, y: 0)
        let lines = SplitRowMender().mend(LineBuilder().lines(from: g, bodySize: 10), bodySize: 10)
        #expect(lines.map(\.text) == ["The SIZE argument is", "By STAFF WRITER"])
        // A wide justified space before an ordinary word stays inside the line.
        let plain = LayoutFixture.latin("The SIZE argument is", x: 20, y: 0) + LayoutFixture.latin("big", x: 150, y: 0)
        #expect(SplitRowMender().mend(LineBuilder().lines(from: plain, bodySize: 10), bodySize: 10).count == 1)
    }

    /// Latin words set justified from `x0` to `x1` (letters 0.5 em of 10 pt), on the row at `y`.
    func justified(_ text: String, x0: Double, x1: Double, y: Double) -> [Glyph] {
        let words = text.split(separator: " ")
        let letters = words.reduce(0) { $0 + $1.count }
        let space = (x1 - x0 - Double(letters) * 5) / Double(max(1, words.count - 1))
        var out: [Glyph] = []
        var x = x0
        for w in words {
            out += LayoutFixture.latin(String(w), x: x, y: y)
            x += Double(w.count) * 5 + space
        }
        return out
    }

    @Test("Word spaces of justified Latin text lined up into a river do not split the lines")
    func river() {
        // Six lines in which a word starts at x = 100 on every row, after a word space of 0.3 to 0.45 em
        // (the words before it end anywhere); the lines start where their words put them.
        let firsts = ["to city", "at parks", "in summer", "by morning", "of township", "on municipal"]
        let spaces = [3.0, 4.5, 3.5, 4.0, 3.2, 4.2]
        var g: [Glyph] = []
        var expected: [String] = []
        for (i, w) in firsts.enumerated() {
            let y = Double(i) * 12
            let width = Double(w.count - 1) * 5 + 3   // letters 5 pt, one space 3 pt
            g += LayoutFixture.latin(w, x: 100 - spaces[i] - width, y: y)
            g += LayoutFixture.latin("and more words", x: 100, y: y)
            expected.append("\(w) and more words")
        }
        let lines = LineBuilder().lines(from: g, bodySize: 10)
        #expect(lines.map(\.text) == expected)
    }

    @Test("Very wide spaces before the last word of justified lines in a narrow column do not split them")
    func wideSpacesBeforeLastWord() {
        // A column from x 20 to 129. Rows 0-1 and 7-8 are set tight; in rows 2-6 the last word (3 letters,
        // flush right, starting at x 114) follows a space of 1 to 4 em: the words after the spaces line up,
        // the words before them end anywhere. No gutter runs there.
        var g: [Glyph] = []
        var expected: [String] = []
        let firsts = ["document,", "changing it is", "most software", "the license", "to the public"]
        for r in 0..<9 {
            let y = Double(r) * 12
            if r >= 2 && r <= 6 {
                g += LayoutFixture.latin(firsts[r - 2], x: 20, y: y)
                g += LayoutFixture.latin("but", x: 114, y: y)
                expected.append(firsts[r - 2] + " but")
            } else {
                g += LayoutFixture.latin("aaaaa bbbbb ccccc ddddd", x: 20, y: y, space: 0.3)
                expected.append("aaaaa bbbbb ccccc ddddd")
            }
        }
        let lines = LineBuilder().lines(from: g, bodySize: 10)
        #expect(lines.map(\.text) == expected)
    }

    @Test("A gutter between two justified Latin columns still splits")
    func latinGutter() {
        let left = ["the council met", "on a monday night", "and voted for it", "after a long talk",
                    "with many people", "from the city hall", "who came to speak", "about the plan"]
        let right = ["work will begin", "in june and it", "should be done", "by the fall when",
                     "the school opens", "its doors again", "to all of the", "students there"]
        var g: [Glyph] = []
        for i in 0..<8 {
            g += justified(left[i], x0: 20, x1: 105, y: Double(i) * 12)
            g += justified(right[i], x0: 117, x1: 200, y: Double(i) * 12)
        }
        let lines = LineBuilder().lines(from: g, bodySize: 10)
        #expect(lines.map(\.text) == zip(left, right).flatMap { [$0, $1] })
    }
}
