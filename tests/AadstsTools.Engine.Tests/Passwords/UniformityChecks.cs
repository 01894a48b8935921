namespace AadstsTools.Engine.Tests.Passwords;

/// <summary>
/// What an unbiased generator of "one of each class, the rest from all, shuffled" must show over many passwords
/// of one length: each character equally often within its class, the classes in the expected proportions, and
/// every position alike.
/// </summary>
internal static class UniformityChecks
{
    /// <summary>Within each class every character comes up equally often (modulo bias breaks this).</summary>
    public static UniformityResult CharactersWithinClasses(IReadOnlyList<char[]> passwords, string[] classes)
    {
        var counts = passwords.SelectMany(p => p).GroupBy(c => c).ToDictionary(g => g.Key, g => (double)g.Count());
        var cells = new List<(double, double)>();
        foreach (string members in classes)
        {
            double total = members.Sum(c => counts.GetValueOrDefault(c));
            cells.AddRange(members.Select(c => (counts.GetValueOrDefault(c), total / members.Length)));
        }

        Assert.Equal(passwords.Sum(p => p.Length), counts.Values.Sum()); // nothing outside the classes
        return new UniformityResult("characters within classes", ChiSquared.Statistic(cells), classes.Sum(c => c.Length - 1));
    }

    /// <summary>Each class makes up 1 forced character plus its share of the rest.</summary>
    public static UniformityResult ClassProportions(IReadOnlyList<char[]> passwords, string[] classes, int length)
    {
        int alphabet = classes.Sum(c => c.Length);
        var cells = classes.Select(members => (
            (double)passwords.Sum(p => p.Count(members.Contains)),
            passwords.Count * (1 + ((length - classes.Length) * (double)members.Length / alphabet))));
        return new UniformityResult("class proportions", ChiSquared.Statistic(cells), classes.Length - 1);
    }

    /// <summary>Every position has the same mix of classes (a missing or biased shuffle breaks this).</summary>
    public static UniformityResult ClassesAcrossPositions(IReadOnlyList<char[]> passwords, string[] classes, int length)
    {
        var table = new double[length, classes.Length];
        foreach (char[] password in passwords)
        {
            for (int position = 0; position < length; position++)
            {
                table[position, Array.FindIndex(classes, members => members.Contains(password[position]))]++;
            }
        }

        var cells = new List<(double, double)>();
        for (int position = 0; position < length; position++)
        {
            for (int cls = 0; cls < classes.Length; cls++)
            {
                double classTotal = Enumerable.Range(0, length).Sum(p => table[p, cls]);
                cells.Add((table[position, cls], classTotal / length));
            }
        }

        return new UniformityResult("classes across positions", ChiSquared.Statistic(cells), (length - 1) * (classes.Length - 1));
    }
}
