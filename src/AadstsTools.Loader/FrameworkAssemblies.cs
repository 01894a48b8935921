using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AadstsTools.Loading
{
    /// <summary>
    /// The assemblies the runtime and PowerShell itself provide (the host's trusted platform assemblies: the
    /// shared framework and $PSHOME), with their versions read on first ask.
    /// </summary>
    internal sealed class FrameworkAssemblies
    {
        private readonly Dictionary<string, string> _pathByName;
        private readonly ConcurrentDictionary<string, Version?> _versions = new ConcurrentDictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);

        public FrameworkAssemblies(string? trustedPlatformAssemblies)
        {
            _pathByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in (trustedPlatformAssemblies ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                _pathByName[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }

        public static FrameworkAssemblies OfThisProcess() =>
            new FrameworkAssemblies(AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string);

        public Version? VersionOf(string simpleName) => _versions.GetOrAdd(simpleName, ReadVersion);

        private Version? ReadVersion(string simpleName)
        {
            if (!_pathByName.TryGetValue(simpleName, out string? path))
            {
                return null;
            }

            try
            {
                return AssemblyName.GetAssemblyName(path).Version;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
