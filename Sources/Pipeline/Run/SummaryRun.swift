/// `summary` as one call: scores the inputs and gathers them into a `SummaryPartial`, story prints
/// made on the worker threads.
extension ScoringRun {
    public func summarise(
        _ inputs: InputSource, into partial: inout SummaryPartial, progress: ProgressMeter? = nil,
        rejected: (Rejection) -> Void, skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        let account = try runWithStories(
            inputs, printing: partial.foldsDuplicates, progress: progress,
            result: { partial.add($0, print: $1) }, rejected: rejected, skipped: skipped)
        partial.account.read += account.read
        partial.account.scored += account.scored
        partial.account.rejected += account.rejected
        partial.skipped += account.skippedFiles.count
        return account
    }

    /// Scores `inputs` and hands each article on with its story print (made on the worker threads
    /// when `printing`, else `nil`): the one path by which `summary`, `chart` and `report` aggregate.
    public func runWithStories(
        _ inputs: InputSource, printing: Bool, progress: ProgressMeter? = nil,
        result: (ScoredArticle, StoryPrint?) throws -> Void, rejected: (Rejection) -> Void,
        skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        let printer = printing ? StoryPrinter(model: lexicon.model) : nil
        // A story's signature is needed once: later copies of a body carry only its id.
        let seen = SeenStories()
        let account = try run(
            inputs, render: { scored in (scored, printer?.print(scored.article.body, unlessSeenIn: seen)) },
            result: { (scored: ScoredArticle, print: StoryPrint?) in
                try result(scored, print)
                progress?.advance(bytes: ProgressMeter.size(of: scored.article))
            }, rejected: rejected, skipped: skipped)
        progress?.finish()
        return account
    }
}
