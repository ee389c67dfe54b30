using Zhifa.Core.Parties;

namespace Zhifa.Tests.Parties;

/// <summary>GB 32100-2015 check characters, worked out by hand (alphabet values, weights 3^i mod 31, 31 − sum mod 31).</summary>
public class PartyCreditCodeTests
{
    // 9 1 3 5 0 1 0 0 M(21) 0 0 0 1 0 0 Y(30) 4 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
    [Fact]
    public void TheTextbookCode_HasCheckCharacter3() => Assert.Equal('3', PartyCreditCode.CheckCharacter("91350100M000100Y4"));

    // 9 1 1 4 0 9 8 1 M(21) A(10) 0 K(19) 1 2 3 4 X(29):
    // 9+3+9+108+0+234+128+17+420+290+0+247+8+48+30+120+812 = 2483; 2483 mod 31 = 3; 31 − 3 = 28 → alphabet[28] = "W".
    [Fact]
    public void AYuanpingStyleCode_HasCheckCharacterW() => Assert.Equal('W', PartyCreditCode.CheckCharacter("91140981MA0K1234X"));

    // 0 × 17: sum 0, 0 mod 31 = 0, 31 − 0 = 31 → taken as 0 → "0".
    [Fact]
    public void AllZeros_HasCheckCharacter0() => Assert.Equal('0', PartyCreditCode.CheckCharacter("00000000000000000"));

    [Theory]
    [InlineData("91350100M000100Y43", null)]
    [InlineData("91350100m000100y43", null)]
    [InlineData("91140981MA0K1234XW", null)]
    [InlineData("91350100M000100Y44", "party.credit_code_check")]
    [InlineData("91350100M000100Y4", "party.credit_code_length")]
    [InlineData("91350100M000100Y4I", "party.credit_code_characters")]
    [InlineData("91350100O000100Y43", "party.credit_code_characters")]
    public void Check_NamesWhatIsWrong(string code, string? expected) =>
        Assert.Equal(expected, PartyCreditCode.Check(code)?.Fields["creditCode"].Single().Code);
}
