namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>Files of the repository itself (examples/, docs/), found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "AadstsTools.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("The repository root (with AadstsTools.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
