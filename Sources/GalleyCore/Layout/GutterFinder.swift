/// Stage 0 (before lines): column gutters found from the white space of the whole page.
///
/// Contract: returns thin boxes, each a stretch of white between two pieces of text on one row band, that
/// together trace the column gutters of the page; the line builder never joins text across one. A box
/// belongs to a gutter only when that gutter runs down many rows: word spaces, even wide ones, do not.
///
/// Why: on scanned pages with an OCR text layer the glyph boxes are noisy (baselines wander by a fraction
/// of an em, boxes of one word differ in height, the scan is a little skewed), and gutters may be little
/// wider than the wide word spaces of OCR text. A test that looks at one gap at a time, and wants the
/// next column's lines to start flush, then fails. The white space over many rows does not.
///
/// How: the page is cut into horizontal bands `gutterBandHeight` em tall. Each glyph marks the bands its
/// middle half covers; within a band, the uncovered stretches between two covered ones at least
/// `gutterMinGap` em wide are gaps (text on both sides). Gaps chain from band to band where they overlap
/// by `gutterMinOverlap` em: the chain follows a gutter as it drifts with skew. Bands with no text at the
/// chain, or only a wide white stretch (a short line beside the gutter), neither extend nor break the
/// chain; `gutterMaxMisses` bands in a row with text across it end it (a heading spanning the columns).
/// A chain with at least `gutterMinEvidence` gap bands is a gutter when the text beside it is aligned:
/// in at least `gutterEdgeShare` of its bands the text on its right starts (or the text on its left
/// ends) within `gutterEdgeTolerance` em of where most lines nearby start (end): the lower (upper)
/// quartile, so that a stray piece starting in the gutter does not move the edge. That is a column
/// edge; the wide word spaces of justified text can line up into a river, but the words after them start
/// anywhere. The gutter runs from its first aligned band to its last (a word space a chain set out from,
/// above the column, is no part of it). A band where the white around the chain is wider than
/// `gutterMaxGap` (a short line) is no evidence, whatever word space touches the chain there.
/// Cost: one pass over the glyphs and one over the bands, each band sorting its own glyph spans; a chain
/// looks only at the gaps near it (a binary search), and chains meeting at one gap are found by hashing.
public struct GutterFinder: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    /// The gutter boxes of the page, sorted by their top edge.
    public func gutters(in glyphs: [Glyph], bodySize: Double) -> [Rect] {
        gutters(boxes: glyphs.compactMap { $0.vertical || $0.box.isEmpty ? nil : $0.box }, bodySize: bodySize)
    }

    /// The same from the boxes of the page's horizontal glyphs.
    func gutters(boxes horizontal: [Rect], bodySize: Double) -> [Rect] {
        let p = parameters
        guard bodySize > 0 else { return [] }
        guard let extent = Rect.union(horizontal) else { return [] }
        let bandHeight = p.gutterBandHeight * bodySize
        let top = extent.y0
        let count = Int.checked(extent.height / bandHeight, in: -1...1_000_000, rounding: .up) + 1
        guard count > 0, count < 1_000_000 else { return [] }
        let spans = BandSpans(horizontal, top: top, bandHeight: bandHeight, count: count)
        let minGap = p.gutterMinGap * bodySize, maxGap = p.gutterMaxGap * bodySize
        let minOverlap = p.gutterMinOverlap * bodySize

        var finished: [Chain] = []
        var active: [Chain] = [], next: [Chain] = []
        var row: [(Double, Double)] = [], gaps: [(Double, Double)] = [], covered: [(Double, Double)] = []
        for k in 0..<count {
            row.removeAll(keepingCapacity: true)
            row += spans[k]
            whiteOf(&row, minGap: minGap, gaps: &gaps, covered: &covered)
            var used = [Bool](repeating: false, count: gaps.count)
            // Chains are extended in place (`active[c]`): a copy would share the samples array and copy it
            // on every append. (So `next`, holding last band's copies, is emptied first.)
            next.removeAll(keepingCapacity: true)
            for c in active.indices {
                let cur = active[c].current
                // Only the gaps and covered stretches that reach within `minOverlap` of the chain's stretch
                // can meet the tests below (both lists ascend and do not overlap): a binary search finds
                // the first, so a band of many gaps is not searched once per chain.
                let nearby = Self.stretches(in: gaps, near: cur, margin: minOverlap)
                var best: Int?
                var bestOverlap = 0.0
                for i in nearby where gaps[i].1 - gaps[i].0 <= maxGap {
                    let gap = gaps[i]
                    let o = min(gap.1, cur.1) - max(gap.0, cur.0)
                    if o >= minOverlap && o > bestOverlap { best = i; bestOverlap = o }
                }
                // The gutter lies inside a wide white stretch here (a short line beside it): a word space
                // that touches the chain's stretch is no evidence, and would lead the chain astray.
                if gaps[nearby].contains(where: { g in
                    g.1 - g.0 > maxGap && min(g.1, cur.1) - max(g.0, cur.0) >= (cur.1 - cur.0) - minOverlap
                }) {
                    active[c].extend(band: k, gap: cur, evidence: false)
                    next.append(active[c])
                    continue
                }
                if let i = best {
                    used[i] = true
                    active[c].extend(band: k, gap: gaps[i], evidence: true)
                    next.append(active[c])
                    continue
                }
                // Covered across the chain's stretch (all but a sliver)?
                var blocked = 0.0
                for c in covered[Self.stretches(in: covered, near: cur, margin: 0)] where c.1 > cur.0 && c.0 < cur.1 {
                    blocked += min(c.1, cur.1) - max(c.0, cur.0)
                }
                if blocked > (cur.1 - cur.0) - minOverlap {
                    active[c].misses += 1
                    if active[c].misses >= p.gutterMaxMisses { finished.append(active[c]); continue }
                } else {
                    active[c].extend(band: k, gap: cur, evidence: false)
                }
                next.append(active[c])
            }
            for (i, gap) in gaps.enumerated() where !used[i] && gap.1 - gap.0 <= maxGap {
                next.append(Chain(band: k, gap: gap))
            }
            // Two chains that arrived at the same gap are one gutter: keep the better supported. (A band
            // mostly holds a handful of chains, where a linear search beats hashing; a band of thousands
            // of gaps, a line of words spaced wide, is looked up by the gap's left edge.)
            active = []
            if next.count <= Self.linearDeduplication {
                for chain in next {
                    if let j = active.firstIndex(where: { $0.current.0 == chain.current.0 }) {
                        if chain.evidence > active[j].evidence { active[j] = chain }
                    } else {
                        active.append(chain)
                    }
                }
            } else {
                var at: [Double: Int] = [:]
                for chain in next {
                    if let j = at[chain.current.0] {
                        if chain.evidence > active[j].evidence { active[j] = chain }
                    } else {
                        at[chain.current.0] = active.count
                        active.append(chain)
                    }
                }
            }
        }
        finished += active
        var out: [Rect] = []
        let window = Int((p.gutterAlignWindow / p.gutterBandHeight).rounded())
        let tolerance = p.gutterEdgeTolerance * bodySize
        var kept: [Chain] = []
        for var chain in finished where chain.evidence >= p.gutterMinEvidence {
            let a = chain.alignment(window: window, tolerance: tolerance)
            guard a.share >= p.gutterEdgeShare else { continue }
            chain.samples.removeAll { $0.band < a.first || $0.band > a.last }
            chain.lastEvidence = min(chain.lastEvidence, a.last)
            kept.append(chain)
        }
        // Two gutters beside each other, closer than a column is wide, leave a "column" of a word or two
        // between them: the weaker one is a river (before the last words of justified lines). Pieces of one
        // gutter, broken where a heading crosses it, meet end to end and both stay.
        kept.sort { $0.evidence > $1.evidence }
        var chosen: [Chain] = []
        for chain in kept where !chosen.contains(where: { other in
            min(other.lastEvidence, chain.lastEvidence) - max(other.firstBand, chain.firstBand) >= 4
                && abs(other.meanX - chain.meanX) < p.gutterMinColumn * bodySize
        }) {
            chosen.append(chain)
        }
        for chain in chosen {
            for s in chain.samples where s.band <= chain.lastEvidence {
                let y0 = top + Double(s.band) * bandHeight
                out.append(Rect(x0: s.x0, y0: y0, x1: s.x1, y1: y0 + bandHeight))
            }
        }
        out.sort { $0.y0 < $1.y0 }
        return out
    }

    /// Above this many chains in a band, chains that arrived at the same gap are found by hashing.
    static let linearDeduplication = 32

    /// The indices of the stretches (ascending, not overlapping) that come within `margin` of `x`: all
    /// others lie wholly more than `margin` to its left or right.
    static func stretches(in list: [(Double, Double)], near x: (Double, Double), margin: Double) -> Range<Int> {
        let first = list.partitioningIndex { $0.1 >= x.0 - margin }
        var end = first
        while end < list.count && list[end].0 <= x.1 + margin { end += 1 }
        return first..<end
    }

    /// Gaps (white stretches at least `minGap` wide with text on both sides) and covered stretches of a
    /// band, from its glyph spans (sorted here, in place). Results go to the caller's buffers, reused from
    /// band to band.
    func whiteOf(_ spans: inout [(Double, Double)], minGap: Double, gaps: inout [(Double, Double)],
                 covered: inout [(Double, Double)]) {
        spans.sort { $0.0 < $1.0 }
        covered.removeAll(keepingCapacity: true)
        for s in spans {
            if let last = covered.last, s.0 <= last.1 {
                covered[covered.count - 1].1 = max(last.1, s.1)
            } else {
                covered.append(s)
            }
        }
        gaps.removeAll(keepingCapacity: true)
        for i in covered.indices.dropFirst() where covered[i].0 - covered[i - 1].1 >= minGap {
            gaps.append((covered[i - 1].1, covered[i].0))
        }
    }

    /// The horizontal extents of the glyphs (left and right edge) on each band, all in one array, band
    /// after band: a glyph is on every band its middle half covers.
    struct BandSpans {
        private var spans: [(Double, Double)]
        private var start: [Int]    // band k's spans are spans[start[k]..<start[k + 1]]

        init(_ boxes: [Rect], top: Double, bandHeight: Double, count: Int) {
            func band(_ y: Double) -> Int { Int.checked((y - top) / bandHeight, in: 0...(count - 1)) }
            let bands = boxes.map { b in (band(b.midY - b.height / 4), band(b.midY + b.height / 4)) }
            start = [Int](repeating: 0, count: count + 1)
            for (a, b) in bands { for k in a...b { start[k + 1] += 1 } }
            for k in 0..<count { start[k + 1] += start[k] }
            spans = [(Double, Double)](repeating: (0, 0), count: start[count])
            var next = start
            for (box, (a, b)) in zip(boxes, bands) {
                for k in a...b { spans[next[k]] = (box.x0, box.x1); next[k] += 1 }
            }
        }

        subscript(band: Int) -> ArraySlice<(Double, Double)> { spans[start[band]..<start[band + 1]] }
    }

    /// A gutter being followed down the page.
    struct Chain {
        struct Sample { var band: Int; var x0: Double; var x1: Double; var evidence = true }
        var samples: [Sample]
        var current: (Double, Double)
        var evidence = 1
        var misses = 0
        var lastEvidence: Int

        init(band: Int, gap: (Double, Double)) {
            samples = [Sample(band: band, x0: gap.0, x1: gap.1)]
            current = gap
            lastEvidence = band
        }

        mutating func extend(band: Int, gap: (Double, Double), evidence isEvidence: Bool) {
            samples.append(Sample(band: band, x0: gap.0, x1: gap.1, evidence: isEvidence))
            misses = 0
            if isEvidence { current = gap; evidence += 1; lastEvidence = band }
        }

        var firstBand: Int { samples[0].band }
        var meanX: Double { samples.reduce(0) { $0 + ($1.x0 + $1.x1) / 2 } / Double(samples.count) }

        /// The share of gap bands whose right edge (the next column's line start) lies within `tolerance`
        /// of the column's start within `window` bands (the lower quartile of the right edges there: a
        /// stray piece starting left of the column does not move it), or whose left edge (the line end
        /// before it) lies within `tolerance` of the upper quartile of the left edges; the larger share.
        /// Also the first and last band aligned on that side: the gutter runs from one to the other (a
        /// word space a chain set out from, above the column, is not part of it).
        func alignment(window: Int, tolerance: Double) -> (share: Double, first: Int, last: Int) {
            let ev = samples.filter(\.evidence)
            guard !ev.isEmpty else { return (0, 0, -1) }
            var starts: [Int] = [], ends: [Int] = []
            // The right and left edges of the samples ev[lo...hi], kept sorted as the window slides.
            var xs = SortedValues(), xe = SortedValues()
            var lo = 0, hi = 0
            xs.insert(ev[0].x1)
            xe.insert(ev[0].x0)
            for s in ev {
                while ev[lo].band < s.band - window { xs.remove(ev[lo].x1); xe.remove(ev[lo].x0); lo += 1 }
                while hi + 1 < ev.count, ev[hi + 1].band <= s.band + window {
                    hi += 1
                    xs.insert(ev[hi].x1)
                    xe.insert(ev[hi].x0)
                }
                // The column edges nearby: where the lines start (end) apart from a few outliers, a
                // quarter of the way in from the outermost (indents and short lines lie inside).
                let start = xs[(xs.count - 1) / 4], end = xe[xe.count - 1 - (xe.count - 1) / 4]
                if abs(s.x1 - start) <= tolerance { starts.append(s.band) }
                if abs(s.x0 - end) <= tolerance { ends.append(s.band) }
            }
            let side = starts.count >= ends.count ? starts : ends
            return (Double(side.count) / Double(ev.count), side.first ?? 0, side.last ?? -1)
        }
    }

    /// Numbers kept in ascending order as they come and go (a window's quantiles without sorting it anew
    /// at every step).
    struct SortedValues {
        private var values: [Double] = []
        var count: Int { values.count }
        subscript(i: Int) -> Double { values[i] }

        mutating func insert(_ v: Double) { values.insert(v, at: firstIndex(notBelow: v)) }

        /// Removes one occurrence of `v`, which must be present.
        mutating func remove(_ v: Double) { values.remove(at: firstIndex(notBelow: v)) }

        private func firstIndex(notBelow v: Double) -> Int { values.partitioningIndex { $0 >= v } }
    }
}

