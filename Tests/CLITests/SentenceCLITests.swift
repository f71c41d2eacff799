import Foundation
import Testing

/// `score --by sentence` end to end: one row per segment, carrying the same article id and story id
/// as the article's score rows.
@Suite("stance score --by sentence")
struct SentenceCLITests {
    typealias CLI = CLITests

    @Test("sentence rows carry each article's story id and cover its segments from the title on")
    func sentenceRowsCarryStories() throws {
        let articles = try CLI.stance(["score", CLI.seeds, "--format", "jsonl"])
        let sentences = try CLI.stance(["score", CLI.seeds, "--by", "sentence", "--format", "jsonl"])
        #expect(articles.status == 0 && sentences.status == 0, "\(articles.stderr)\(sentences.stderr)")
        var storyOf: [String: String] = [:]
        for row in try CLI.jsonRows(articles) {
            storyOf[try #require(row["article"] as? String)] = try #require(row["story"] as? String)
        }
        var segments: [String: [Int]] = [:]
        for row in try CLI.jsonRows(sentences) {
            let article = try #require(row["article"] as? String)
            #expect(row["story"] as? String == storyOf[article], "\(article)")
            let tone = try #require(row["tone"] as? Double)
            #expect((-1...1).contains(tone))
            segments[article, default: []].append(try #require(row["segment"] as? Int))
        }
        #expect(Set(segments.keys) == Set(storyOf.keys))
        for (article, list) in segments {
            #expect(list.first == 0 && list == list.sorted(), "\(article): segments \(list)")
        }
    }

    @Test("the CSV sentence rows name the story in their own column")
    func csvSentenceRows() throws {
        let run = try CLI.stance(["score", CLI.seeds, "--by", "sentence", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.lines.first == "article,story,segment,kind,tone,sum,text,model")
        let second = try #require(run.lines.dropFirst().first).split(separator: ",").map(String.init)
        #expect(second[1].count == 16 && second[1].allSatisfy(\.isHexDigit))
    }
}
