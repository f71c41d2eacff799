/// The article-tone neutral band of each language (`tone_rules.tsv` `neutral_band_<language>`).
extension ToneModel {
    /// The languages an article is read as (`ArticleScorer.language(of:)`), each may have its band.
    public static let bandLanguages = ["zh", "en", "mixed"]
}

extension Model {
    /// The tone thresholds of an article in `language`: its `neutral_band_<language>` when the tone
    /// model has one, else params.tsv `tone_favorable` / `tone_unfavorable`.
    public func toneThresholds(language: String) -> (favorable: Double, unfavorable: Double) {
        if let width = tone.parameters.neutralBands[language] { return (width, -width) }
        return (parameters.toneFavorable, parameters.toneUnfavorable)
    }

    /// The tone label of an article in `language` (a tone on the band's edge is outside it).
    public func toneLabel(_ tone: Double, language: String) -> StanceLabel {
        let t = toneThresholds(language: language)
        return StanceLabel(score: tone, favorable: t.favorable, unfavorable: t.unfavorable)
    }
}
