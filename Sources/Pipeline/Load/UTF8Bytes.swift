/// Byte-level helpers of the readers' hot path: what `String(validating:)` and
/// `trimmingCharactersInSpaces()` decide, without making a `String` per line.
enum UTF8Bytes {
    /// Whether `bytes` is well-formed UTF-8 — exactly what `String(validating:as: UTF8.self)` accepts
    /// (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            // ASCII eight bytes at a time.
            if i &+ 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let c = p[i]
            if c < 0x80 {
                i &+= 1
            } else if c < 0xC2 {
                return false
            } else if c < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
                i &+= 2
            } else if c < 0xF0 {
                guard i + 2 < n else { return false }
                let c1 = p[i + 1]
                let second =
                    c == 0xE0 ? (c1 >= 0xA0 && c1 <= 0xBF) : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F) : c1 & 0xC0 == 0x80
                guard second, p[i + 2] & 0xC0 == 0x80 else { return false }
                i &+= 3
            } else if c < 0xF5 {
                guard i + 3 < n else { return false }
                let c1 = p[i + 1]
                let second =
                    c == 0xF0 ? (c1 >= 0x90 && c1 <= 0xBF) : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F) : c1 & 0xC0 == 0x80
                guard second, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return false }
                i &+= 4
            } else {
                return false
            }
        }
        return true
    }

    /// Appends `bytes` (valid UTF-8) trimmed as `trimmingCharactersInSpaces()` trims it, after a space
    /// when `joined` already holds text; appends nothing when nothing is left.
    ///
    /// Only a line that begins or ends with a byte of a space, tab, CR or U+3000 can lose anything, so
    /// every other line is copied as it is; those few go through the `Character`-level trimming, which
    /// knows when a space belongs to a larger grapheme (a space followed by a combining mark).
    static func appendTrimmed(_ bytes: [UInt8], joinedTo joined: inout [UInt8]) {
        guard let first = bytes.first, let last = bytes.last else { return }
        let edge =
            first == 0x20 || first == 0x09 || first == 0x0D || first == 0xE3
            || last == 0x20 || last == 0x09 || last == 0x0D || last == 0x80
        if edge {
            let trimmed = String(decoding: bytes, as: UTF8.self).trimmingCharactersInSpaces()
            guard !trimmed.isEmpty else { return }
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: trimmed.utf8)
        } else {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: bytes)
        }
    }
}
