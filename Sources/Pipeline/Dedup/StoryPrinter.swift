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
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            let c = scalar.value
            switch c {
            case 0x30...0x39, 0x61...0x7A: out.append(c)
            case 0x41...0x5A: out.append(c + 0x20)
            case 0..<0x80: continue
            case 0xFF10...0xFF19, 0xFF41...0xFF5A: out.append(c - 0xFEE0)
            case 0xFF21...0xFF3A: out.append(c - 0xFEE0 + 0x20)
            case 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFFEF: continue
            case 0x3040...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: out.append(fold[Int(c)])
            case 0x20000...: out.append(c)
            default:
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
                out.append(scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? c)
            }
        }
        return out
    }

    /// The story print of a body.
    public func print(_ body: String) -> StoryPrint {
        let chars = normalise(body)
        guard !chars.isEmpty else {
            // Nothing but punctuation: no basis to call two such bodies one story, so the raw bytes decide.
            var h = StoryPrinter.offset
            for b in body.utf8 { h = (h ^ UInt64(b)) &* StoryPrinter.prime }
            return StoryPrint(id: StoryPrinter.mix(h ^ 0xB0D7), signature: [])
        }
        var h = StoryPrinter.offset
        for c in chars { h = (h ^ UInt64(c)) &* StoryPrinter.prime }
        let id = StoryPrinter.mix(h)
        let shingles = chars.count - StoryPrinter.shingle + 1
        guard shingles >= StoryPrinter.minimumShingles else { return StoryPrint(id: id, signature: []) }
        var bins = [UInt32](repeating: .max, count: StoryPrinter.hashes)
        var filled = [Bool](repeating: false, count: StoryPrinter.hashes)
        for start in 0..<shingles {
            var s = StoryPrinter.offset
            for k in start..<(start + StoryPrinter.shingle) { s = (s ^ UInt64(chars[k])) &* StoryPrinter.prime }
            let v = StoryPrinter.mix(s)
            let bin = Int(v >> 58)
            let low = UInt32(truncatingIfNeeded: v)
            if low <= bins[bin] { bins[bin] = low }
            filled[bin] = true
        }
        // Densify: an empty bin takes the next filled bin's value, mixed with the distance.
        var signature = bins
        for i in 0..<StoryPrinter.hashes where !filled[i] {
            var j = 1
            while !filled[(i + j) % StoryPrinter.hashes] { j += 1 }
            signature[i] = bins[(i + j) % StoryPrinter.hashes] &+ UInt32(j) &* 0x9E37_79B9
        }
        return StoryPrint(id: id, signature: signature)
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
