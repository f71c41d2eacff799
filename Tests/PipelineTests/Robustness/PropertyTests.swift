import Foundation
import Scoring
import Testing

@testable import Pipeline

/// Seeded random inputs (the same on every run): random bytes and random damage to real exports never
/// crash the loaders, every record is accounted for, and scoring what loads stays in range.
@Suite("Robustness: properties")
struct RobustnessPropertyTests {
    // MARK: - Invariants shared by every case

    /// What must hold for any load of any bytes; returns a description of the first violation.
    static func violations(_ loaded: Robust.Loaded, format: InputSource.Format) -> String? {
        var ids = Set<String>()
        var lastIndex = 0
        let control: (Unicode.Scalar) -> Bool = {
            $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\u{0C}"
        }
        for a in loaded.articles {
            if a.title.isEmpty || a.body.isEmpty { return "article \(a.id) has an empty title or body" }
            if a.title.unicodeScalars.contains(where: control) || a.body.unicodeScalars.contains(where: control) {
                return "article \(a.id) holds control characters"
            }
            if format == .export {
                if a.title.contains("\n") || a.body.contains("\n") { return "article \(a.id) holds a line end" }
                if !ids.insert(a.id).inserted { return "duplicate id \(a.id)" }
                if a.index <= lastIndex { return "record numbers do not increase at \(a.id)" }
                lastIndex = a.index
            }
        }
        if let bad = loaded.rejections.first(where: { !Robust.isWellFormed($0) }) {
            return "malformed rejection \(bad)"
        }
        if loaded.errors.count > 1 { return "more than one file-level error: \(loaded.errors)" }
        return nil
    }

    /// The lines as the loader sees them (BOM, CRLF and GB18030 handled), or nil when refused.
    static func lines(_ bytes: [UInt8]) -> [Line]? {
        var reader = LineReader(bytes: bytes)
        var lines: [Line] = []
        do {
            while let line = try reader.next(path: "-") { lines.append(line) }
        } catch {
            return nil
        }
        return lines
    }

    /// Every outlet line starts exactly one record, and every record uses at least one non-blank line:
    /// `outlet lines <= events <= non-blank lines` for an export that is not refused as a whole.
    static func accountingViolation(_ bytes: [UInt8], _ loaded: Robust.Loaded) -> String? {
        guard loaded.errors.isEmpty, let lines = lines(bytes) else { return nil }
        let outletLines = lines.filter { SearchExportReader.outletLine($0) != nil }.count
        let nonBlank = lines.filter { !$0.isBlank || $0.tooLong }.count
        if loaded.events < outletLines { return "\(loaded.events) records for \(outletLines) outlet lines" }
        if loaded.events > nonBlank { return "\(loaded.events) records from \(nonBlank) non-blank lines" }
        return nil
    }

    static func scoreAll(_ articles: [Article], _ scorer: inout ArticleScorer) -> String? {
        for a in articles {
            let s = scorer.score(a)
            if !s.stance.tone.isFinite || abs(s.stance.tone) > 1 { return "tone \(s.stance.tone) for \(a.id)" }
            if let c = s.stance.countries.first(where: { !$0.score.isFinite || abs($0.score) > 1 || $0.mentions < 1 }) {
                return "score \(c.score) for \(a.id) \(c.code)"
            }
        }
        return nil
    }

    // MARK: - Random bytes

    /// Bytes drawn from pieces that matter to the loaders, so random inputs reach deep into them.
    static let pieces: [[UInt8]] =
        [
            "\n", "\r\n", "\n\n", " ", "\t", "Search documents\n", "搜索文档\n", "Workflow\n", "icon\n", "稀土\n",
            "Sou Hu Cai Jing· 2025-07-22 06:20\n", "搜狐财经·2025-10-17 17:13\n", "X· 2025-13-45 99:99\n", "Y· 2025-0",
            "标题-20250713\n", "中国", "美国", "日本", "欧盟", "稀土出口管制", "依赖", "制裁", "不", "但是", "。", "，", "？",
            "China", "the U.S.", " - ", "Core Viewpoint - ", "Group 1: ", "[1]", "**", "\u{3000}", "·",
            "{\"title\": \"t\", \"body\": \"b\"}\n", "{\"title\": ", "\"body\": \"中国与美国\"}", "[[[[", "\\u0000", "null",
        ].map { Array($0.utf8) } + [
            [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE4, 0xB8], [0x00], [0x01], [0xFE, 0xFF], [0x80],
        ]

    /// Whole records, so that random inputs also hold articles to score.
    static let records: [[UInt8]] = [
        "标题一\nSou Hu Cai Jing· 2025-07-22 06:20\n中国与美国的稀土谈判陷入僵局，日本和欧盟表示担忧。\n",
        "Title two\nXin Lang Cai Jing·2025-10-16 08:00\n\nCore Viewpoint - China tightened export controls on rare earths, and the U.S. seeks new sources [1].\n",
        "稀土板块走强-20250713\n中国稀土集团表示，美方的限制措施不会改变全球产业链对中国的依赖。\n",
    ].map { Array($0.utf8) }

    static func randomInput(_ rng: inout RobustRNG) -> [UInt8] {
        var bytes: [UInt8] = []
        let parts = Int.random(in: 0...120, using: &rng)
        let noNUL = Bool.random(using: &rng)  // a NUL in the first 64 KiB refuses the whole file
        for _ in 0..<parts {
            switch Int.random(in: 0..<14, using: &rng) {
            case 0:
                bytes += (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                    UInt8.random(in: noNUL ? 1...255 : 0...255, using: &rng)
                }
            case 2, 3:
                bytes += records[Int.random(in: 0..<records.count, using: &rng)]
            case 1:
                bytes += Array(
                    repeating: UInt8.random(in: 0x20...0x7E, using: &rng), count: Int.random(in: 1...300, using: &rng))
            default:
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                if !(noNUL && piece == [0x00]) { bytes += piece }
            }
        }
        return bytes
    }

    @Test("random byte strings never crash either loader; invariants hold; chunking changes nothing")
    func randomBytes() throws {
        var rng = RobustRNG(seed: 0x5EED_0001)
        var scorer = ArticleScorer(lexicon: try Robust.lexicon())
        var loadedSome = 0
        for case_ in 0..<300 {
            let bytes = Self.randomInput(&rng)
            for format in [InputSource.Format.export, .jsonLines] {
                let whole = Robust.load(bytes: bytes, name: "r.txt", format: format)
                if let problem = Self.violations(whole, format: format) {
                    Issue.record("case \(case_) \(format): \(problem)")
                }
                let chunk = Int.random(in: 1...97, using: &rng)
                let pieces = Robust.load(bytes: bytes, name: "r.txt", format: format, chunkSize: chunk)
                #expect(
                    pieces.articles == whole.articles && pieces.rejections == whole.rejections
                        && pieces.errors == whole.errors,
                    "case \(case_) \(format): chunk \(chunk) differs")
                let tiny = Robust.load(
                    bytes: bytes, name: "r.txt", format: format, maxLineBytes: 40, maxRecordBytes: 120, chunkSize: chunk
                )
                if let problem = Self.violations(tiny, format: format) {
                    Issue.record("case \(case_) \(format) tiny limits: \(problem)")
                }
                if format == .export, let problem = Self.accountingViolation(bytes, whole) {
                    Issue.record("case \(case_): \(problem)")
                }
                if let problem = Self.scoreAll(whole.articles, &scorer) { Issue.record("case \(case_): \(problem)") }
                loadedSome += whole.articles.count
            }
        }
        #expect(loadedSome > 150, "the generator should reach articles, not only refusals")
    }

    // MARK: - Random damage to real exports

    static func mutate(_ input: [UInt8], _ rng: inout RobustRNG) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !b.isEmpty else { break }
            let at = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<11, using: &rng) {
            case 0: b[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1:
                b.insert(
                    contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in
                        UInt8.random(in: 0...255, using: &rng)
                    }, at: at)
            case 2: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...400, using: &rng)))
            case 3: b.insert(0x0A, at: at)
            case 4: b.insert(contentsOf: [0xFF, 0xFE], at: at)
            case 5: b.insert(0x0D, at: at)
            case 6: b.removeSubrange(at...)  // truncation
            case 7: b.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &rng)], at: at)
            case 8:
                // Duplicate a stretch (a pasted record).
                let end = min(b.count, at + Int.random(in: 1...2000, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            case 9:
                if let newline = b[at...].firstIndex(of: 0x0A) { b.remove(at: newline) }  // join two lines
            default:
                b.insert(contentsOf: Array("\n\(Robust.chineseBody)\n".utf8), at: at)
            }
        }
        return b
    }

    @Test("random damage to the real exports never crashes; every record is accounted for")
    func mutatedRecords() throws {
        var rng = RobustRNG(seed: 0x5EED_0002)
        var scorer = ArticleScorer(lexicon: try Robust.lexicon())
        let originals =
            try Robust.seedNames.map { try Robust.seedBytes($0) }
            + [Array(Robust.export(Robust.records(8), lineEnd: "\r\n").utf8)]
        for case_ in 0..<300 {
            let bytes = Self.mutate(originals[case_ % originals.count], &rng)
            let loaded = Robust.load(bytes: bytes, name: "m.txt")
            if let problem = Self.violations(loaded, format: .export) { Issue.record("case \(case_): \(problem)") }
            if let problem = Self.accountingViolation(bytes, loaded) { Issue.record("case \(case_): \(problem)") }
            let chunk = Int.random(in: 1...4099, using: &rng)
            let pieces = Robust.load(bytes: bytes, name: "m.txt", chunkSize: chunk)
            #expect(
                pieces.articles == loaded.articles && pieces.rejections == loaded.rejections,
                "case \(case_): chunk \(chunk)")
            if let problem = Self.scoreAll(loaded.articles, &scorer) { Issue.record("case \(case_): \(problem)") }
        }
    }

    // MARK: - Known damage, exact accounting

    enum Damage: CaseIterable {
        case none, badDate, noBody, invalidBody, invalidTitle, invalidOutlet, controlBytes, longLine
    }

    @Test("records damaged in known ways: each damaged record is one rejection, every other one loads as written")
    func knownDamage() throws {
        var rng = RobustRNG(seed: 0x5EED_0003)
        for case_ in 0..<200 {
            let count = Int.random(in: 1...12, using: &rng)
            var records = Robust.records(count)
            var damage: [Damage] = []
            var text: [UInt8] = Array("Workflow\n稀土\nicon\nSearch documents\n".utf8)
            let lineEnd: [UInt8] = Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
            if Bool.random(using: &rng) { text = [0xEF, 0xBB, 0xBF] + text }
            for k in 0..<count {
                let kind =
                    Bool.random(using: &rng)
                    ? .none : Damage.allCases[Int.random(in: 0..<Damage.allCases.count, using: &rng)]
                damage.append(kind)
                if kind == .noBody { records[k].body = "" }
                let r = records[k]
                var title = Array(r.title.utf8), outlet = Array("\(r.outlet ?? "X")· ".utf8), date = Array(r.date.utf8)
                var body = Array(r.body.utf8)
                switch kind {
                case .none, .noBody: break
                case .badDate: date = Array("2025-02-30 25:61".utf8)
                case .invalidBody: body.insert(contentsOf: [0xC3, 0x28, 0xFF], at: 6)
                case .invalidTitle: title.insert(0xFF, at: 3)
                case .invalidOutlet: outlet.insert(0xFE, at: 2)
                case .controlBytes: body.insert(contentsOf: [0x01, 0x1B], at: 9)
                case .longLine: body += Array(repeating: UInt8(ascii: "z"), count: 700)
                }
                text += title + lineEnd + outlet + date + lineEnd
                if Bool.random(using: &rng) { text += lineEnd }  // blank line before the body
                if !body.isEmpty { text += body + lineEnd }
            }
            let loaded = Robust.load(
                bytes: text, name: "k.txt", maxLineBytes: 512, chunkSize: Int.random(in: 1...600, using: &rng))
            let expected = records.indices.filter { damage[$0] == .none }
            #expect(loaded.errors.isEmpty, "case \(case_): \(loaded.errors)")
            #expect(loaded.articles.map(\.index) == expected.map { $0 + 1 }, "case \(case_): \(damage)")
            #expect(loaded.articles.map(\.title) == expected.map { records[$0].title }, "case \(case_)")
            #expect(loaded.articles.map(\.body) == expected.map { records[$0].body }, "case \(case_)")
            #expect(
                loaded.rejections.count == count - expected.count, "case \(case_): \(damage) → \(loaded.rejections)")
            #expect(loaded.rejections.allSatisfy(Robust.isWellFormed))
        }
    }
}
