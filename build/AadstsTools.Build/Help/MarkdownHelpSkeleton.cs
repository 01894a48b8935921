using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AadstsTools.Build.Metadata;

namespace AadstsTools.Build.Help
{
    /// <summary>
    /// A new docs/&lt;Cmdlet&gt;.md for a compiled cmdlet, as platyPS's New-MarkdownHelp writes it: the syntax of each
    /// parameter set and every parameter's yaml block come from the compiled metadata; the prose is left as
    /// {{ ... }} placeholders, which the help check refuses until they are written.
    /// </summary>
    public static class MarkdownHelpSkeleton
    {
        public const string PlaceholderStart = "{{";

        public static string Write(CompiledCmdlet cmdlet)
        {
            var text = new StringBuilder();
            text.Append("---\nexternal help file: ").Append(HelpFiles.MamlFileName).Append("\nModule Name: ").Append(RepositoryPaths.ModuleName)
                .Append("\nonline version:\nschema: 2.0.0\n---\n\n");
            text.Append("# ").Append(cmdlet.Name).Append("\n\n## SYNOPSIS\n{{ Fill in the Synopsis }}\n\n## SYNTAX\n\n");
            foreach (string set in SetNames(cmdlet))
            {
                bool isDefault = set == cmdlet.DefaultParameterSetName || SetNames(cmdlet).Count == 1;
                text.Append("### ").Append(set == ParameterSetBinding.AllSets ? "__AllParameterSets" : set).Append(isDefault ? " (Default)" : string.Empty).Append('\n');
                text.Append("```\n").Append(Syntax(cmdlet, set)).Append("\n```\n\n");
            }

            text.Append("## DESCRIPTION\n{{ Fill in the Description }}\n\n## EXAMPLES\n\n### Example 1\n```powershell\n{{ Add example code here }}\n```\n\n{{ Add example description here }}\n\n## PARAMETERS\n\n");
            foreach (CompiledParameter parameter in cmdlet.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                Parameter(text, parameter);
            }

            if (cmdlet.SupportsShouldProcess)
            {
                text.Append("### -Confirm\nPrompts you for confirmation before running the cmdlet.\n\n```yaml\nType: SwitchParameter\nParameter Sets: (All)\nAliases: cf\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n");
                text.Append("### -WhatIf\nShows what would happen if the cmdlet runs. The cmdlet is not run.\n\n```yaml\nType: SwitchParameter\nParameter Sets: (All)\nAliases: wi\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n");
            }

            text.Append("### CommonParameters\nThis cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction,\n-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -Verbose, -WarningAction, and\n-WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).\n\n");
            text.Append("## INPUTS\n\n### System.Object\n{{ Describe the pipeline input }}\n\n## OUTPUTS\n\n");
            foreach (string output in cmdlet.OutputTypes)
            {
                text.Append("### ").Append(output).Append("\n\n");
            }

            text.Append("## NOTES\n\n## RELATED LINKS\n");
            return text.ToString();
        }

        private static IReadOnlyList<string> SetNames(CompiledCmdlet cmdlet)
        {
            List<string> named = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != ParameterSetBinding.AllSets).Distinct(StringComparer.Ordinal).ToList();
            return named.Count == 0 ? new[] { ParameterSetBinding.AllSets } : named;
        }

        private static IEnumerable<(CompiledParameter Parameter, ParameterSetBinding Binding)> InSet(CompiledCmdlet cmdlet, string set) =>
            cmdlet.Parameters
                .Select(p => (Parameter: p, Binding: p.Sets.FirstOrDefault(s => s.SetName == set) ?? p.Sets.FirstOrDefault(s => s.SetName == ParameterSetBinding.AllSets)))
                .Where(x => x.Binding != null)
                .Select(x => (x.Parameter, x.Binding!))
                .OrderBy(x => x.Item2.Position < 0 ? int.MaxValue : x.Item2.Position)
                .ThenBy(x => x.Item2.Mandatory ? 0 : 1);

        private static string Syntax(CompiledCmdlet cmdlet, string set)
        {
            var parts = new List<string> { cmdlet.Name };
            foreach ((CompiledParameter parameter, ParameterSetBinding binding) in InSet(cmdlet, set))
            {
                string name = binding.Position >= 0 ? "[-" + parameter.Name + "]" : "-" + parameter.Name;
                string part = parameter.IsSwitch ? "-" + parameter.Name : name + " <" + parameter.TypeName + ">";
                parts.Add(binding.Mandatory && !parameter.IsSwitch ? part : "[" + part + "]");
            }

            if (cmdlet.SupportsShouldProcess)
            {
                parts.Add("[-WhatIf]");
                parts.Add("[-Confirm]");
            }

            parts.Add("[<CommonParameters>]");
            return string.Join(" ", parts);
        }

        private static void Parameter(StringBuilder text, CompiledParameter parameter)
        {
            bool everySet = parameter.Sets.Any(s => s.SetName == ParameterSetBinding.AllSets);
            string sets = everySet ? "(All)" : string.Join(", ", parameter.Sets.Select(s => s.SetName));
            string required = parameter.Sets.Select(s => s.Mandatory).Distinct().Count() == 1
                ? (parameter.Sets[0].Mandatory ? "True" : "False")
                : string.Join(", ", parameter.Sets.Select(s => (s.Mandatory ? "True" : "False") + " (" + s.SetName + ")"));
            int position = parameter.Sets.Select(s => s.Position).FirstOrDefault(p => p >= 0, -1);
            var pipeline = new List<string>();
            if (parameter.Sets.Any(s => s.ValueFromPipeline))
            {
                pipeline.Add("ByValue");
            }

            if (parameter.Sets.Any(s => s.ValueFromPipelineByPropertyName))
            {
                pipeline.Add("ByPropertyName");
            }

            text.Append("### -").Append(parameter.Name).Append("\n{{ Fill ").Append(parameter.Name).Append(" Description }}\n\n```yaml\n");
            text.Append("Type: ").Append(parameter.TypeName).Append('\n');
            text.Append("Parameter Sets: ").Append(sets).Append('\n');
            text.Append("Aliases: ").Append(string.Join(", ", parameter.Aliases)).Append('\n');
            if (parameter.AcceptedValues.Count > 0)
            {
                text.Append("Accepted values: ").Append(string.Join(", ", parameter.AcceptedValues)).Append('\n');
            }

            text.Append("\nRequired: ").Append(required).Append('\n');
            text.Append("Position: ").Append(position >= 0 ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named").Append('\n');
            text.Append("Default value: None\n");
            text.Append("Accept pipeline input: ").Append(pipeline.Count == 0 ? "False" : "True (" + string.Join(", ", pipeline) + ")").Append('\n');
            text.Append("Accept wildcard characters: False\n```\n\n");
        }
    }
}
