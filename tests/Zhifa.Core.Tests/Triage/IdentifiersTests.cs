using Zhifa.Core.Triage;

namespace Zhifa.Core.Tests.Triage;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("劳动路“鲜果坊”水果店货架摆出店门", "劳动路那家鲜果坊又把水果摊摆到人行道上了")]
    [InlineData("渣土车浙E·D6172车斗未盖", "浙E·D6172又在抛洒")]
    [InlineData("某村12号农户加建附房", "12号那户人家在盖房子")]
    public void Relate_WhenBothNameTheSameObject_IsShared(string a, string b) =>
        Assert.Equal(IdentifierRelation.Shared, Identifiers.Relate(a, b));

    [Theory]
    [InlineData("人民路“阿强面馆”把桌椅摆到人行道", "人民路“老周馄饨”门口摆了四张桌子")]
    [InlineData("渣土车浙E·D6172车斗未盖", "又一辆渣土车浙E·B3091篷布未盖严")]
    [InlineData("小区3幢电梯困人", "同一小区7幢电梯门关不严")]
    public void Relate_WhenEachNamesAnotherOfTheSameKind_IsConflict(string a, string b) =>
        Assert.Equal(IdentifierRelation.Conflict, Identifiers.Relate(a, b));

    [Theory]
    [InlineData("河道里有地笼", "河边有人电鱼")]
    [InlineData("“阿强面馆”占道", "路边有人摆摊")]
    public void Relate_WhenAtMostOneSideNamesAnything_IsNone(string a, string b) =>
        Assert.Equal(IdentifierRelation.None, Identifiers.Relate(a, b));
}
