using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace AadstsTools.Build.Help
{
    /// <summary>
    /// Writes cmdlet help as MAML (the AadstsTools.dll-Help.xml Get-Help reads), in the shape platyPS's
    /// New-ExternalHelp produces: details, description, one syntax item per parameter set, parameters, inputs,
    /// outputs, notes, examples and related links.
    /// </summary>
    public static class MamlWriter
    {
        public static readonly XNamespace Msh = "http://msh";
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Write(IEnumerable<CommandHelp> commands)
        {
            var helpItems = new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), helpItems);
        }

        private static XElement CommandElement(CommandHelp help)
        {
            int dash = help.Name.IndexOf('-', StringComparison.Ordinal);
            string verb = dash > 0 ? help.Name.Substring(0, dash) : help.Name;
            string noun = dash > 0 ? help.Name.Substring(dash + 1) : string.Empty;
            return new XElement(
                Command + "command",
                new XElement(
                    Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", verb),
                    new XElement(Command + "noun", noun),
                    Description(new[] { help.Synopsis })),
                Description(help.Description),
                new XElement(Command + "syntax", SyntaxItems(help)),
                new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Position))),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry(Command + "inputType", t))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry(Command + "returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
                new XElement(Command + "examples", help.Examples.Select(Example)),
                new XElement(
                    Command + "relatedLinks",
                    help.Links.Select(l => new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
        }

        private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
        {
            IEnumerable<SyntaxSet> sets = help.SyntaxSets.Count > 0 ? help.SyntaxSets : new[] { new SyntaxSet("(All)", true) };
            foreach (SyntaxSet set in sets)
            {
                // Positional parameters first, by position, as Get-Help shows them; then the named ones.
                IEnumerable<ParameterHelp> members = help.Parameters
                    .Where(p => set.Name == "(All)" || p.IsInSet(set.Name))
                    .OrderBy(p => int.TryParse(p.Position, out int position) ? position : int.MaxValue);
                yield return new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    members.Select(p => Parameter(p, p.Position)));
            }
        }

        private static XElement Parameter(ParameterHelp parameter, string position)
        {
            bool isSwitch = parameter.Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
            var element = new XElement(
                Command + "parameter",
                new XAttribute("required", Lower(parameter.Required)),
                new XAttribute("variableLength", "true"),
                new XAttribute("globbing", Lower(parameter.Globbing)),
                new XAttribute("pipelineInput", parameter.PipelineInput),
                new XAttribute("position", position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : position),
                new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description));
            if (parameter.AcceptedValues.Count > 0)
            {
                element.Add(new XElement(
                    Command + "parameterValueGroup",
                    parameter.AcceptedValues.Select(v => new XElement(
                        Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(Command + "variableLength", "false"),
                        v))));
            }

            element.Add(new XElement(
                Command + "parameterValue",
                new XAttribute("required", Lower(!isSwitch)),
                new XAttribute("variableLength", "false"),
                parameter.Type));
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")));
            element.Add(new XElement(Dev + "defaultValue", parameter.DefaultValue));
            return element;
        }

        private static XElement TypeEntry(XName name, TypeHelp type) =>
            new XElement(
                name,
                new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
                Description(type.Description));

        private static XElement Example(ExampleHelp example, int index) =>
            new XElement(
                Command + "example",
                new XElement(Maml + "title", "-------------------------- " + example.Title + " --------------------------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

        private static XElement Description(IEnumerable<string> paragraphs) =>
            new XElement(Maml + "description", Paragraphs(paragraphs));

        private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
            paragraphs.Select(p => new XElement(Maml + "para", p));

        private static string Lower(bool value) => value ? "true" : "false";
    }
}
