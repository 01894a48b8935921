using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Passwords;

public class UserNamePartsTests
{
    [Fact]
    public void Splits_every_name_at_non_letters_and_keeps_the_UPN_prefix_whole()
    {
        UserNameParts parts = UserNameParts.FromUser("mary-jane.o_neil@contoso.com", "Mary-Jane O'Neil", "Mary-Jane", "O'Neil", "mjoneil");

        Assert.Equal(
            new[] { "mary-jane.o_neil", "mjoneil", "jane", "mary", "neil" },
            parts.Parts);
    }

    [Fact]
    public void Ignores_parts_shorter_than_three_characters()
    {
        UserNameParts parts = UserNameParts.FromUser("li.al@contoso.com", "Li Al", "Li", "Al");

        Assert.Equal(new[] { "li.al" }, parts.Parts);
        Assert.False(parts.AppearIn("Lisa&Alan2024".AsSpan()));
        Assert.True(parts.AppearIn("xLI.ALx".AsSpan()));
    }

    [Fact]
    public void The_UPN_domain_is_not_a_name()
    {
        UserNameParts parts = UserNameParts.FromUser("kim@contoso.com");

        Assert.Equal(new[] { "kim" }, parts.Parts);
        Assert.False(parts.AppearIn("Contoso.com1!".AsSpan()));
    }

    [Fact]
    public void Accents_are_removed_from_names_before_matching()
    {
        UserNameParts parts = UserNameParts.FromUser(null, "José Müller");

        Assert.True(parts.AppearIn("JOSE2024!x".AsSpan()));
        Assert.True(parts.AppearIn("mueller-muller1".AsSpan()));
    }

    [Fact]
    public void Matching_ignores_letter_case() =>
        Assert.True(UserNameParts.FromUser("ANNA@x.com").AppearIn("xXaNnAXx".AsSpan()));

    [Fact]
    public void No_names_give_no_parts()
    {
        Assert.Empty(UserNameParts.FromUser(null, " ", "", null).Parts);
        Assert.False(UserNameParts.None.AppearIn("anything".AsSpan()));
    }
}
