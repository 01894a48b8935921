using System.Collections.Generic;

namespace AadstsTools.Records
{
    /// <summary>
    /// An object whose properties the engine reads by name: the cmdlets wrap PowerShell objects
    /// (Import-Csv rows, Get-MgUser output, ConvertFrom-Json results) in it.
    /// </summary>
    public interface IPropertySource
    {
        /// <summary>Every property as (name, value); nested objects may be IPropertySource themselves.</summary>
        IEnumerable<KeyValuePair<string, object?>> GetProperties();
    }
}
