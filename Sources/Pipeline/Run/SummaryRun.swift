/// `summary` as one call: scores the inputs and gathers them into a `SummaryPartial`, story prints
/// made on the worker threads.
extension ScoringRun {
    public func summarise(
        _ inputs: InputSource, into partial: inout SummaryPartial, progress: ProgressMeter? = nil,
        rejected: (Rejection) -> Void, skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        let printer = partial.foldsDuplicates ? StoryPrinter(model: lexicon.model) : nil
        // A story's signature is needed once: later copies of a body carry only its id.
        let seen = SeenStories()
        let account = try run(
            inputs, render: { scored in (scored, printer?.print(scored.article.body, unlessSeenIn: seen)) },
            result: { (scored: ScoredArticle, print: StoryPrint?) in
                partial.add(scored, print: print)
                progress?.advance(bytes: ProgressMeter.size(of: scored.article))
            }, rejected: rejected, skipped: skipped)
        progress?.finish()
        partial.account.read += account.read
        partial.account.scored += account.scored
        partial.account.rejected += account.rejected
        partial.skipped += account.skippedFiles.count
        return account
    }
}
