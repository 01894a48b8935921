using AadstsTools.Graph.Model;

namespace AadstsTools.Engine.Tests.Graph;

public class UserKeyTests
{
    [Theory]
    [InlineData("alice@contoso.com", false, "alice@contoso.com")]
    [InlineData("  Alice@Contoso.COM ", false, "alice@contoso.com")]
    [InlineData("o'brien@contoso.com", false, "o'brien@contoso.com")]
    [InlineData("kim_partner.example#EXT#@contoso.onmicrosoft.com", false, "kim_partner.example#ext#@contoso.onmicrosoft.com")]
    [InlineData("0B5F3A2C-1111-4222-8333-944445555666", true, "0b5f3a2c-1111-4222-8333-944445555666")]
    public void Ids_and_upns(string input, bool isId, string value)
    {
        Assert.True(UserKey.TryParse(input, out UserKey? key, out string? error));
        Assert.Null(error);
        Assert.Equal(isId, key!.IsObjectId);
        Assert.Equal(value, key.Value);
        Assert.Equal(input, key.Input);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("alice", "'alice' is not")]
    [InlineData("alice@", "not a user principal name")]
    [InlineData("al ice@contoso.com", "not a user principal name")]
    [InlineData("alice@contoso", "not a user principal name")]
    public void Bad_input_says_what_was_expected(string input, string expected)
    {
        Assert.False(UserKey.TryParse(input, out _, out string? error));
        Assert.Contains(expected, error);
    }
}
