import Scoring

/// What identifies an article's story: the hash of its normalised body, and a MinHash signature
/// of that body for finding near-identical copies.
public struct StoryPrint: Sendable, Equatable {
    /// Hash of the normalised body: copies that differ only in spacing, punctuation, case or
    /// Traditional/Simplified characters share it.
    public var id: UInt64
    /// `StoryPrinter.hashes` minimum shingle hashes, or empty when the body is too short to compare.
    public var signature: [UInt32]

    public init(id: UInt64, signature: [UInt32]) {
        self.id = id
        self.signature = signature
    }

    /// `id` as 16 lower-case hex digits: the `story` of score rows.
    public var text: String { StoryPrint.hex(id) }

    public static func hex(_ id: UInt64) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether two signatures agree in at least `StoryPrinter.threshold` of their positions.
    public func isNear(_ other: StoryPrint) -> Bool {
        StoryPrinter.isNear(signature, other.signature)
    }
}

/// Normalises article bodies and fingerprints them, so syndicated copies fall into one story.
///
/// Normalising keeps letters and digits only (spaces, punctuation and symbols go), folds case and
/// full-width forms, and maps Traditional characters to Simplified through the model's
/// `variants.tsv`. Near-identical copies (a changed sentence, an added source line) are found with
/// MinHash over shingles of `shingle` normalised characters: one hash per shingle, split into
/// `hashes` bins by its top bits, the minimum of each bin kept (one-permutation hashing; an empty
/// bin borrows its next neighbour's value). Two bodies are one story when at least `threshold` of
/// the `hashes` positions agree: an estimated Jaccard similarity of 0.8 or more.
///
/// Why these numbers: 5 characters is about two Chinese words (or one English word without its
/// spaces), long enough that two different articles on the same subject share few shingles
/// (measured on the 352 distinct bodies of `Evaluations/`: the closest two different ones agree in 26 of 64 positions, about 0.4), short enough that one
/// edited sentence changes only the shingles it touches. 64 hashes estimate a similarity of 0.8
/// within ±0.05 (one standard deviation) in 256 bytes. 0.8 folds re-edited copies and keeps apart
/// follow-up stories that quote the same paragraphs. Bodies of fewer than `minimumShingles`
/// shingles get no signature: on so little text the estimate says nothing.
public struct StoryPrinter: Sendable {
    public static let shingle = 5
    public static let hashes = 64
    public static let threshold = 52
    public static let minimumShingles = 20
    /// Locality-sensitive hashing bands used to find candidates: 8 bands of 8 positions.
    public static let bands = 8

    /// Traditional → Simplified for the Basic Multilingual Plane; identity elsewhere.
    private let fold: [UInt32]

    public init(model: Model) {
        var table = (0..<UInt32(0x10000)).map { $0 }
        for (from, to) in model.variants {
            guard let f = from.unicodeScalars.first, let t = to.unicodeScalars.first, f.value < 0x10000 else {
                continue
            }
            table[Int(f.value)] = t.value
        }
        fold = table
    }

    /// The normalised characters of `text`, as scalar values.
    public func normalise(_ text: String) -> [UInt32] {
        var bytes = text
        return bytes.withUTF8 { utf8 in
            [UInt32](unsafeUninitializedCapacity: utf8.count) { chars, count in
                count = normalise(utf8, into: chars).count
            }
        }
    }

    /// The story print of a body.
    public func print(_ body: String) -> StoryPrint { print(body, unlessSeenIn: nil) }

    /// The story print of a body; its signature is left empty when `seen` already holds its id.
    ///
    /// `summary` keeps one signature per exact story, so once one worker has claimed an id in
    /// `seen` (and computes its signature) the other copies need only the id: the signature is two
    /// thirds of the print's cost, and syndicated copies are what folding is for. A consumer takes
    /// the signature from whichever copy carries it (`SummaryPartial.add`); since the signature is a
    /// function of the normalised body, which copy that is does not change a byte of the output.
    public func print(_ body: String, unlessSeenIn seen: SeenStories?) -> StoryPrint {
        var text = body
        return text.withUTF8 { utf8 in
            // A body has at most one normalised character per byte.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(utf8.count, 1)) { buffer in
                let (count, hash) = normalise(utf8, into: buffer)
                guard count > 0 else {
                    // Nothing but punctuation: no basis to call two such bodies one story, so the raw bytes decide.
                    var h = StoryPrinter.offset
                    for b in utf8 { h = (h ^ UInt64(b)) &* StoryPrinter.prime }
                    return StoryPrint(id: StoryPrinter.mix(h ^ 0xB0D7), signature: [])
                }
                let id = StoryPrinter.mix(hash)
                let shingles = count - StoryPrinter.shingle + 1
                guard shingles >= StoryPrinter.minimumShingles, seen?.insert(id) ?? true else {
                    return StoryPrint(id: id, signature: [])
                }
                return StoryPrint(id: id, signature: StoryPrinter.signature(buffer, shingles: shingles))
            }
        }
    }

    /// Decodes `utf8` (valid UTF-8: the bytes of a `String`) and writes its normalised characters to
    /// `chars`, in one pass that also hashes them (FNV-1a, the story id before `mix`).
    ///
    /// Bytes, not `unicodeScalars`: the decoding is a few shifts per character, and the common
    /// characters (ASCII, CJK, full-width forms) are decided by ranges without a `Unicode.Scalar`.
    func normalise(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt32>) -> (
        count: Int, hash: UInt64
    ) {
        guard let p = utf8.baseAddress, let chars = buffer.baseAddress, buffer.count >= utf8.count else {
            return (0, StoryPrinter.offset)
        }
        let n = utf8.count
        var count = 0
        var h = StoryPrinter.offset
        let ascii = StoryPrinter.asciiNormal
        return fold.withUnsafeBufferPointer { fold in
            var i = 0
            while i < n {
                let b0 = UInt32(p[i])
                var c: UInt32
                if b0 < 0x80 {
                    // Eight ASCII bytes at a time, first byte lowest: one load, then a table load per
                    // byte, no test of its width and no decoding.
                    if i &+ 8 <= n {
                        var v = ByteScan.load8(p + i)
                        if v & ByteScan.highBits == 0 {
                            for _ in 0..<8 {
                                let a = ascii[Int(v & 0xFF)]
                                v &>>= 8
                                if a != 0 {
                                    chars[count] = UInt32(a)
                                    count &+= 1
                                    h = (h ^ UInt64(a)) &* StoryPrinter.prime
                                }
                            }
                            i &+= 8
                            continue
                        }
                    }
                    // One table load decides an ASCII byte (`normalised` of it, 0 when dropped).
                    let a = ascii[Int(b0)]
                    i &+= 1
                    if a != 0 {
                        chars[count] = UInt32(a)
                        count &+= 1
                        h = (h ^ UInt64(a)) &* StoryPrinter.prime
                    }
                    continue
                } else if b0 < 0xE0 {
                    c = (b0 & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F)
                    i &+= 2
                } else if b0 < 0xF0 {
                    c = (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
                    i &+= 3
                } else {
                    c = (b0 & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6
                    c |= UInt32(p[i &+ 3] & 0x3F)
                    i &+= 4
                }
                c = StoryPrinter.normalised(c, fold: fold)
                if c != StoryPrinter.dropped {
                    chars[count] = c
                    count &+= 1
                    h = (h ^ UInt64(c)) &* StoryPrinter.prime
                }
            }
            return (count, h)
        }
    }

    /// Marks a character that normalising drops (no scalar value is this large).
    static let dropped = UInt32.max

    /// `normalised` of each ASCII byte, 0 for one that is dropped; allocated once, never written after.
    nonisolated(unsafe) static let asciiNormal: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        for b in 0..<UInt32(128) {
            let c = normalised(b, fold: UnsafeBufferPointer(start: nil, count: 0))
            table[Int(b)] = c == dropped ? 0 : UInt8(c)
        }
        return table
    }()

    /// The normalised form of the scalar value `c`, or `dropped`: letters and digits kept, case and
    /// full-width forms folded, Traditional mapped to Simplified.
    @inline(__always)
    static func normalised(_ c: UInt32, fold: UnsafeBufferPointer<UInt32>) -> UInt32 {
        // The two common cases first, so most characters take two or three comparisons.
        if c < 0x80 {
            if c &- 0x61 < 26 || c &- 0x30 < 10 { return c }
            return c &- 0x41 < 26 ? c + 0x20 : dropped
        }
        if c >= 0x3040 && c <= 0x9FFF { return fold[Int(c)] }
        switch c {
        case 0xFF10...0xFF19, 0xFF41...0xFF5A: return c - 0xFEE0
        case 0xFF21...0xFF3A: return c - 0xFEE0 + 0x20
        case 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFFEF: return dropped
        case 0x3040...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return fold[Int(c)]
        case 0x20000...: return c
        default:
            guard let scalar = Unicode.Scalar(c), scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            else { return dropped }
            return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? c
        }
    }

    /// The MinHash signature of `shingles` shingles of `chars`: one hash per shingle, its top six
    /// bits choosing the bin, the minimum of each bin's low 32 bits kept, empty bins densified.
    ///
    /// Reads the characters in place and keeps the bins on the stack and which are filled in one
    /// word: nothing is allocated but the signature returned.
    static func signature(_ buffer: UnsafeMutableBufferPointer<UInt32>, shingles: Int) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: hashes) { bins, count in
            bins.initialize(repeating: .max)
            count = hashes
            guard let chars = buffer.baseAddress, shingles + shingle - 1 <= buffer.count else { return }
            var filled: UInt64 = 0
            for start in 0..<shingles {
                let q = chars + start
                var s = offset
                for k in 0..<shingle { s = (s ^ UInt64(q[k])) &* prime }
                let v = mix(s)
                let bin = Int(v >> 58)
                let low = UInt32(truncatingIfNeeded: v)
                if low < bins[bin] { bins[bin] = low }
                filled |= 1 << UInt64(bin)
            }
            guard filled != .max else { return }
            // Densify: an empty bin takes the next filled bin's value, mixed with the distance.
            var held = [UInt32](repeating: 0, count: hashes)
            for i in 0..<hashes { held[i] = bins[i] }
            for i in 0..<hashes where filled & (1 << UInt64(i)) == 0 {
                var j = 1
                while filled & (1 << UInt64((i + j) % hashes)) == 0 { j += 1 }
                bins[i] = held[(i + j) % hashes] &+ UInt32(j) &* 0x9E37_79B9
            }
        }
    }

    /// Whether two signatures agree in at least `threshold` positions (never for an empty one).
    public static func isNear(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard a.count == hashes, b.count == hashes else { return false }
        var same = 0
        for i in 0..<hashes where a[i] == b[i] { same += 1 }
        return same >= threshold
    }

    /// The band keys of a signature: two near-identical signatures very likely share one.
    public static func bandKeys(_ signature: [UInt32]) -> [UInt64] {
        guard signature.count == hashes else { return [] }
        let rows = hashes / bands
        return (0..<bands).map { band in
            var h = offset ^ UInt64(band)
            for i in (band * rows)..<((band + 1) * rows) { h = (h ^ UInt64(signature[i])) &* prime }
            return mix(h)
        }
    }

    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The SplitMix64 finaliser: spreads FNV's weak low bits over the whole word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
