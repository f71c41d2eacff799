import Scoring
import Testing

@testable import Pipeline

/// Splitting titles and bodies into the units stance is judged in, with their byte offsets.
@Suite("Segmenter")
struct SegmenterTests {
    let segmenter = Segmenter()

    func body(_ text: String) -> [Segment] {
        segmenter.segments(title: "标题", body: text).filter { $0.field == .body }
    }

    @Test("English summary: `Core Viewpoint - ...` is a heading, each ` - ` a bullet, `. ` a sentence end")
    func englishSummary() {
        let segments = body(
            "Core Viewpoint - The U.S. is seeking new supplies. China dominates processing [1][3] - Prices rose 5% in July [2]"
        )
        #expect(
            segments.map(\.text) == [
                "Core Viewpoint", "The U.S. is seeking new supplies.", "China dominates processing",
                "Prices rose 5% in July",
            ])
        #expect(segments.map(\.kind) == [.heading, .bullet, .bullet, .bullet])
    }

    @Test("English groups: `Group 1: heading - point [1][3] - point [4] Group 2 - ...`")
    func englishGroups() {
        let segments = body(
            "Group 1: Export controls - China tightened export controls on rare earths [1][3] - The U.S. relies on Chinese magnets [4] Group 2 - Japan signed a deal with Australia [5]"
        )
        #expect(
            segments.map(\.text) == [
                "Group 1: Export controls", "China tightened export controls on rare earths",
                "The U.S. relies on Chinese magnets",
                "Group 2", "Japan signed a deal with Australia",
            ])
        #expect(segments.map(\.kind) == [.heading, .bullet, .bullet, .heading, .bullet])
        let titled = body("Group 1 - Prices rose [1] Group 2: Supply chain - Japan diversifies [2]")
        #expect(titled.map(\.text) == ["Group 1", "Prices rose", "Group 2: Supply chain", "Japan diversifies"])
        #expect(titled.map(\.kind) == [.heading, .bullet, .heading, .bullet])
    }

    @Test("Chinese summary: `文章核心观点 - ...`")
    func chineseSummary() {
        let segments = body("文章核心观点 - 中国加强稀土出口管制。美国寻求替代来源 [1] - 日本与澳大利亚签署协议 [2]")
        #expect(segments.map(\.text) == ["文章核心观点", "中国加强稀土出口管制。", "美国寻求替代来源", "日本与澳大利亚签署协议"])
        #expect(segments.map(\.kind) == [.heading, .bullet, .bullet, .bullet])
    }

    @Test("Chinese prose is split on 。！？ and keeps a closing quote with its sentence")
    func chineseProse() {
        let segments = body("中国宣布新规！美国会怎么做？欧盟表示关注。特朗普说：“我们赢了。”日本则保持沉默 ...")
        #expect(segments.map(\.text) == ["中国宣布新规！", "美国会怎么做？", "欧盟表示关注。", "特朗普说：“我们赢了。”", "日本则保持沉默 ..."])
        #expect(segments.allSatisfy { $0.kind == .sentence })
    }

    @Test("`. ` does not end a sentence after U.S., Mr. or Corp.")
    func abbreviations() {
        let segments = body("Mr. Smith met officials in the U.S. on Monday. Prices rose 5%. Lynas Corp. expanded.")
        #expect(
            segments.map(\.text) == [
                "Mr. Smith met officials in the U.S. on Monday.", "Prices rose 5%.", "Lynas Corp. expanded.",
            ])
    }

    @Test("citation marks are dropped, before or after the full stop, with or without a leading space")
    func citationMarks() {
        let segments = body("中国控制加工环节[1]。美国依赖进口 [2][3]。日本寻求多元化。[4] 欧盟表示关注[1, 2]")
        #expect(segments.map(\.text) == ["中国控制加工环节。", "美国依赖进口。", "日本寻求多元化。", "欧盟表示关注"])
    }

    @Test("Markdown bold is dropped")
    func bold() {
        let segments = body(
            "Summary by Sections - **Export Control Measures**: The announcements include suspensions [1] - **汽车产业**: 需求增长。"
        )
        #expect(
            segments.map(\.text) == [
                "Summary by Sections", "Export Control Measures: The announcements include suspensions", "汽车产业: 需求增长。",
            ])
    }

    @Test("a line-wrap space between two Chinese characters is mended; other spaces stay")
    func wrapSpaces() {
        let all = segmenter.segments(title: "稀土资源稀 缺", body: "而前期投入的巨额资金可能会面临惨重的亏 损。MP Materials 公司表示 good news。")
        #expect(all.map(\.text) == ["稀土资源稀缺", "而前期投入的巨额资金可能会面临惨重的亏损。", "MP Materials 公司表示 good news。"])
        #expect(all.first?.kind == .title)
    }

    // MARK: - Offsets

    /// Text with whitespace, citation marks and `**` removed: what cleaning may change.
    static func essential(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let b = Array(bytes)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "["), let close = b[i...].firstIndex(of: UInt8(ascii: "]")),
                b[(i + 1)..<close].contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                b[(i + 1)..<close].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x20 || $0 == 0x2D })
            {
                i = close + 1
            } else if b[i] == UInt8(ascii: "*") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") {
                i += 2
            } else {
                if b[i] != 0x20 && b[i] != 0x09 { out.append(b[i]) }
                i += 1
            }
        }
        return out
    }

    /// Every segment's bytes at [start, end) in its field are its text modulo the cleaning; segments are
    /// in order, do not overlap, cut no character, and what lies between them is only separators.
    func checkOffsets(title: String, body: String, _ comment: String) {
        let segments = segmenter.segments(title: title, body: body)
        let fields: [Segment.Field: [UInt8]] = [.title: Array(title.utf8), .body: Array(body.utf8)]
        var covered = [Bool](repeating: false, count: body.utf8.count)
        var lastEnd = 0
        for s in segments {
            let field = fields[s.field] ?? []
            guard s.start >= 0, s.start < s.end, s.end <= field.count else {
                Issue.record("\(comment): segment \(s.text) has range \(s.start)..<\(s.end) outside 0..<\(field.count)")
                continue
            }
            #expect(
                field[s.start] & 0xC0 != 0x80 && (s.end == field.count || field[s.end] & 0xC0 != 0x80),
                "\(comment): \(s.text) cuts a character")
            #expect(
                SegmenterTests.essential(field[s.start..<s.end]) == SegmenterTests.essential(s.bytes),
                "\(comment): bytes \(s.start)..<\(s.end) are `\(String(decoding: field[s.start..<s.end], as: UTF8.self))`, segment `\(s.text)`"
            )
            if s.field == .body {
                #expect(s.start >= lastEnd, "\(comment): \(s.text) overlaps the segment before")
                lastEnd = s.end
                for k in s.start..<s.end { covered[k] = true }
            }
        }
        let body = Array(body.utf8)
        let gaps = body.indices.filter { !covered[$0] }.map { body[$0] }
        let lost = SegmenterTests.essential(gaps).filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "*") }
        #expect(lost.isEmpty, "\(comment): text outside every segment: `\(String(decoding: lost, as: UTF8.self))`")
    }

    @Test("offsets of the crafted bodies")
    func craftedOffsets() {
        for text in [
            "Core Viewpoint - The U.S. is seeking new supplies. China dominates processing [1][3] - Prices rose 5% in July [2]",
            "Group 1: Export controls - China tightened controls [1][3] - The U.S. relies on magnets [4] Group 2 - Japan signed [5]",
            "文章核心观点 - 中国加强稀土出口管制。美国寻求替代来源 [1] - 日本与澳大利亚签署协议 [2]",
            "中国控制加工环节[1]。美国依赖进口 [2][3]。日本寻求多元化。[4] 欧盟表示关注[1, 2]",
            "Summary by Sections - **Export Control Measures**: text [1] - **汽车产业**: 需求增长。",
            "而前期投入的巨额资金可能会面临惨重的亏 损。MP Materials 公司表示 good news。",
        ] {
            checkOffsets(title: "稀土 资源 [1]", body: text, text)
        }
    }

    @Test("offsets of all 30 real seed articles")
    func seedOffsets() throws {
        let loaded = try PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path])
        #expect(loaded.articles.count == 30)
        for a in loaded.articles {
            let segments = segmenter.segments(title: a.title, body: a.body)
            #expect(segments.count > 2, "\(a.id)")
            checkOffsets(title: a.title, body: a.body, a.id)
        }
    }
}

/// Section headings that end a bullet in research-site summaries (`Segmenter+Headings`).
@Suite("Segmenter: trailing section headings")
struct TrailingHeadingTests {
    let segmenter = Segmenter()

    @Test("`... [2] Industry Impact - News ...`: the words after the last citation mark are a heading")
    func headingAfterCitation() {
        let segments = segmenter.segments(
            title: "标题",
            body: "Core Insights - The U.S. signalled a draft deal [2] Industry Impact - Shares fell [3]"
        ).filter { $0.field == .body }
        #expect(
            segments.map(\.text) == [
                "Core Insights", "The U.S. signalled a draft deal", "Industry Impact", "Shares fell",
            ])
        #expect(segments.map(\.kind) == [.heading, .bullet, .heading, .bullet])
    }

    @Test("a sentence after a citation mark is no heading")
    func sentenceAfterCitationStays() {
        let segments = segmenter.segments(
            title: "标题", body: "Core Insights - Prices rose [2] and China said it would act - Shares fell [3]"
        ).filter { $0.field == .body }
        #expect(!segments.contains { $0.kind == .heading && $0.text.contains("China") })
    }
}
