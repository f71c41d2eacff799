/// `score` as one call: rows formatted on the worker threads, each carrying its story id.
extension ScoringRun {
    /// Scores `inputs` and hands each article's rows to `write` in input order. The story id is
    /// the exact id of the body, or — for a near-identical copy of a story seen shortly before
    /// (`StoryIndex`) — that story's id, patched into the formatted row here, in input order.
    public func scoreRows(
        _ inputs: InputSource, writer: any ScoreWriter, model: String, progress: ProgressMeter? = nil,
        write: ([UInt8]) throws -> Void, rejected: (Rejection) -> Void, skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        let printer = StoryPrinter(model: lexicon.model)
        var index = StoryIndex()
        // Later copies of a body skip the signature; the index needs it only for an id it does not
        // hold (one that left its window, or a copy a worker reached before the first), and then
        // the body is printed again here.
        let seen = SeenStories()
        let account = try run(
            inputs,
            render: { scored in
                var row = scored
                let print = printer.print(scored.article.body, unlessSeenIn: seen)
                row.story = print.text
                let body = print.signature.isEmpty ? scored.article.body : nil
                return (writer.rowBytes(row, model: model), print, body, ProgressMeter.size(of: scored.article))
            },
            result: { (bytes: [UInt8], print: StoryPrint, body: String?, size: Int) in
                var print = print
                if let body, !index.holds(print.id) { print = printer.print(body) }
                let story = index.story(of: print)
                try write(
                    story == print.id ? bytes : ScoringRun.replacing(print.text, with: StoryPrint.hex(story), in: bytes)
                )
                progress?.advance(bytes: size)
            }, rejected: rejected, skipped: skipped)
        progress?.finish()
        return account
    }

    /// `bytes` with every occurrence of `old` replaced by `new` of the same length (a story id: 16
    /// hex digits, which no other field of a row holds by chance).
    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let o = Array(old.utf8), n = Array(new.utf8)
        precondition(o.count == n.count && !o.isEmpty)
        var out = bytes
        var i = 0
        while i + o.count <= out.count {
            if out[i] == o[0], out[i..<(i + o.count)].elementsEqual(o) {
                out.replaceSubrange(i..<(i + o.count), with: n)
                i += o.count
            } else {
                i += 1
            }
        }
        return out
    }
}
