using Zhifa.Core.Privacy;

namespace Zhifa.Core.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData(" 0572-2345678 ", "057****5678")]
    [InlineData("12345", "****5")]
    [InlineData("1", "*")]
    public void Phone_WhenMasked_KeepsOnlyPrefixAndLastDigits(string phone, string shown) =>
        Assert.Equal(shown, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("王", "王*")]
    [InlineData("𠮷野家", "𠮷**")]
    public void Name_WhenMasked_KeepsOnlyTheFirstCharacter(string name, string shown) =>
        Assert.Equal(shown, PersonalDataMask.Name(name));

    [Theory]
    [InlineData("请联系13812341234处理", "请联系138****1234处理")]
    [InlineData("电话 138-1234-1234。", "电话 138****1234。")]
    [InlineData("+86 138 1234 1234", "+86****1234")]
    [InlineData("座机0572-2345678或05722345678", "座机057****5678或057****5678")]
    [InlineData("身份证330503199001011234", "身份证330****1234")]
    public void PhonesIn_WhenTextHoldsPhoneLikeRuns_MasksEachOfThem(string text, string shown) =>
        Assert.Equal(shown, PersonalDataMask.PhonesIn(text));

    [Theory]
    [InlineData("荻港村12号，2026-11-27发现，拨打12345反映")]
    [InlineData("地笼约120个，长度300米")]
    [InlineData("")]
    public void PhonesIn_WhenTextHoldsOnlyShortNumbers_LeavesItAsItIs(string text) =>
        Assert.Equal(text, PersonalDataMask.PhonesIn(text));
}
