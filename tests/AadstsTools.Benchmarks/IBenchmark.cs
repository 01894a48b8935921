namespace AadstsTools.Benchmarks;

/// <summary>One benchmark: measures, then prints its figures. Found by reflection, so adding one is adding a class.</summary>
public interface IBenchmark
{
    /// <summary>Short name used to pick it on the command line, e.g. "guidance".</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkReport report);
}

/// <summary>Prints figures as aligned "name: value unit" lines under a heading.</summary>
public sealed class BenchmarkReport(TextWriter writer)
{
    public void Heading(string text)
    {
        writer.WriteLine();
        writer.WriteLine(text);
        writer.WriteLine(new string('=', text.Length));
    }

    public void Figure(string name, double value, string unit, string? note = null, int decimals = 1) =>
        writer.WriteLine($"  {name,-48} {value.ToString("N" + decimals, System.Globalization.CultureInfo.InvariantCulture),14} {unit}{(note == null ? string.Empty : "   (" + note + ")")}");

    public void Text(string text) => writer.WriteLine("  " + text);
}
