using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using AadstsTools.Catalog;
using AadstsTools.Lookup;

namespace AadstsTools.Infrastructure
{
    /// <summary>Tab completion of AADSTS codes, shown with their names.</summary>
    public sealed class AadstsCodeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var service = new GuidanceService(GuidanceCatalog.BuiltIn);
            foreach (CatalogEntry entry in service.Complete(wordToComplete))
            {
                string code = entry.Code!.Value.ToString(CultureInfo.InvariantCulture);
                string label = entry.Name == null ? code : code + " " + entry.Name;
                yield return new CompletionResult(code, label, CompletionResultType.ParameterValue, entry.Summary);
            }
        }
    }
}
