using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AadstsTools.Build.Help
{
    /// <summary>The module's help files under en-US/: the cmdlets' MAML and the about topic.</summary>
    public static class HelpFiles
    {
        public const string Culture = "en-US";
        public const string MamlFileName = RepositoryPaths.ModuleName + ".dll-Help.xml";
        public const string AboutTopicName = "about_" + RepositoryPaths.ModuleName;
        public const string AboutFileName = AboutTopicName + ".help.txt";

        public static string AboutSource(string docs) => Path.Combine(docs, AboutTopicName + ".md");

        /// <summary>Writes both files into <paramref name="moduleFolder"/>/en-US and returns the MAML written.</summary>
        public static XDocument Write(string moduleFolder, string docs, IEnumerable<CommandHelp> commands)
        {
            string folder = Path.Combine(moduleFolder, Culture);
            Directory.CreateDirectory(folder);
            XDocument maml = MamlWriter.Write(commands);
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
            using (XmlWriter writer = XmlWriter.Create(Path.Combine(folder, MamlFileName), settings))
            {
                maml.Save(writer);
            }

            File.WriteAllText(Path.Combine(folder, AboutFileName), AboutTopicWriter.Convert(AboutSource(docs)), new UTF8Encoding(false));
            return maml;
        }
    }
}
