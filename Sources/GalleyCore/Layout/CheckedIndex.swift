/// The one way the layout turns a measure (a coordinate over a cell size, a count of bands) into an
/// integer index: rounded, then clamped into a range, so that a huge, infinite or undefined value (a
/// damaged page's boxes) gives the nearest bound instead of trapping. `Int(_:)` on such a value stops
/// the process.
extension Int {
    /// `value` rounded by `rule` and clamped to `bounds`; not a number gives the lower bound.
    @inline(__always)
    static func checked(_ value: Double, in bounds: ClosedRange<Int>,
                        rounding rule: FloatingPointRoundingRule = .down) -> Int {
        guard !value.isNaN else { return bounds.lowerBound }
        let r = value.rounded(rule)
        if r <= Double(bounds.lowerBound) { return bounds.lowerBound }
        if r >= Double(bounds.upperBound) { return bounds.upperBound }
        return Int(r)
    }
}
