/// Eight bytes at a time: word-parallel tests (SWAR) that let the byte loops skip text in which the
/// byte they look for cannot occur. Exact, not heuristic: a block is skipped only when the scalar
/// loop would have done nothing in it.
extension ByteScan {
    /// Every byte's high bit.
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p`, the first one lowest (little-endian, unaligned).
    @inlinable @inline(__always)
    public static func load8(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Whether any of the eight bytes of `v` is zero (exact: a borrow only reaches bytes above a zero).
    @inlinable @inline(__always)
    public static func hasZeroByte(_ v: UInt64) -> Bool {
        ((v &- 0x0101_0101_0101_0101) & ~v & highBits) != 0
    }

    /// Whether any of the eight bytes of `v` is `byte`.
    @inlinable @inline(__always)
    public static func hasByte(_ v: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(v ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Whether any of the eight bytes of `v`, all of them ASCII, is a letter (`(b | 0x20) - 0x61 < 26`).
    @inlinable @inline(__always)
    public static func hasASCIILetter(_ v: UInt64) -> Bool {
        // Lower-cased, a letter lies in 0x61...0x7A: adding 0x1F sets the high bit from 0x61 on,
        // adding 0x05 from 0x7B on; no byte carries into the next (all are below 0x80).
        let x = v | 0x2020_2020_2020_2020
        return (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & highBits != 0
    }
}
