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
}
