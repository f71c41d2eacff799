import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+Relations`, stated as domain examples: text in, each country's stance out.
@Suite("Relations: the dependent side loses, the side depended on gains")
struct RelationTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

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

    @Test func cuesInsideAMatchedSlotPhraseArePartOfIt() {
        // 被{X}卡 + 脖子: 卡脖子 must not also fire on its own for China.
        #expect(Fixture.stances("欧洲被中国卡脖子") == ["EU": unf, "CN": fav])
    }

    @Test func aLessenedRelationMovesOnlyTheSubject() {
        #expect(
            Fixture.stances("稀土", "The deal is designed to reduce US reliance on China.") == ["US": fav, "CN": neu])
        #expect(Fixture.stances("日本不依赖中国稀土") == ["JP": fav, "CN": neu])
    }

    @Test func aChineseProcedureWithNoSubjectMovesNobody() {
        #expect(Fixture.stances("出口经营者应当向商务部申请许可") == ["CN": neu])
        // In English a relation with no one named still says who is relied on.
        #expect(Fixture.stances("稀土", "Reliance on China remains high.") == ["CN": fav])
    }
}
