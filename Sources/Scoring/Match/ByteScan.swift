/// Byte-level tests and comparisons on UTF-8 text, shared by the matcher, the scoring rules and the
/// segmenter so that each question about a byte ("is this a letter?") has one answer.
///
/// Everything here works on raw bytes without allocating: it runs inside the scoring loop.
public enum ByteScan {
    /// An ASCII letter, A-Z or a-z: with the lower-case bit set, one range (0x61...0x7A, which only
    /// A-Z and a-z reach), tested with one unsigned comparison.
    @inlinable @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// An ASCII letter or digit: the bytes an English word is made of.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || isLetter(byte)
    }

    /// An ASCII digit, 0-9.
    @inlinable @inline(__always)
    public static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether `needle` ends at `end`; with `caseInsensitive`, ASCII capitals of `bytes` are lowered
    /// first (`needle` is then written in lower case).
    static func hasBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], endingAt end: Int,
        caseInsensitive: Bool = false
    ) -> Bool {
        let start = end - needle.count
        guard start >= 0 else { return false }
        for k in 0..<needle.count {
            var b = bytes[start + k]
            if caseInsensitive && b >= 0x41 && b <= 0x5A { b += 32 }
            if b != needle[k] { return false }
        }
        return true
    }

    /// Whether `needle` starts at `start`, byte for byte.
    static func hasBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], startingAt start: Int) -> Bool {
        guard start + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[start + k] != needle[k] { return false }
        return true
    }

    /// Whether any of `words` occurs between `from` and `to` (ASCII compared without case).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, any words: [[UInt8]]) -> Bool {
        for word in words where word.count <= to - from {
            var i = from
            while i + word.count <= to {
                if hasBytes(bytes, word, endingAt: i + word.count, caseInsensitive: true) { return true }
                i += 1
            }
        }
        return false
    }

    /// A digit at `i`: ASCII 0-9 (one byte) or full-width ０-９ (three bytes).
    static func digit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, before to: Int) -> (value: Int, width: Int)? {
        guard i < to else { return nil }
        let b = bytes[i]
        if isASCIIDigit(b) { return (Int(b - 0x30), 1) }
        if b == 0xEF && i + 2 < to && bytes[i + 1] == 0xBC && bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0x99 {
            return (Int(bytes[i + 2] - 0x90), 3)
        }
        return nil
    }

    /// A digit (ASCII or full-width ０-９) right before `offset`: 18日 is a date, not Japan.
    static func isDigitBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        if isASCIIDigit(bytes[offset - 1]) { return true }
        if offset >= 3 && bytes[offset - 3] == 0xEF && bytes[offset - 2] == 0xBC {
            let c = bytes[offset - 1]
            return c >= 0x90 && c <= 0x99
        }
        return false
    }

    /// How far apart two offsets are, in CJK characters plus Latin words: the unit of the model's
    /// windows (`negation_window_cjk`, `negation_window_words`, ...).
    static func units(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var cjk = 0
        var words = 0
        var isInWord = false
        for i in from..<to {
            let b = bytes[i]
            if b >= 0xE0 {
                cjk += 1
                isInWord = false
            } else if isWordByte(b) || b == 0x27 || b == 0x2D {
                if !isInWord { words += 1 }
                isInWord = true
            } else if b < 0x80 {
                isInWord = false
            }
        }
        return cjk + words
    }

    /// The run of ASCII letters ending at `end` (at most `reach` are looked at); empty when the run
    /// is longer or follows a digit.
    static func previousWord(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, reach: Int) -> (
        start: Int, count: Int
    ) {
        var i = end
        while i > 0 && end - i < reach {
            let b = bytes[i - 1] | 0x20
            guard b >= 0x61 && b <= 0x7A else { break }
            i -= 1
        }
        if i > 0 && isWordByte(bytes[i - 1]) { return (end, 0) }
        return (i, end - i)
    }

    /// The `count` bytes at `start` (at most 8 ASCII letters) lowered and packed into one integer, first
    /// byte highest: two words of letters are equal, ignoring case, when their packed values are.
    @inline(__always)
    static func packedLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in start..<(start + min(count, 8)) { key = key << 8 | UInt64(bytes[k] | 0x20) }
        return key
    }

    /// `word` (lower-case ASCII letters, at most 8) packed like `packedLowercase(_:_:_:)`.
    static func packedLowercase(_ word: [UInt8]) -> UInt64 {
        word.withUnsafeBufferPointer { packedLowercase($0, 0, $0.count) }
    }

    /// The text of `start..<end`, decoded (only for `--explain`, never in the plain scoring path).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
