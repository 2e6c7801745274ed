using Mcs.ServiceDefaults;

namespace Mcs.Tests.Unit.ServiceDefaults;

public class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("mail from li.lei@hdjm.example.cn accepted", "mail from ***@hdjm.example.cn accepted")]
    [InlineData("To: Anna.Schmidt+po@northwind.example.de;", "To: ***@northwind.example.de;")]
    [InlineData("call +86 138 0013 8000 now", "call [phone] now")]
    [InlineData("手机 13800138000。", "手机 [phone]。")]
    [InlineData("tel 021-6123-4567", "tel [phone]")]
    public void Personal_data_is_removed(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(input));
    }

    [Theory]
    [InlineData("order SO-20261127 created for contract HT-2026-1103")]
    [InlineData("run 5f0c2e1a finished in 12.5 ms, version 1234")]
    [InlineData("amount 1250.00 CNY")]
    public void Business_identifiers_are_kept(string input)
    {
        Assert.Equal(input, PersonalDataRedactor.Redact(input));
    }

    [Fact]
    public void An_address_field_keeps_only_its_domain()
    {
        Assert.Equal("***@mcs.local", PersonalDataRedactor.Email("wang.fang@mcs.local"));
        Assert.Equal("***", PersonalDataRedactor.Email("not-an-address"));
    }
}
