using System.Reflection;
using AadstsTools.Benchmarks;

var all = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Contains("--list"))
{
    foreach (var benchmark in all)
    {
        Console.WriteLine($"{benchmark.Name,-12} {benchmark.Description}");
    }

    return 0;
}

var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}. Known: {string.Join(", ", all.Select(b => b.Name))}.");
    return 2;
}

#if DEBUG
Console.WriteLine("warning: a Debug build; run with -c Release for figures worth comparing.");
#endif
Console.WriteLine($"AadstsTools benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var report = new BenchmarkReport(Console.Out);
foreach (var benchmark in chosen)
{
    await benchmark.RunAsync(report);
}

return 0;
