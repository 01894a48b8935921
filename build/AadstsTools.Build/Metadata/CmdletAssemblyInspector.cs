using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AadstsTools.Build.Metadata
{
    /// <summary>
    /// Reads the compiled cmdlets assembly without running it (System.Management.Automation is only a reference
    /// assembly here): the cmdlets with their parameters and output types, the assemblies it references, the
    /// approved verbs, and what its public types need in order to load.
    /// </summary>
    public sealed class CmdletAssemblyInspector : IDisposable
    {
        public const string SmaName = "System.Management.Automation";
        private const string SmaNamespace = "System.Management.Automation.";

        private readonly MetadataLoadContext _context;
        private readonly Assembly _cmdlets;
        private IReadOnlyList<CompiledCmdlet>? _compiled;

        private CmdletAssemblyInspector(MetadataLoadContext context, Assembly cmdlets)
        {
            _context = context;
            _cmdlets = cmdlets;
        }

        public string AssemblyName => _cmdlets.GetName().Name ?? string.Empty;

        /// <summary>Opens the cmdlets assembly; its folder supplies the engine, this tool's folder the SMA reference assembly.</summary>
        public static CmdletAssemblyInspector Open(string cmdletsAssemblyPath)
        {
            if (!File.Exists(cmdletsAssemblyPath))
            {
                throw new BuildException(cmdletsAssemblyPath + ": the cmdlets assembly is missing; build src/AadstsTools first.");
            }

            string sma = Path.Combine(AppContext.BaseDirectory, SmaName + ".dll");
            if (!File.Exists(sma))
            {
                throw new BuildException(sma + ": missing; the build tool copies it from PowerShellStandard.Library.");
            }

            var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")) { sma };
            string cmdletsFull = Path.GetFullPath(cmdletsAssemblyPath);
            paths.AddRange(Directory.GetFiles(Path.GetDirectoryName(cmdletsFull)!, "*.dll"));

            // Later entries of the same name win in the resolver: the module's own files over the runtime's.
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in paths)
            {
                byName[Path.GetFileNameWithoutExtension(path)] = path;
            }

            var context = new MetadataLoadContext(new PathAssemblyResolver(byName.Values));
            return new CmdletAssemblyInspector(context, context.LoadFromAssemblyPath(cmdletsFull));
        }

        public IReadOnlyList<string> ReferencedAssemblyNames =>
            _cmdlets.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).OrderBy(n => n, StringComparer.Ordinal).ToList();

        /// <summary>Every non-abstract class deriving from Cmdlet that carries [Cmdlet], sorted by name.</summary>
        public IReadOnlyList<CompiledCmdlet> Cmdlets => _compiled ??= ReadCmdlets();

        /// <summary>The approved verbs: the constants of SMA's Verbs* classes.</summary>
        public IReadOnlyList<string> ApprovedVerbs()
        {
            Assembly sma = _context.LoadFromAssemblyName(SmaName);
            return sma.GetExportedTypes()
                .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral && f.FieldType.FullName == "System.String")
                .Select(f => (string)f.GetRawConstantValue()!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(v => v, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// What each public type needs from the given assemblies in order to load: base classes, interfaces and
        /// value-type fields. PowerShell loads every public type before the module initializer runs, so none may
        /// need an assembly that only the initializer makes resolvable.
        /// </summary>
        public IReadOnlyList<string> LoadTimeNeeds(IReadOnlyCollection<string> forbiddenAssemblies)
        {
            var forbidden = new HashSet<string>(forbiddenAssemblies, StringComparer.OrdinalIgnoreCase);
            var problems = new List<string>();
            foreach (Type type in _cmdlets.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                for (Type? current = type; current != null && current.Assembly == _cmdlets; current = SafeBase(current, problems))
                {
                    foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        string? owner = ValueTypeOwner(field.FieldType, forbidden);
                        if (owner != null)
                        {
                            problems.Add(type.FullName + ": field " + current.Name + "." + field.Name + " is a value type from " + owner);
                        }
                    }

                    Type? baseType = current.BaseType;
                    if (baseType != null && forbidden.Contains(baseType.Assembly.GetName().Name ?? string.Empty))
                    {
                        problems.Add(type.FullName + ": " + current.Name + " derives from " + baseType.FullName + " (" + baseType.Assembly.GetName().Name + ")");
                    }
                }

                foreach (Type implemented in type.GetInterfaces())
                {
                    string owner = implemented.Assembly.GetName().Name ?? string.Empty;
                    if (forbidden.Contains(owner))
                    {
                        problems.Add(type.FullName + ": implements " + implemented.FullName + " (" + owner + ")");
                    }
                }
            }

            return problems;
        }

        public void Dispose() => _context.Dispose();

        private static Type? SafeBase(Type type, List<string> problems)
        {
            try
            {
                return type.BaseType;
            }
            catch (FileNotFoundException ex)
            {
                problems.Add(type.FullName + ": its base type's assembly cannot be found (" + ex.Message + ")");
                return null;
            }
        }

        private static string? ValueTypeOwner(Type fieldType, HashSet<string> forbidden)
        {
            Type element = fieldType;
            while (element.HasElementType && !element.IsArray)
            {
                element = element.GetElementType()!;
            }

            if (element.IsArray || !element.IsValueType)
            {
                return null; // arrays and classes are references: loaded when used, not when the type loads
            }

            string owner = element.Assembly.GetName().Name ?? string.Empty;
            if (forbidden.Contains(owner))
            {
                return owner;
            }

            return element.IsGenericType
                ? element.GetGenericArguments().Select(a => ValueTypeOwner(a, forbidden)).FirstOrDefault(o => o != null)
                : null;
        }

        private IReadOnlyList<CompiledCmdlet> ReadCmdlets()
        {
            var found = new List<CompiledCmdlet>();
            foreach (Type type in _cmdlets.GetTypes())
            {
                if (!type.IsClass || type.IsAbstract || !DerivesFrom(type, SmaNamespace + "Cmdlet"))
                {
                    continue;
                }

                CustomAttributeData? cmdlet = Attribute(type, SmaNamespace + "CmdletAttribute");
                if (cmdlet == null)
                {
                    continue;
                }

                found.Add(new CompiledCmdlet
                {
                    Verb = (string)cmdlet.ConstructorArguments[0].Value!,
                    Noun = (string)cmdlet.ConstructorArguments[1].Value!,
                    ClassName = type.Name,
                    Namespace = type.Namespace,
                    IsPublic = type.IsPublic,
                    IsSealed = type.IsSealed,
                    SupportsShouldProcess = Named(cmdlet, "SupportsShouldProcess") as bool? ?? false,
                    DefaultParameterSetName = Named(cmdlet, "DefaultParameterSetName") as string,
                    OutputTypes = OutputTypes(type),
                    Aliases = Aliases(type.GetCustomAttributesData()),
                    Parameters = Parameters(type),
                });
            }

            return found.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static IReadOnlyList<CompiledParameter> Parameters(Type type)
        {
            var parameters = new List<CompiledParameter>();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                IList<CustomAttributeData> attributes = property.GetCustomAttributesData();
                List<ParameterSetBinding> sets = attributes
                    .Where(a => a.AttributeType.FullName == SmaNamespace + "ParameterAttribute")
                    .Select(a => new ParameterSetBinding
                    {
                        SetName = Named(a, "ParameterSetName") as string ?? ParameterSetBinding.AllSets,
                        Mandatory = Named(a, "Mandatory") as bool? ?? false,
                        Position = Named(a, "Position") as int? ?? -1,
                        ValueFromPipeline = Named(a, "ValueFromPipeline") as bool? ?? false,
                        ValueFromPipelineByPropertyName = Named(a, "ValueFromPipelineByPropertyName") as bool? ?? false,
                    })
                    .ToList();
                if (sets.Count > 0)
                {
                    parameters.Add(new CompiledParameter(property.Name, ShortTypeName(property.PropertyType), Aliases(attributes), sets, EnumNames(property.PropertyType)));
                }
            }

            return parameters;
        }

        private static IReadOnlyList<string> OutputTypes(Type type)
        {
            var names = new List<string>();
            foreach (CustomAttributeData output in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == SmaNamespace + "OutputTypeAttribute"))
            {
                foreach (CustomAttributeTypedArgument argument in output.ConstructorArguments)
                {
                    foreach (object? value in Values(argument))
                    {
                        names.Add(value is Type t ? t.FullName ?? t.Name : value?.ToString() ?? string.Empty);
                    }
                }
            }

            return names;
        }

        private static IReadOnlyList<string> Aliases(IList<CustomAttributeData> attributes) =>
            attributes
                .Where(a => a.AttributeType.FullName == SmaNamespace + "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments.SelectMany(Values))
                .Select(v => v?.ToString() ?? string.Empty)
                .ToList();

        private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };

        private static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        private static CustomAttributeData? Attribute(Type type, string fullName) =>
            type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == fullName);

        private static bool DerivesFrom(Type type, string fullName)
        {
            for (Type? current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.FullName == fullName)
                {
                    return true;
                }
            }

            return false;
        }

        private static IReadOnlyList<string> EnumNames(Type type)
        {
            Type element = type.IsArray ? type.GetElementType()! : type;
            if (element.IsGenericType && element.GetGenericTypeDefinition().FullName == "System.Nullable`1")
            {
                element = element.GetGenericArguments()[0];
            }

            return element.IsEnum
                ? element.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).ToList()
                : Array.Empty<string>();
        }

        private static string ShortTypeName(Type type)
        {
            if (type.IsArray)
            {
                return ShortTypeName(type.GetElementType()!) + "[]";
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
            {
                return ShortTypeName(type.GetGenericArguments()[0]);
            }

            if (type.IsGenericType)
            {
                string name = type.Name.Substring(0, type.Name.IndexOf('`', StringComparison.Ordinal));
                return name + "[" + string.Join(", ", type.GetGenericArguments().Select(ShortTypeName)) + "]";
            }

            return type.Name;
        }
    }
}
