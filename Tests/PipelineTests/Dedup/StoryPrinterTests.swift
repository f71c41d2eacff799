import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// Syndicated copies fall into one story; different stories stay apart.
@Suite("Stories")
struct StoryPrinterTests {
    static let printer = StoryPrinter(model: PipelineFixture.lexicon.model)

    static let body = """
        中国商务部宣布对七种中重稀土实施出口管制,美国国防供应链随即承压。分析人士指出,美国虽加快本土分离产能建设,\
        但在重稀土冶炼和磁材环节仍高度依赖中国,短期内难以摆脱。日本和欧盟也在寻找替代来源,澳大利亚莱纳斯公司的\
        扩产计划被寄予厚望,但其成本远高于中国同行。业内人士认为,这一轮管制将重塑全球稀土贸易格局。
        """

    func story(_ text: String) -> StoryPrint { StoryPrintTests.printer(text) }

    @Test("an identical copy is the same story")
    func identical() {
        #expect(story(Self.body).id == story(Self.body).id)
    }

    @Test("spacing, punctuation, full-width letters and case do not make another story")
    func repunctuated() {
        let changed = Self.body.replacingOccurrences(of: ",", with: ", ").replacingOccurrences(of: "。", with: ".\n")
            .replacingOccurrences(of: "“", with: "\"")
        #expect(story(changed).id == story(Self.body).id)
        #expect(
            story("MP Materials, a U.S. firm: rare-earth magnets!").id
                == story("mp materials a us firm rareearth magnets").id)
        #expect(story("ＭＰ　Ｍａｔｅｒｉａｌｓ").id == story("mp materials").id)
    }

    @Test("Traditional characters fold to Simplified through variants.tsv")
    func traditional() {
        #expect(story("中國對美國稀土產業的壟斷依賴").id == story("中国对美国稀土产业的垄断依赖").id)
        let traditional = Self.body.replacingOccurrences(of: "国", with: "國").replacingOccurrences(of: "业", with: "業")
        #expect(story(traditional).id == story(Self.body).id)
    }

    @Test("a copy with a source line or one changed sentence is a near copy, one story once clustered")
    func nearCopies() throws {
        let withSource = "(来源:新浪财经 记者 王明)" + Self.body
        let edited = Self.body.replacingOccurrences(of: "业内人士认为", with: "有专家称")
        let original = story(Self.body)
        for copy in [story(withSource), story(edited)] {
            #expect(copy.id != original.id)
            #expect(copy.isNear(original))
        }
        let roots = StoryClusters.roots([
            original.id: original.signature, story(withSource).id: story(withSource).signature,
            story(edited).id: story(edited).signature,
        ])
        #expect(Set(roots.values).count == 1)
        #expect(roots.values.first == min(original.id, story(withSource).id, story(edited).id))
    }

    @Test("a different story on the same subject stays separate")
    func differentStory() {
        let other = """
            日本经济产业省表示,将与澳大利亚合作开发稀土新矿,计划五年内把对中国稀土的依赖降至五成以下。\
            日方将提供低息贷款,支持莱纳斯公司在马来西亚扩建分离厂,并推动越南和印度的项目。\
            分析人士认为,替代供应链成本高昂,短期难以撼动中国的主导地位。
            """
        #expect(story(other).id != story(Self.body).id)
        #expect(!story(other).isNear(story(Self.body)))
        #expect(
            Set(
                StoryClusters.roots([
                    story(other).id: story(other).signature, story(Self.body).id: story(Self.body).signature,
                ]).values
            ).count == 2)
    }

    @Test("no two different articles of the labelled sets are near copies")
    func labelledSetsStayApart() throws {
        let folder = PipelineFixture.packageRoot.appendingPathComponent("Evaluations").path
        let articles = try PipelineFixture.load(paths: [folder]).articles
        #expect(articles.count > 300)
        var prints: [UInt64: StoryPrint] = [:]
        for a in articles { prints[story(a.body).id] = story(a.body) }
        let distinct = Array(prints.values)
        var most = 0
        for i in 0..<distinct.count {
            for j in (i + 1)..<distinct.count where !distinct[i].signature.isEmpty && !distinct[j].signature.isEmpty {
                let same = zip(distinct[i].signature, distinct[j].signature).filter { $0 == $1 }.count
                most = max(most, same)
            }
        }
        // The most similar pair of different bodies agrees in far fewer positions than the threshold.
        #expect(most < StoryPrinter.threshold)
        #expect(Set(StoryClusters.roots(prints.mapValues(\.signature)).values).count == distinct.count)
    }

    @Test("the streaming index gives a near copy the earlier story's id and forgets beyond its capacity")
    func streamingIndex() {
        var index = StoryIndex(capacity: 2)
        let original = story(Self.body), near = story("(来源:新浪财经)" + Self.body)
        #expect(index.story(of: original) == original.id)
        #expect(index.story(of: near) == original.id)
        #expect(index.story(of: story("一篇完全不同的文章,讲的是印度的稀土开采计划和越南的矿山。")) != original.id)
        _ = index.story(of: story("第三篇文章谈的是巴西的稀土储量与加拿大的加工厂建设进展。"))
        // The original left the window of 2: a new near copy keeps its own id.
        let late = story(Self.body + "(完)")
        #expect(index.story(of: late) == late.id)
    }
}

/// Shorthand used by the story tests.
enum StoryPrintTests {
    static func printer(_ text: String) -> StoryPrint { StoryPrinterTests.printer.print(text) }
}
