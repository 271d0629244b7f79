/// Stage 6, first step: the small words of a headline set apart from it.
///
/// Old papers set a headline's connecting words small, on a line of their own centred between its lines
/// ("LES" over "DEUX GENDARMES", "est un" between "La prolongation de l'armistice" and "nouvel échec").
/// Such a line reads as body or small type, so without this it would end the story above or stand
/// alone. `joiningConnectors` puts it into the headline under it.
extension ArticleGrouper {
    /// `ordered` (blocks in reading order) where each headline connector has joined the headline block
    /// that follows it, lines in order. A connector is a one-line block not in headline type, in a cased
    /// script, of at most `connectorMaxWords` words of at most `connectorMaxLetters` letters each, not a
    /// byline, with a headline next in reading order (pictures aside) right under it: the gap under it at
    /// most `kickerDistance` of its size, the centres within `centreTolerance` em of the headline's size.
    /// Read from the end, so a connector over a connector and its headline joins them both.
    public func joiningConnectors(_ ordered: [TextBlock]) -> [TextBlock] {
        var blocks = ordered
        var i = blocks.count - 1
        while i >= 0 {
            defer { i -= 1 }
            guard isConnector(blocks[i]),
                  let k = blocks[(i + 1)...].firstIndex(where: { $0.kind != .image }),
                  blocks[k].kind == .headline, !blocks[k].vertical else { continue }
            let (word, head) = (blocks[i], blocks[k])
            let gap = head.box.y0 - word.box.y1
            guard gap >= -0.3 * word.size, gap <= parameters.kickerDistance * word.size,
                  abs(head.box.midX - word.box.midX) <= parameters.centreTolerance * head.size else { continue }
            blocks[k] = TextBlock(lines: word.lines + head.lines, kind: .headline)
            blocks.remove(at: i)
        }
        return blocks
    }

    /// True where `b` is short enough to be a headline's connecting words (see `joiningConnectors`).
    func isConnector(_ b: TextBlock) -> Bool {
        guard b.kind != .headline, b.kind != .image, b.lines.count == 1, !b.vertical, !isByline(b.text) else {
            return false
        }
        var words = 0, letters = 0, longest = 0
        for c in b.text {
            if c.isLetter {
                guard c.isUppercase || c.isLowercase else { return false }
                if letters == 0 { words += 1 }
                letters += 1
                longest = max(longest, letters)
            } else if c.isWhitespace {
                letters = 0
            } else {
                return false
            }
        }
        return words >= 1 && words <= parameters.connectorMaxWords && longest <= parameters.connectorMaxLetters
    }
}
