import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// The byte-level story print gives exactly the print of its definition over Unicode scalars, so
/// story ids and signatures (written in score rows and partials) did not change with it.
@Suite("Story prints from bytes")
struct StoryPrinterBytesTests {
    static let printer = StoryPrinterTests.printer

    @Test("every body of the labelled sets prints as the scalar definition does")
    func labelledSets() throws {
        let folder = PipelineFixture.packageRoot.appendingPathComponent("Evaluations").path
        let articles = try PipelineFixture.load(paths: [folder]).articles
        #expect(articles.count > 300)
        for article in articles {
            #expect(Self.printer.print(article.body) == ScalarStoryPrinter.print(article.body))
        }
    }

    @Test("mixed scripts, 2- and 4-byte characters, full-width forms and punctuation-only bodies")
    func mixedScripts() {
        let pieces = [
            "Ünïcödé Straße ΣΊΣΥΦΟΣ Москва", "中國對美國稀土產業的壟斷依賴", "ＭＰ　Ｍａｔｅｒｉａｌｓ １２３", "한국 희토류",
            "𠀀𠀁 𝐀𝐁𝐂 🙂", "ⅣⅫ ½ ٣٤", "。,、!?…——", "Lynas’ plant, 2025: +12%", "ｶﾀｶﾅ かたかな カタカナ",
        ]
        // A fixed sequence of picks (a linear congruential generator), so a failure can be replayed.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func pick() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return pieces[Int(state >> 33) % pieces.count]
        }
        for length in [0, 1, 3, 8, 30] {
            for _ in 0..<40 {
                let body = (0..<length).map { _ in pick() }.joined(separator: " ")
                #expect(Self.printer.print(body) == ScalarStoryPrinter.print(body))
                #expect(Self.printer.normalise(body) == ScalarStoryPrinter.normalise(body))
            }
        }
    }

    @Test("a body already seen gets its id and no signature; its first copy gets both")
    func seenCopies() {
        let seen = SeenStories()
        let first = Self.printer.print(StoryPrinterTests.body, unlessSeenIn: seen)
        let again = Self.printer.print(StoryPrinterTests.body, unlessSeenIn: seen)
        #expect(first == Self.printer.print(StoryPrinterTests.body))
        #expect(again.id == first.id)
        #expect(again.signature.isEmpty && !first.signature.isEmpty)
    }
}

/// The story print as first written, scalar by scalar: the reference the byte-level one must match.
enum ScalarStoryPrinter {
    /// Traditional → Simplified, from the model's `variants.tsv`.
    static let folds: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for (from, to) in PipelineFixture.lexicon.model.variants {
            guard let f = from.unicodeScalars.first, let t = to.unicodeScalars.first, f.value < 0x10000 else {
                continue
            }
            table[f.value] = t.value
        }
        return table
    }()

    static func normalise(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for scalar in text.unicodeScalars {
            let c = scalar.value
            switch c {
            case 0x30...0x39, 0x61...0x7A: out.append(c)
            case 0x41...0x5A: out.append(c + 0x20)
            case 0..<0x80: continue
            case 0xFF10...0xFF19, 0xFF41...0xFF5A: out.append(c - 0xFEE0)
            case 0xFF21...0xFF3A: out.append(c - 0xFEE0 + 0x20)
            case 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFFEF: continue
            case 0x3040...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
                out.append(folds[c] ?? c)
            case 0x20000...: out.append(c)
            default:
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
                out.append(scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? c)
            }
        }
        return out
    }

    static func print(_ body: String) -> StoryPrint {
        let chars = normalise(body)
        guard !chars.isEmpty else {
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
        var signature = bins
        for i in 0..<StoryPrinter.hashes where !filled[i] {
            var j = 1
            while !filled[(i + j) % StoryPrinter.hashes] { j += 1 }
            signature[i] = bins[(i + j) % StoryPrinter.hashes] &+ UInt32(j) &* 0x9E37_79B9
        }
        return StoryPrint(id: id, signature: signature)
    }
}
