/// A line's words, each with its box and glyphs: the line's text cut at its spaces (the layout puts a
/// space where the gap between two glyphs is a word space), its glyphs found in that text in order.
///
/// Text the glyphs do not spell (a drop capital the layout moved into the line's first word) stays in
/// its word; a word without any glyph of its own takes the line's box. Vertical lines and CJK text
/// without spaces are one word.
public struct LineWords: Sendable {
    public struct Word: Sendable {
        public var text: String
        public var box: Rect
        /// The word's glyphs: indices into the line's `glyphs`.
        public var glyphs: Range<Int>
    }

    static let space = UInt8(ascii: " ")

    public static func words(_ line: TextLine) -> [Word] {
        let text = Array(line.text.utf8)
        // The words as ranges of the text's bytes.
        var ranges: [Range<Int>] = []
        var start: Int?
        for k in text.indices {
            if text[k] == space {
                if let s = start { ranges.append(s..<k); start = nil }
            } else if start == nil {
                start = k
            }
        }
        if let s = start { ranges.append(s..<text.count) }
        guard !ranges.isEmpty else { return [] }
        // Each glyph placed where its text is, from where the previous one ended.
        var firstGlyph = Array(repeating: Int?.none, count: ranges.count)
        var lastGlyph = Array(repeating: Int?.none, count: ranges.count)
        var at = 0, word = 0
        for (g, glyph) in line.glyphs.enumerated() {
            // Usually the glyph's text is next, past a space at most.
            var k = at
            while k < text.count, text[k] == space { k += 1 }
            var end = k, next = true
            for b in glyph.text.utf8 {
                guard end < text.count, text[end] == b else { next = false; break }
                end += 1
            }
            var found: Int?
            if next, end > k {
                found = k
                at = end
            } else if !glyph.text.isEmpty, let f = find(Array(glyph.text.utf8), in: text, from: at) {
                found = f
                at = f + glyph.text.utf8.count
            }
            if let found {
                while word + 1 < ranges.count, ranges[word].upperBound <= found { word += 1 }
            } else if glyph.text.isEmpty {
                continue
            }
            if firstGlyph[word] == nil { firstGlyph[word] = g }
            lastGlyph[word] = g
        }
        var words: [Word] = []
        words.reserveCapacity(ranges.count)
        for (w, r) in ranges.enumerated() {
            let s = String(decoding: text[r], as: UTF8.self)
            guard let first = firstGlyph[w], let last = lastGlyph[w] else {
                words.append(Word(text: s, box: line.box, glyphs: 0..<0))
                continue
            }
            var box = line.glyphs[first].box
            for g in first...last { box = box.union(line.glyphs[g].box) }
            if w == 0, line.box.x0 < box.x0, !line.vertical, !text[r].starts(with: line.glyphs[first].text.utf8) {
                box = Rect(x0: line.box.x0, y0: box.y0, x1: box.x1, y1: box.y1)
            }
            words.append(Word(text: s, box: box, glyphs: first..<(last + 1)))
        }
        return words
    }

    /// Where `needle` next occurs in `text` at or after `from`.
    static func find(_ needle: [UInt8], in text: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        var k = from
        while k + needle.count <= text.count {
            if text[k] == needle[0], text[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }
}
