import Pipeline
import Scoring
import Testing

/// The scoring rules of the model, stated as domain examples: text in, per-country direction out.
@Suite("Stance rules")
struct StanceRulesTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    // MARK: Relational cues: the dependent side down, the side depended on up.

    @Test func chineseDependenceMovesBothSides() {
        #expect(Fixture.stances("美国依赖中国稀土") == ["US": unf, "CN": fav])
    }

    @Test func englishRelianceMovesBothSides() {
        #expect(Fixture.stances("稀土", "The US relies on China for rare earths.") == ["US": unf, "CN": fav])
    }

    @Test func objectMarkedBy对PrecedesTheCue() {
        #expect(Fixture.stances("俄罗斯难以摆脱对华依赖") == ["RU": unf, "CN": fav])
    }

    @Test func breakingAMonopolyStillNamesTheMonopolist() {
        #expect(Fixture.stances("稀土", "Japan wants to break China's monopoly.")["CN"] == fav)
    }

    @Test func chokingTheObjectInside卡X脖子() {
        #expect(Fixture.stances("中国用稀土卡美国脖子") == ["CN": fav, "US": unf])
    }

    @Test func submittingAnApplicationTo() {
        #expect(Fixture.stances("欧盟向中国提交稀土申请") == ["EU": unf, "CN": fav])
    }

    @Test func slotCuesSharingAnOpeningAreToldApartByTheirClosing() {
        // 向{X}提交 comes first in cues.tsv; 向{X}申请 must still be found.
        #expect(Fixture.stances("日本向中国申请稀土许可") == ["JP": unf, "CN": fav])
    }

    @Test func cannotDoWithoutAndWaitingForApproval() {
        #expect(Fixture.stances("美国军工供应链离不开中国稀土") == ["US": unf, "CN": fav])
        #expect(Fixture.stances("欧盟企业排队等中方审批稀土许可") == ["EU": unf, "CN": fav])
    }

    @Test func relationalConcernOverTheOther() {
        #expect(Fixture.stances("稀土", "Japan voiced concerns over China's export controls.") == ["JP": unf, "CN": fav])
    }

    @Test func traditionalCharactersScoreLikeSimplified() {
        #expect(Fixture.stances("美國依賴中國稀土") == Fixture.stances("美国依赖中国稀土"))
    }

    // MARK: A cue about a list of countries is about each of them.

    @Test func chineseListSharesTheCue() {
        #expect(
            Fixture.stances("日本、韩国和印度的稀土项目进展缓慢")
                == ["JP": unf, "KR": unf, "IN": unf])
    }

    @Test func englishSeriesClosedByAndSharesTheCue() {
        #expect(
            Fixture.stances("稀土", "Efforts in Vietnam, India, and Australia have largely failed.")
                == ["VN": unf, "IN": unf, "AU": unf])
    }

    @Test func aListOnEitherSideOfARelation() {
        #expect(Fixture.stances("美国和日本依赖中国稀土") == ["US": unf, "JP": unf, "CN": fav])
        #expect(
            Fixture.stances("稀土", "Japan relies on China and Myanmar for heavy rare earths.")
                == ["JP": unf, "CN": fav, "MM": fav])
    }

    @Test func aCommaAloneIsNoList() {
        // "In China, the US ...": the comma ends a phrase; only the US fails.
        #expect(
            Fixture.stances("稀土", "In China, the US faces severe shortages.")
                == ["CN": neu, "US": unf])
    }

    // MARK: A companion or a place does not hold the cue when someone else can.

    @Test func aPlaceIsNotTheOneWhoActs() {
        #expect(Fixture.stances("莱纳斯在马来西亚扩产") == ["AU": fav, "MY": neu])
        #expect(Fixture.stances("稀土", "Lynas in Malaysia has expanded output.") == ["AU": fav, "MY": neu])
    }

    @Test func aCompanionIsNotTheSubject() {
        #expect(
            Fixture.stances("稀土", "Japan signed a deal with Australia and expanded its stockpile.")
                == ["JP": fav, "AU": neu])
    }

    @Test func aPlaceHoldsTheCueWhenNobodyElseCan() {
        #expect(Fixture.stances("稀土", "In Japan, magnet makers face severe shortages.") == ["JP": unf])
    }

    @Test func aMarkedCountryInTheClauseBeatsTheSentenceSubject() {
        #expect(Fixture.stances("中国产能充足，但对美国的缺口只是杯水车薪")["US"] == unf)
    }

    // MARK: Lessening a weakness is a gain; lessening a strength, a smaller strength.

    @Test func reducingRelianceIsAGain() {
        #expect(Fixture.stances("稀土", "Japan has reduced its reliance on imports.") == ["JP": fav])
        #expect(Fixture.stances("日本大幅降低进口依赖")["JP"] == fav)
        #expect((Fixture.scores("稀土", "China reduced its dominance.")["CN"] ?? 0) > 0)
    }

    @Test func aLessenedRelationMovesOnlyTheSubject() {
        #expect(
            Fixture.stances("稀土", "The deal is designed to reduce US reliance on China.") == ["US": fav, "CN": neu])
        #expect(Fixture.stances("日本不依赖中国稀土") == ["JP": fav, "CN": neu])
    }

    @Test func aChineseReducerAfterTheCueLessensIt() {
        #expect(Fixture.stances("日本稀土对华依赖降至六成") == ["JP": fav, "CN": neu])
    }

    @Test func aChineseProcedureWithNoSubjectMovesNobody() {
        #expect(Fixture.stances("出口经营者应当向商务部申请许可") == ["CN": neu])
        // In English a relation with no one named still says who is relied on.
        #expect(Fixture.stances("稀土", "Reliance on China remains high.") == ["CN": fav])
    }

    // MARK: Market colour moves the tone, not a country.

    @Test func stockMovesAreToneNotStance() {
        let article = Fixture.article("美股异动 | 稀土概念股集体走低", "MP Materials fell 7% as US rare earth stocks dropped.")
        #expect(article.countries.map(\.label) == [neu])
        #expect(article.tone < 0)
    }

    // MARK: A large share of the world market is a strong position.

    @Test func aLargeWorldShareIsAStrongPosition() {
        #expect(Fixture.stances("稀土", "China accounts for about 90% of global rare earth refining.") == ["CN": fav])
        #expect(Fixture.stances("稀土", "China refines 85 per cent of the world's rare earths.") == ["CN": fav])
        #expect(Fixture.stances("中国稀土冶炼产能占全球的九成") == ["CN": fav])
        #expect(Fixture.stances("中国镓产量占全球98％") == ["CN": fav])
    }

    @Test func aSmallShareOrNoScopeIsNoPosition() {
        #expect(Fixture.stances("稀土", "The US holds 10% of global reserves.") == ["US": neu])
        #expect(Fixture.stances("稀土", "Japan cut its stockpile by 90% this year.") == ["JP": neu])
    }

    // MARK: Edge cases found in review.

    @Test func aReducerWithAnObjectAfterTheCueActsOnItsObject() {
        // 降低 here lowers the capacity, not the shortage.
        #expect(Fixture.stances("稀土短缺降低了美国军工产能")["US"] == unf)
    }

    @Test func aCompanionIsNotAMarkedHolder() {
        #expect(Fixture.stances("美国加快布局，与澳大利亚的合作陷入困境") == ["US": unf, "AU": neu])
    }

    @Test func anOpeningPlaceEndsAtItsComma() {
        #expect(
            Fixture.stances("稀土", "In China, Japan and India face severe shortages.") == [
                "CN": neu, "JP": unf, "IN": unf,
            ])
    }

    @Test func twoSidesOfAComparisonAreNoList() {
        #expect(Fixture.stances("中国与美国相比优势明显") == ["CN": fav, "US": neu])
    }

    @Test func aListSharesTheObjectMarkOfItsFirstMember() {
        // Without the shared mark 缅甸 would hold 短缺 as the nearest country before it.
        #expect(Fixture.stances("日本从中国和缅甸进口的稀土依然短缺") == ["JP": unf, "CN": fav, "MM": fav])
    }

    @Test func fromTheUSMarksAnObjectLikeFromChina() {
        #expect(Fixture.stances("稀土", "Supplies from the US remain scarce for Japan.") == ["US": neu, "JP": unf])
    }

    @Test func cuesInsideAMatchedSlotPhraseArePartOfIt() {
        // 被{X}卡 + 脖子: 卡脖子 must not also fire on its own for China.
        #expect(Fixture.stances("欧洲被中国卡脖子") == ["EU": unf, "CN": fav])
    }

    @Test func aShareMustReadAsAShare() {
        // A price jump, a share that fell, 成 as part of a word: no position.
        #expect(
            Fixture.stances("稀土", "Global rare earth prices jumped 80% as the US scrambled for supply.")["US"] == unf)
        #expect(Fixture.stances("日本在全球的份额从90%降至40%")["JP"] != fav)
        #expect(Fixture.stances("日本企业在全球前10成为焦点") == ["JP": neu])
        // Full-width digits and 8成 are shares.
        #expect(Fixture.stances("中国占全球９０％的稀土冶炼产能") == ["CN": fav])
        #expect(Fixture.stances("中国稀土产量占全球8成") == ["CN": fav])
    }

    @Test func modifiersOfAShareAreReadFromTheFigure() {
        // "hardly" and "yet" stand after the figure: they do not touch it.
        #expect(Fixture.stances("稀土", "China refines 90% of the world's rare earths.") == ["CN": fav])
        #expect((Fixture.scores("稀土", "China refines 90% of rare earths yet hardly matters globally.")["CN"] ?? 0) >= 0)
    }

    // MARK: Negation flips and damps.

    @Test(arguments: ["不", "没有", "并非", "难以", "未"])
    func chineseNegatorsFlip(negator: String) {
        let plain = Fixture.scores("日本稀土短缺")["JP"] ?? 0
        let negated = Fixture.scores("日本稀土\(negator)短缺")["JP"] ?? 0
        #expect(plain < 0)
        #expect(negated > 0)
        #expect(abs(negated) < abs(plain))
    }

    @Test(arguments: ["not", "never", "unable to", "fail to"])
    func englishNegatorsFlip(negator: String) {
        let negated = Fixture.scores("稀土", "Japan will \(negator) dominate rare earths.")["JP"] ?? 0
        #expect(negated < 0)
    }

    @Test func notOnlyIsNoNegation() {
        #expect(Fixture.stances("中国不仅主导稀土开采") == ["CN": fav])
    }

    // MARK: Intensifiers and diminishers scale.

    @Test func intensifiersScaleUp() {
        let plain = Fixture.scores("印度稀土依赖进口")["IN"] ?? 0
        let strong = Fixture.scores("印度稀土严重依赖进口")["IN"] ?? 0
        #expect(strong < plain)
    }

    @Test func englishIntensifierAndDiminisher() {
        let heavily = Fixture.scores("稀土", "India heavily depends on imports.")["IN"] ?? 0
        let slightly = Fixture.scores("稀土", "India slightly depends on imports.")["IN"] ?? 0
        #expect(heavily < slightly)
        #expect(slightly < 0)
    }

    // MARK: Contrast: the later clause weighs more.

    @Test func chineseContrastFavoursTheLaterClause() {
        #expect(Fixture.stances("加拿大稀土项目成本高企，但是前景看好")["CA"] == fav)
        #expect(Fixture.stances("加拿大稀土项目前景看好，但是成本高企")["CA"] == unf)
    }

    @Test func englishContrastAndConcession() {
        #expect(Fixture.stances("稀土", "Australia expanded output, but it still faces shortages.")["AU"] == unf)
        #expect(Fixture.stances("稀土", "Despite shortages, Australia achieved a breakthrough.")["AU"] == fav)
    }

    // MARK: Questions and irony do not read as plain claims.

    @Test func questionTitleIsNotAPlainClaim() {
        let claim = Fixture.scores("中国失去优势")["CN"] ?? 0
        let mocked = Fixture.scores("这就“中国失去优势”了?")["CN"] ?? 0
        #expect(claim < 0)
        #expect(mocked > 0)
    }

    @Test func doubtedBreakupKeepsTheMonopoly() {
        #expect(Fixture.stances("美国两年内能打破中国稀土垄断吗？")["CN"] == fav)
    }

    @Test func mockedClaimIsUnfavorableToWhoMadeIt() {
        #expect(Fixture.stances("印度宣称两年取代中国稀土，开了个国际玩笑")["IN"] == unf)
    }

    // MARK: Attribution: a cue moves the country it is about.

    @Test func chineseClauseWithoutSubjectContinuesThePreviousOne() {
        let s = Fixture.stances("中国坚决不给稀土,美国人“被逼急了”,超级大国沦落到刨垃圾堆")
        #expect(s["US"] == unf)
    }

    @Test func countryNamedWithoutCueIsNeutral() {
        #expect(Fixture.stances("稀土", "Officials from Brazil attended the meeting.") == ["BR": neu])
    }

    @Test func scoresDoNotSaturateWithLength() {
        let one = Fixture.scores("稀土", "Vietnam faces shortages.")["VN"] ?? 0
        let body = Array(repeating: "Vietnam faces shortages.", count: 20).joined(separator: " ")
        let many = Fixture.scores("稀土", body)["VN"] ?? 0
        #expect(abs(one - many) < 1e-9)
    }

    @Test func scoresStayInRange() {
        let body = Array(repeating: "China dominates and controls and leads with a monopoly.", count: 50).joined(
            separator: " ")
        for score in Fixture.scores("中国垄断稀土", body).values { #expect(score >= -1 && score <= 1) }
    }

    @Test func titleWeighsMoreThanBody() {
        let inTitle = Fixture.scores("韩国稀土短缺", "韩国发布报告。")["KR"] ?? 0
        let inBody = Fixture.scores("稀土报告", "韩国稀土短缺。韩国发布报告。")["KR"] ?? 0
        #expect(inTitle < inBody)
    }
}
