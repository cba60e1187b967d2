using Zhifa.Core.Triage;

namespace Zhifa.Core.Tests.Triage;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Dice_WhenSameText_IsOne() =>
        Assert.Equal(1, TextSimilarity.Dice("河道内发现地笼", "河道内发现地笼"));

    [Fact]
    public void Dice_WhenNoCharacterPairInCommon_IsZero() =>
        Assert.Equal(0, TextSimilarity.Dice("河道地笼", "路边摆摊"));

    [Fact]
    public void Dice_WhenOnlyTheHotlineBoilerplateIsShared_IsZero() =>
        Assert.Equal(0, TextSimilarity.Dice("市民来电反映：河道有地笼，请相关部门处理。", "市民来电反映：路边摆摊，请相关部门处理。"));

    [Fact]
    public void Dice_WhenOtherWordsForTheSameThing_SharesItsWords()
    {
        var score = TextSimilarity.Dice("河道里有人放地笼", "巡查发现河道地笼捕鱼");

        Assert.InRange(score, 0.3, 0.8);
    }

    [Fact]
    public void Bigrams_WhenPunctuationSplitsTheText_DoesNotPairAcrossIt() =>
        Assert.DoesNotContain("笼路", TextSimilarity.Bigrams("地笼，路边"));
}
