using AadstsTools.Inputs;

namespace AadstsTools.Engine.Tests.Inputs;

public class InputSetsTests
{
    [Fact]
    public void Splits_into_full_sets_and_the_rest_keeping_order_and_empty_inputs()
    {
        var inputs = Enumerable.Range(0, 7).Select(i => i == 3 ? null : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var sets = InputSets.Split(inputs, 3).ToList();

        Assert.Equal(new[] { 3, 3, 1 }, sets.Select(s => s.Count));
        Assert.Equal(inputs, sets.SelectMany(s => s));
    }

    [Fact]
    public void Add_says_when_a_set_is_full_and_take_empties()
    {
        var sets = new InputSets(2);
        Assert.False(sets.Add("a"));
        Assert.True(sets.Add("b"));
        Assert.Equal(new[] { "a", "b" }, sets.Take());
        Assert.Empty(sets.Take());
        Assert.Equal(1, new InputSets(0).SetSize);
    }

    [Fact]
    public void Nothing_in_nothing_out() => Assert.Empty(InputSets.Split(Array.Empty<string?>(), 5));
}
