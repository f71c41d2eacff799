/// A sum of doubles that does not depend on the order of its terms, so partial sums made on
/// different machines merge into exactly the figure one run over all the input gives.
///
/// Each term is held as a 128-bit fixed-point integer with 60 fractional bits: every score, square
/// and tone lies in [-1, 1], where that keeps every bit of a double of magnitude 2⁻⁸ or more (and
/// the rest to within 2⁻⁶¹), and integer addition is associative. The headroom (2⁶⁷ terms of
/// magnitude 1) is more than any corpus holds.
public struct ExactSum: Sendable, Equatable, Hashable {
    /// The sum in units of 2⁻⁶⁰.
    public private(set) var units: Int128 = 0

    static let scale = 0x1p60

    public init() {}

    public init(units: Int128) { self.units = units }

    /// `x` in units of 2⁻⁶⁰, rounded to the nearest; a non-finite term counts as 0.
    public static func units(_ x: Double) -> Int128 {
        let scaled = (x * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 0x1p120 else { return 0 }
        return Int128(scaled)
    }

    public mutating func add(_ x: Double) { units += ExactSum.units(x) }

    public mutating func add(units more: Int128) { units += more }

    public mutating func add(_ other: ExactSum) { units += other.units }

    /// The sum as the nearest double.
    public var value: Double { Double(units) / ExactSum.scale }

    /// The units as decimal text, exact (JSON numbers are read as doubles, which would round them).
    public var text: String { String(units) }

    /// Parses `text` written by `text`.
    public init?(text: String) {
        guard let units = Int128(text) else { return nil }
        self.units = units
    }
}
