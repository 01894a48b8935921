using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AadstsTools.Module.Tests.TestSupport;

/// <summary>
/// Compiles a small assembly from C# source, against the runtime's assemblies, the PowerShell reference
/// assembly and any given files: broken cmdlet assemblies and conflicting dependencies for the tests.
/// </summary>
internal static class StandInAssembly
{
    public static string Compile(string folder, string name, string version, string source, params string[] references)
    {
        var metadata = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Where(IsManaged)
            .Append(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"))
            .Concat(references)
            .Select(path => MetadataReference.CreateFromFile(path));
        string code = "[assembly: System.Reflection.AssemblyVersion(\"" + version + "\")]\n" + source;
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(code) },
            metadata,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".dll");
        using (FileStream file = File.Create(path))
        {
            var result = compilation.Emit(file);
            if (!result.Success)
            {
                throw new InvalidOperationException("Stand-in " + name + " does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return path;
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
