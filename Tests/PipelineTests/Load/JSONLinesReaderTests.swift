import Testing

@testable import Pipeline

/// JSON Lines input (FORMATS.md §2) and its article ids (§3).
@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    @Test("good lines load with every field; unknown fields are ignored")
    func goodLines() throws {
        let loaded = try PipelineFixture.load(
            """
            {"title": "中国稀土出口", "outlet": "搜狐财经", "published": "2025-07-22 06:20", "body": "正文。", "topic": "稀土", "extra": [1, 2]}
            {"title": "Second", "body": "Core Viewpoint - text."}

            """, name: "feed.jsonl")
        #expect(loaded.rejections.isEmpty)
        try #require(loaded.articles.count == 2)
        let a = loaded.articles[0]
        #expect(a.title == "中国稀土出口")
        #expect(a.outlet == "搜狐财经")
        #expect(a.published?.text == "2025-07-22 06:20")
        #expect(a.body == "正文。")
        #expect(a.topic == "稀土")
        #expect(a.file == "feed.jsonl")
        let b = loaded.articles[1]
        #expect(b.outlet == nil && b.published == nil && b.topic == nil)
    }

    @Test("id when given, else <file>:<line> counting every physical line")
    func identity() throws {
        let loaded = try PipelineFixture.load(
            """
            {"id": "custom-7", "title": "A", "body": "a"}

            {"title": "B", "body": "b"}
            {"title": "C", "body": "c", "id": null}
            """, name: "feed.jsonl")
        #expect(loaded.articles.map(\.id) == ["custom-7", "feed.jsonl:3", "feed.jsonl:4"])
        #expect(loaded.articles.map(\.line) == [1, 3, 4])
    }

    @Test(
        "ISO 8601 dates with zones are converted to China time (UTC+8)",
        arguments: [
            ("2025-07-22T06:20:00+08:00", "2025-07-22 06:20"),
            ("2025-07-21T22:20:00Z", "2025-07-22 06:20"),
            ("2025-07-21T18:20:00-04:00", "2025-07-22 06:20"),
            ("2025-07-22T07:20:00+0900", "2025-07-22 06:20"),
            ("2025-07-21T22:20:00.250Z", "2025-07-22 06:20"),
            ("2025-12-31T20:30:00Z", "2026-01-01 04:30"),
            ("2024-02-28T20:00:00Z", "2024-02-29 04:00"),
            ("2025-01-01T01:00:00+10:00", "2024-12-31 23:00"),
            ("2025-07-22", "2025-07-22"),
        ])
    func isoDates(published: String, china: String) throws {
        let loaded = try PipelineFixture.load(
            #"{"title": "T", "body": "B", "published": "\#(published)"}"#, name: "d.jsonl")
        #expect(loaded.rejections.isEmpty)
        #expect(loaded.articles.first?.published?.text == china)
    }

    @Test("a broken line is rejected with its line number; the others load")
    func brokenLine() throws {
        let loaded = try PipelineFixture.load(
            """
            {"title": "A", "body": "a"}
            {"title": "B", "body": 
            {"title": "C", "body": "c"}
            ["not", "an", "object"]
            {"title": "E", "body": "e", "published": "2025-02-30 10:00"}
            {"title": "F", "body": "f"}
            """, name: "feed.jsonl")
        #expect(loaded.articles.map(\.title) == ["A", "C", "F"])
        #expect(loaded.articles.map(\.id) == ["feed.jsonl:1", "feed.jsonl:3", "feed.jsonl:6"])
        #expect(loaded.rejections.map(\.line) == [2, 4, 5])
        #expect(loaded.rejections.allSatisfy { $0.file.hasSuffix("feed.jsonl") && !$0.hint.isEmpty })
        #expect(loaded.rejections[2].reason.contains("2025-02-30"))
    }

    @Test(
        "missing, empty or non-string title or body rejects that line only",
        arguments: [
            (#"{"body": "b"}"#, "title"),
            (#"{"title": "", "body": "b"}"#, "title"),
            (#"{"title": 12, "body": "b"}"#, "title"),
            (#"{"title": "T"}"#, "body"),
            (#"{"title": "T", "body": null}"#, "body"),
        ])
    func missingField(line: String, field: String) throws {
        let loaded = try PipelineFixture.load("{\"title\": \"ok\", \"body\": \"ok\"}\n\(line)\n", name: "m.jsonl")
        #expect(loaded.articles.map(\.title) == ["ok"])
        try #require(loaded.rejections.count == 1)
        #expect(loaded.rejections[0].line == 2)
        #expect(loaded.rejections[0].reason.contains(field))
    }
}
