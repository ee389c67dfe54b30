using Zhifa.Core.Common;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

public class IdNumberTests
{
    // Check characters computed by hand from the GB 11643 weights; the first two are the standard's own examples.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("140981199003071234")]
    [InlineData("140102200002290044")]
    [InlineData("140702198511205517")]
    [InlineData("140981198511200026")]
    public void Valid_NumbersAreAccepted(string number) => Assert.Null(IdNumber.Check(number, Today));

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002x ")]
    public void Valid_LowerCaseXAndSpaces_AreNormalised(string number)
    {
        Assert.True(IdNumber.IsValid(number, Today));
        Assert.Equal("11010519491231002X", IdNumber.Normalize(number));
    }

    [Theory]
    [InlineData("140981199003071235", "id_number.check_digit")]
    [InlineData("140981199003071243", "id_number.check_digit")]
    [InlineData("11010519491231002Y", "id_number.digits")]
    [InlineData("11010519491231002", "id_number.length")]
    [InlineData("1101051949123100200", "id_number.length")]
    [InlineData("", "id_number.length")]
    [InlineData(null, "id_number.length")]
    [InlineData("1401021990123A0044", "id_number.digits")]
    [InlineData("140102199002290049", "id_number.birth_date")]
    [InlineData("140102199013010049", "id_number.birth_date")]
    [InlineData("14010219900001004X", "id_number.birth_date")]
    [InlineData("140102210001010046", "id_number.birth_date")]
    [InlineData("140102179912310047", "id_number.birth_date")]
    public void Invalid_NumbersName_WhatIsWrong(string? number, string code)
    {
        var error = Assert.IsType<ValidationError>(IdNumber.Check(number, Today));
        Assert.Equal(code, Assert.Single(error.Fields["idNumber"]).Code);
    }

    [Fact]
    public void BirthDate_AfterToday_IsInvalid() =>
        Assert.False(IdNumber.IsValid(IdNumber.WithCheck("14010220261122004"), Today));

    [Fact]
    public void WithCheck_CompletesAStem() => Assert.Equal("11010519491231002X", IdNumber.WithCheck("11010519491231002"));

    [Theory]
    [InlineData("14098119900307123X", "1409**********123X")]
    [InlineData("140981199003071234", "1409**********1234")]
    [InlineData("140981199003071234 ", "1409**********1234")]
    [InlineData("1234567", "*******")]
    public void Mask_ShowsFirstAndLastFour(string number, string masked) => Assert.Equal(masked, IdNumber.Mask(number));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("阿依古丽·买买提", "阿******提")]
    [InlineData("李", "*")]
    [InlineData(" 张三 ", "张*")]
    [InlineData("", "")]
    [InlineData("𠀋小明", "𠀋*明")]
    [Trait("Rule", "SXZD-MASK")]
    public void MaskName_KeepsFirstAndLastCharacter(string name, string masked) => Assert.Equal(masked, IdNumber.MaskName(name));

    [Fact]
    public void Hash_IsKeyedByThePepper_AndIgnoresCaseOfX()
    {
        var hash = IdNumber.Hash("11010519491231002X", Pepper);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, IdNumber.Hash("11010519491231002x", Pepper));
        Assert.NotEqual(hash, IdNumber.Hash("11010519491231002X", "another-pepper-of-enough-bytes"u8));
        Assert.Throws<ArgumentException>(() => IdNumber.Hash("11010519491231002X", "short"u8));
    }

    [Fact]
    public void Stored_KeepsNoPlainNumber()
    {
        var stored = StoredIdNumber.Create(" " + ValidId, Today, new FakeProtector(), Pepper).Value;
        Assert.Equal("1409**********1234", stored.Masked);
        Assert.DoesNotContain(ValidId, stored.Protected, StringComparison.Ordinal);
        Assert.Equal(ValidId, new FakeProtector().Unprotect(stored.Protected));
        Assert.Equal(IdNumber.Hash(ValidId, Pepper), stored.Hash);
    }

    [Fact]
    public void Stored_RefusesAnInvalidNumber() =>
        Assert.False(StoredIdNumber.Create("140981199003071235", Today, new FakeProtector(), Pepper).IsSuccess);
}
