import Foundation
import Testing

@testable import Pipeline

/// The "search documents" exports of FORMATS.md §1, every variant real exports show.
@Suite("SearchExportReader")
struct SearchExportReaderTests {
    let longBody = "中国商务部宣布对部分中重稀土相关物项实施出口管制，美国和欧盟的制造商表示将寻找替代来源，但短期内难以摆脱依赖。"

    @Test("full header: Workflow, topic, icon, Search documents")
    func fullHeader() throws {
        let loaded = try PipelineFixture.load(
            """
            Workflow
            稀土产业
            icon
            Search documents
            堵上稀土最后漏洞
            Sou Hu Cai Jing· 2025-07-22 06:20
            \(longBody)
            美企闭口不提磁铁价格
            Guan Cha Zhe Wang· 2025-07-15 08:43
            Core Viewpoint - MP Materials is seen as a challenger [1].

            """)
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 2)
        let (a, b) = (loaded.articles[0], loaded.articles[1])
        #expect(a.id == "export.txt:1" && b.id == "export.txt:2")
        #expect(a.title == "堵上稀土最后漏洞")
        #expect(a.outlet == "Sou Hu Cai Jing")
        #expect(a.published?.text == "2025-07-22 06:20")
        #expect(a.body == longBody)
        #expect(a.line == 5)
        #expect(b.outlet == "Guan Cha Zhe Wang")
        #expect(b.published?.text == "2025-07-15 08:43")
        #expect(b.body == "Core Viewpoint - MP Materials is seen as a challenger [1].")
        #expect(loaded.articles.allSatisfy { $0.topic == "稀土产业" })
    }

    @Test("header without Workflow and icon keeps the topic")
    func headerWithoutNoise() throws {
        let loaded = try PipelineFixture.load(
            "稀土\nSearch documents\n标题一\nZheng Quan Shi Bao· 2025-11-07 18:09\n\(longBody)\n")
        try #require(loaded.articles.count == 1)
        #expect(loaded.articles[0].topic == "稀土")
        #expect(loaded.articles[0].title == "标题一")
    }

    @Test("Chinese marker 搜索文档, company topic", arguments: ["钕", "MP Materials(MP)"])
    func chineseMarker(topic: String) throws {
        let loaded = try PipelineFixture.load("\(topic)\n搜索文档\n标题一\n新浪财经· 2025-11-07 16:12\n\(longBody)\n")
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 1)
        #expect(loaded.articles[0].topic == topic)
        #expect(loaded.articles[0].outlet == "新浪财经")
    }

    @Test("no topic line: marker first, or no header at all")
    func noTopic() throws {
        for text in [
            "Search documents\n标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n",
            "标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n",
            "Workflow\nicon\nSearch documents\n标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n",
        ] {
            let loaded = try PipelineFixture.load(text)
            #expect(loaded.rejections.isEmpty)
            try #require(loaded.articles.count == 1)
            #expect(loaded.articles[0].topic == nil)
            #expect(loaded.articles[0].title == "标题一")
            #expect(loaded.articles[0].body == longBody)
        }
    }

    @Test("blank lines in the header, between records and between outlet line and body")
    func blankLines() throws {
        let loaded = try PipelineFixture.load(
            """

            稀土

            Search documents

            标题一
            搜狐财经· 2025-10-17 17:13

            \(longBody)


            标题二
            Sou Hu Cai Jing· 2025-10-16 08:00

            第二篇正文。

            """)
        #expect(loaded.rejections.isEmpty)
        #expect(loaded.articles.map(\.title) == ["标题一", "标题二"])
        #expect(loaded.articles.map(\.body) == [longBody, "第二篇正文。"])
        #expect(loaded.articles.map(\.topic) == ["稀土", "稀土"])
    }

    @Test("outlet line with no space after the middle dot")
    func outletWithoutSpace() throws {
        let loaded = try PipelineFixture.load("稀土\nSearch documents\n标题一\n搜狐财经·2025-10-17 17:13\n\(longBody)\n")
        try #require(loaded.articles.count == 1)
        #expect(loaded.articles[0].outlet == "搜狐财经")
        #expect(loaded.articles[0].published?.text == "2025-10-17 17:13")
        #expect(loaded.articles[0].body == longBody)
    }

    @Test("record without outlet line: date from the title, outlet unknown, still counted")
    func recordWithoutOutlet() throws {
        let loaded = try PipelineFixture.load(
            """
            稀土
            Search documents
            标题一
            搜狐财经· 2025-07-14 02:18
            \(longBody)
            稀土板块走强，资金抢筹核心资产-20250713
            \(longBody)
            标题三
            Xin Lang Cai Jing· 2025-07-12 01:03
            第三篇正文。
            """)
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 3)
        let second = loaded.articles[1]
        #expect(second.title == "稀土板块走强，资金抢筹核心资产-20250713")
        #expect(second.outlet == nil)
        #expect(second.published?.text == "2025-07-13")
        #expect(second.published?.hasTime == false)
        #expect(second.body == longBody)
        #expect(second.id == "export.txt:2")
        #expect(loaded.articles[0].body == longBody)
        #expect(loaded.articles[2].id == "export.txt:3")
        #expect(loaded.articles[2].outlet == "Xin Lang Cai Jing")
    }

    @Test("record without outlet line or date: a short line before a long one is a title")
    func titleByShape() throws {
        let loaded = try PipelineFixture.load(
            "稀土\nSearch documents\n标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n没有来源的标题\n\(longBody)\n最后一篇-20250713\n\(longBody)"
        )
        #expect(loaded.articles.map(\.title) == ["标题一", "没有来源的标题", "最后一篇-20250713"])
        #expect(loaded.articles.map(\.outlet) == ["搜狐财经", nil, nil])
        #expect(loaded.articles.map(\.published?.text) == ["2025-10-17 17:13", nil, "2025-07-13"])
        #expect(loaded.articles.allSatisfy { $0.body == longBody })
    }

    @Test("a body wrapped over several lines is one body, up to the next title")
    func multiLineBody() throws {
        let loaded = try PipelineFixture.load(
            """
            稀土
            Search documents
            Title one
            Sou Hu Cai Jing· 2025-10-16 08:00
            Group 1 - The U.S. is looking for new sources of heavy rare earths [1].
            It signed a framework agreement with Australia [2].
            Title two
            Sou Hu Cai Jing· 2025-10-15 08:00
            Core Viewpoint - Prices rose.

            """)
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 2)
        let body = loaded.articles[0].body
        #expect(!body.contains("\n"))
        let first = try #require(
            body.range(of: "Group 1 - The U.S. is looking for new sources of heavy rare earths [1]."))
        let second = try #require(body.range(of: "It signed a framework agreement with Australia [2]."))
        #expect(first.upperBound <= second.lowerBound)
        #expect(loaded.articles[1].title == "Title two")
        #expect(loaded.articles[1].body == "Core Viewpoint - Prices rose.")
    }

    @Test("no final newline: the last body is complete")
    func noFinalNewline() throws {
        let loaded = try PipelineFixture.load("稀土\nSearch documents\n标题一\n搜狐财经· 2025-10-17 17:13\n正文没有换行结尾")
        try #require(loaded.articles.count == 1)
        #expect(loaded.articles[0].body == "正文没有换行结尾")
    }

    @Test("a UTF-8 BOM does not stick to the first line")
    func byteOrderMark() throws {
        let withTopic = try PipelineFixture.load(
            bytes: [0xEF, 0xBB, 0xBF] + Array("稀土\nSearch documents\n标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n".utf8),
            name: "bom.txt")
        try #require(withTopic.articles.count == 1)
        #expect(withTopic.articles[0].topic == "稀土")
        let headerless = try PipelineFixture.load(
            bytes: [0xEF, 0xBB, 0xBF] + Array("标题一\n搜狐财经· 2025-10-17 17:13\n\(longBody)\n".utf8), name: "bom.txt")
        try #require(headerless.articles.count == 1)
        #expect(headerless.articles[0].title == "标题一")
    }

    @Test("CRLF line ends leave no carriage return anywhere")
    func crlf() throws {
        let text =
            "Workflow\r\n稀土\r\nicon\r\nSearch documents\r\n标题一\r\n搜狐财经· 2025-10-17 17:13\r\n\(longBody)\r\n\r\n"
            + "标题二\r\nSou Hu Cai Jing·2025-10-16 08:00\r\n第二篇正文。\r\n"
        let loaded = try PipelineFixture.load(text)
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 2)
        for a in loaded.articles {
            #expect(![a.title, a.outlet ?? "", a.body, a.topic ?? ""].contains { $0.contains("\r") })
        }
        #expect(loaded.articles[0].topic == "稀土")
        #expect(loaded.articles[1].outlet == "Sou Hu Cai Jing")
        #expect(loaded.articles[1].published?.text == "2025-10-16 08:00")
        #expect(loaded.articles[1].body == "第二篇正文。")
    }

    // MARK: - The real exports

    static let seeds = [
        ("000_8ca8292280351d11.txt", "稀土产业"),
        ("001_dc20efa79818f8e9.txt", "稀土"),
        ("002_3260e73088ab1401.txt", "稀土供应链多元化"),
    ]

    @Test("each real seed export loads to exactly 10 articles", arguments: seeds)
    func seedFile(name: String, topic: String) throws {
        let path = PipelineFixture.seedsDirectory.appendingPathComponent(name).path
        let loaded = try PipelineFixture.load(paths: [path])
        #expect(loaded.rejections.isEmpty)
        #expect(loaded.articles.count == 10)
        #expect(loaded.articles.map(\.id) == (1...10).map { "\(name):\($0)" })
        #expect(loaded.articles.allSatisfy { $0.topic == topic && $0.outlet != nil && $0.published?.hasTime == true })
        #expect(loaded.articles.allSatisfy { !$0.body.isEmpty && !$0.body.contains("\n") })
        // Each title is the line right above an outlet line of the file.
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        for a in loaded.articles {
            #expect(lines[a.line - 1] == a.title)
            #expect(lines[a.line].hasPrefix(a.outlet ?? "?"))
            #expect(lines[a.line].hasSuffix(a.published?.text ?? "?"))
        }
    }

    @Test("seed records checked against the files")
    func seedSamples() throws {
        let loaded = try PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path])
        #expect(loaded.articles.count == 30)
        let byID = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.id, $0) })
        let first = try #require(byID["000_8ca8292280351d11.txt:1"])
        #expect(first.title == "堵上稀土最后漏洞!中国这招釜底抽薪,美国想掀桌都没勇气")
        #expect(first.outlet == "Sou Hu Cai Jing")
        #expect(first.published?.text == "2025-07-22 06:20")
        let seventh = try #require(byID["000_8ca8292280351d11.txt:7"])
        #expect(seventh.outlet == "Guan Cha Zhe Wang")
        #expect(seventh.published?.text == "2025-07-15 08:43")
        let fourth = try #require(byID["001_dc20efa79818f8e9.txt:4"])
        #expect(fourth.title == "两部门暂停实施多项公告 涉及稀土锂电池等出口管制")
        #expect(fourth.outlet == "Zheng Quan Shi Bao")
        #expect(fourth.published?.text == "2025-11-07 18:09")
        let last = try #require(byID["002_3260e73088ab1401.txt:10"])
        #expect(last.title == "全球产业链关键变量:中国稀土出口管制的安全逻辑与全球平衡")
        #expect(last.published?.text == "2025-06-08 11:56")
        #expect(last.body.hasSuffix("[4]"))
    }

    @Test("every title of labels.tsv matches the record at its file:index")
    func seedLabelsAlign() throws {
        let loaded = try PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path])
        let titles = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.id, $0.title) })
        let labels = try String(
            contentsOf: PipelineFixture.seedsDirectory.appendingPathComponent("labels.tsv"), encoding: .utf8)
        let rows = labels.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(rows.count > 100)
        for row in rows {
            #expect(titles["\(row[0]):\(row[1])"] == String(row[4]), "labels.tsv row \(row[0]):\(row[1])")
        }
    }
}

/// Record boundaries that a body's own layout must not move.
@Suite("SearchExportReader: subheadings and a cut last title")
struct SearchExportBoundaryTests {
    static let long = String(repeating: "美国稀土产业面临成本高昂、技术落后和人才短缺等问题，长期依赖进口。", count: 3)

    @Test(arguments: ["一、美国的困境", "（二）背景", "1. 背景", "主要观点："])
    func aSubheadingInsideABodyIsNoTitle(subheading: String) throws {
        let text =
            "Search documents\n标题一\nSou Hu Cai Jing· 2025-07-22 06:20\n第一段。\n\(subheading)\n\(Self.long)\n标题二\nSou Hu Cai Jing· 2025-07-23 06:20\n正文。\n"
        let loaded = try PipelineFixture.load(text)
        #expect(loaded.articles.map(\.title) == ["标题一", "标题二"])
        #expect(loaded.articles.first?.body.contains(subheading) == true)
        #expect(loaded.articles.map(\.index) == [1, 2])
    }

    @Test func aFileCutRightAfterATitleRejectsThatTitle() throws {
        let text = "Search documents\n标题一\nSou Hu Cai Jing· 2025-07-22 06:20\n\(Self.long)\n中国坚决不给稀土,美国人被逼急了"
        let loaded = try PipelineFixture.load(text)
        #expect(loaded.articles.count == 1)
        #expect(loaded.articles.first?.body.contains("被逼急了") == false)
        #expect(loaded.rejections.count == 1)
        #expect(loaded.rejections.first?.reason.contains("ends with the title") == true)
    }

    @Test func aBodyEndingASentenceIsNotMistakenForACutTitle() throws {
        let text = "Search documents\n标题一\nSou Hu Cai Jing· 2025-07-22 06:20\n\(Self.long)\n短句结尾。"
        let loaded = try PipelineFixture.load(text)
        #expect(loaded.articles.count == 1 && loaded.rejections.isEmpty)
    }
}
