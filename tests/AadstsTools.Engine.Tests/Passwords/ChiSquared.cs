namespace AadstsTools.Engine.Tests.Passwords;

/// <summary>Pearson's chi-squared statistic and its critical value, enough to tell uniform from biased.</summary>
internal static class ChiSquared
{
    /// <summary>The standard normal quantile for a significance of 1 in 10,000.</summary>
    private const double Z = 3.719;

    public static double Statistic(IEnumerable<(double Observed, double Expected)> cells) =>
        cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);

    /// <summary>
    /// The value a uniform source exceeds only once in 10,000 runs, by the Wilson–Hilferty approximation
    /// (within a few percent of the exact quantile from 3 degrees of freedom up).
    /// </summary>
    public static double Critical(int degreesOfFreedom)
    {
        double k = degreesOfFreedom;
        double term = 1 - (2 / (9 * k)) + (Z * Math.Sqrt(2 / (9 * k)));
        return k * term * term * term;
    }
}

/// <summary>The outcome of one uniformity check.</summary>
internal sealed record UniformityResult(string Name, double Statistic, int DegreesOfFreedom)
{
    public double Critical => ChiSquared.Critical(DegreesOfFreedom);

    public bool LooksUniform => Statistic < Critical;

    public override string ToString() => $"{Name}: chi2 = {Statistic:F1}, df = {DegreesOfFreedom}, critical = {Critical:F1}";
}
