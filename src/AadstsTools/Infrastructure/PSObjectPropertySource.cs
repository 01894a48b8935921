using System.Collections.Generic;
using System.Management.Automation;
using AadstsTools.Records;

namespace AadstsTools.Infrastructure
{
    /// <summary>Lets the engine read a PowerShell object's properties, nested objects included.</summary>
    internal sealed class PSObjectPropertySource : IPropertySource
    {
        private readonly PSObject _value;

        public PSObjectPropertySource(PSObject value) => _value = value;

        public IEnumerable<KeyValuePair<string, object?>> GetProperties()
        {
            foreach (PSPropertyInfo property in _value.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }

                yield return new KeyValuePair<string, object?>(property.Name, value is PSObject nested ? AadstsCmdletUnwrap(nested) : value);
            }
        }

        private static object AadstsCmdletUnwrap(PSObject nested) =>
            nested.BaseObject is string || nested.BaseObject.GetType().IsValueType ? nested.BaseObject : new PSObjectPropertySource(nested);

        public override string ToString() => _value.ToString();
    }
}
