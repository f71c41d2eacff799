import Foundation
import Scoring

/// Minimal JSON writing with a fixed key order, so output is byte-identical run after run.
public enum JSON {
    /// `s` as a quoted JSON string.
    public static func string(_ s: String) -> String {
        var out = JSONBytes()
        out.string(s)
        return out.text
    }

    public static func optional(_ s: String?) -> String { s.map(string) ?? "null" }

    /// A number with at most 4 decimals and no exponent.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        let rounded = (x * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        // A byte test: `String.contains(String)` goes through Foundation's string search.
        if text.utf8.contains(UInt8(ascii: "e")) { text = String(format: "%.4f", rounded) }
        return text
    }

    /// An object from ordered key/value pairs whose values are already JSON.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}

/// JSON written straight into a byte buffer — the same text as `JSON.string`, `JSON.object` and
/// `JSON.array` build, without an intermediate `String` per value. Output rows are made this way.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The bytes as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text that is already JSON (a number, `null`, punctuation).
    @inline(__always)
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    /// Appends the bytes of `other`.
    public mutating func raw(_ other: JSONBytes) { bytes.append(contentsOf: other.bytes) }

    /// `"key":` after a `,` unless `first`.
    @inline(__always)
    public mutating func key(_ key: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    public mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func number(_ x: Double) { raw(JSON.number(x)) }

    public mutating func integer(_ x: Int) { raw(String(x)) }

    /// `s` quoted, with `"`, `\` and control characters escaped as `JSON.string` does.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            var i = -1
            while true {
                i += 1
                // Eight bytes at a time while none needs escaping (no `"`, no `\`, none below 0x20).
                while i &+ 8 <= utf8.count, let base = utf8.baseAddress, !JSONBytes.mayEscape(ByteScan.load8(base + i))
                {
                    i &+= 8
                }
                guard i < utf8.count else { break }
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                switch b {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
        }
        bytes.append(0x22)
    }

    /// Whether any of the eight bytes of `v` is `"`, `\` or below 0x20 (the borrow test for "below" is
    /// exact as a yes or no, whatever the high bytes of UTF-8 text).
    @inline(__always)
    static func mayEscape(_ v: UInt64) -> Bool {
        ByteScan.hasByte(v, 0x22) || ByteScan.hasByte(v, 0x5C)
            || (v &- 0x2020_2020_2020_2020) & ~v & ByteScan.highBits != 0
    }
}
