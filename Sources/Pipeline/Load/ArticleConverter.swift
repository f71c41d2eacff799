/// Turns any input (every export variant, JSON Lines) into JSON Lines (FORMATS.md §2), one article
/// a line: input any engine can split by line. Each line keeps the article's id (`file:n`), so
/// scoring the converted file reports the ids of the original records and the same scores.
public enum ArticleConverter {
    /// The JSON Lines record of `article`: `id`, `title`, `outlet`, `published`, `topic`, `body`.
    public static func line(_ article: Article) -> [UInt8] {
        let fields: [(String, String)] = [
            ("id", JSON.string(article.id)), ("title", JSON.string(article.title)),
            ("outlet", JSON.optional(article.outlet)), ("published", JSON.optional(article.published?.text)),
            ("topic", JSON.optional(article.topic)), ("body", JSON.string(article.body)),
        ]
        return Array((JSON.object(fields) + "\n").utf8)
    }

    /// Converts every record of `inputs` in order; rejections and skipped files are reported as
    /// they are found and counted, so the account adds up as for `score`. A failed `write` ends the
    /// run with `RunStopped`, which carries the account up to then.
    public static func convert(
        _ inputs: InputSource, progress: ProgressMeter? = nil, write: ([UInt8]) throws -> Void,
        rejected: (Rejection) -> Void, skipped: (LoadError) -> Void
    ) throws -> RunAccount {
        var account = RunAccount()
        var converted = 0
        do {
            try inputs.readRecords(
                into: &account,
                article: { article in
                    converted += 1
                    try write(line(article))
                    progress?.advance(bytes: ProgressMeter.size(of: article))
                }, rejected: rejected, skipped: skipped)
        } catch {
            // The output is gone (a closed pipe, a full disk): stop reading at once, keep the account.
            account.scored = converted
            throw RunStopped(account: account, reason: error)
        }
        account.scored = converted
        progress?.finish()
        return account
    }
}
