using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace AadstsTools.Build.Checks
{
    /// <summary>
    /// A *.format.ps1xml file, checked for the structure PowerShell's formatter requires: a Configuration with
    /// ViewDefinitions, each View named, selecting at least one type, with exactly one control; a table's headers
    /// and column items agree in number; every column or list item shows a property or a script block.
    /// </summary>
    public sealed class FormatFile
    {
        private static readonly string[] Controls = { "TableControl", "ListControl", "WideControl", "CustomControl" };

        private FormatFile(string path, IReadOnlyList<FormatView> views, IReadOnlyList<string> problems)
        {
            Path = path;
            Views = views;
            Problems = problems;
        }

        public string Path { get; }

        public IReadOnlyList<FormatView> Views { get; }

        public IReadOnlyList<string> Problems { get; }

        public static FormatFile Load(string path)
        {
            if (!File.Exists(path))
            {
                return new FormatFile(path, Array.Empty<FormatView>(), new[] { path + ": the format file is missing." });
            }

            XDocument document;
            try
            {
                document = XDocument.Load(path, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex)
            {
                return new FormatFile(path, Array.Empty<FormatView>(), new[] { path + ": not well-formed XML: " + ex.Message });
            }

            var problems = new List<string>();
            var views = new List<FormatView>();
            XElement root = document.Root!;
            if (root.Name.LocalName != "Configuration" || root.Element("ViewDefinitions") == null)
            {
                problems.Add(path + ": the root must be <Configuration> holding <ViewDefinitions>.");
                return new FormatFile(path, views, problems);
            }

            foreach (XElement view in root.Element("ViewDefinitions")!.Elements())
            {
                string where = path + ": line " + ((IXmlLineInfo)view).LineNumber;
                if (view.Name.LocalName != "View")
                {
                    problems.Add(where + ": <ViewDefinitions> holds only <View> elements, not <" + view.Name.LocalName + ">.");
                    continue;
                }

                string name = view.Element("Name")?.Value.Trim() ?? string.Empty;
                if (name.Length == 0)
                {
                    problems.Add(where + ": the view has no <Name>.");
                }

                List<string> types = view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()).ToList() ?? new List<string>();
                if (types.Count == 0 && view.Element("ViewSelectedBy")?.Element("SelectionSetName") == null)
                {
                    problems.Add(where + ": view '" + name + "' has no <ViewSelectedBy><TypeName>.");
                }

                List<XElement> controls = view.Elements().Where(e => Controls.Contains(e.Name.LocalName)).ToList();
                if (controls.Count != 1)
                {
                    problems.Add(where + ": view '" + name + "' must have exactly one of " + string.Join(", ", Controls) + " (has " + controls.Count + ").");
                    continue;
                }

                CheckControl(controls[0], where + ": view '" + name + "'", problems);
                views.Add(new FormatView(name, types, controls[0].Name.LocalName));
            }

            if (views.Count == 0 && problems.Count == 0)
            {
                problems.Add(path + ": no views.");
            }

            return new FormatFile(path, views, problems);
        }

        private static void CheckControl(XElement control, string where, List<string> problems)
        {
            if (control.Name.LocalName == "TableControl")
            {
                int headers = control.Element("TableHeaders")?.Elements("TableColumnHeader").Count() ?? 0;
                foreach (XElement row in control.Descendants("TableRowEntry"))
                {
                    List<XElement> items = row.Element("TableColumnItems")?.Elements("TableColumnItem").ToList() ?? new List<XElement>();
                    if (headers > 0 && items.Count != headers)
                    {
                        problems.Add(where + ": " + headers + " column headers but " + items.Count + " column items.");
                    }

                    problems.AddRange(items.Where(i => !ShowsSomething(i)).Select(_ => where + ": a <TableColumnItem> without <PropertyName> or <ScriptBlock>."));
                }

                if (!control.Descendants("TableRowEntry").Any())
                {
                    problems.Add(where + ": the table has no <TableRowEntry>.");
                }
            }
            else if (control.Name.LocalName == "ListControl")
            {
                List<XElement> items = control.Descendants("ListItem").ToList();
                if (items.Count == 0)
                {
                    problems.Add(where + ": the list has no <ListItem>.");
                }

                problems.AddRange(items.Where(i => !ShowsSomething(i)).Select(_ => where + ": a <ListItem> without <PropertyName> or <ScriptBlock>."));
            }
        }

        private static bool ShowsSomething(XElement item) =>
            item.Elements().Any(e => (e.Name.LocalName == "PropertyName" || e.Name.LocalName == "ScriptBlock") && e.Value.Trim().Length > 0);
    }
}
