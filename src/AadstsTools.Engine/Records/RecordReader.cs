using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace AadstsTools.Records
{
    /// <summary>
    /// Reads properties of loosely typed records by name, whatever their shape: dictionaries, JSON, .NET
    /// objects, PowerShell objects (through <see cref="IPropertySource"/>). Names match ignoring case,
    /// spaces and punctuation, so "Sign-in error code", "Application ID " and "signInErrorCode" all work.
    /// </summary>
    public static class RecordReader
    {
        /// <summary>True for values that are records rather than scalars.</summary>
        public static bool IsRecord(object? value) => value switch
        {
            null => false,
            string _ => false,
            IPropertySource _ => true,
            IDictionary _ => true,
            JsonElement element => element.ValueKind == JsonValueKind.Object,
            _ => !value.GetType().IsPrimitive && !(value is decimal) && !(value is DateTime) && !(value is DateTimeOffset)
                 && !(value is Guid) && !(value is Enum) && !(value is IEnumerable) && !(value is Uri),
        };

        /// <summary>
        /// The value at <paramref name="path"/> ("status.errorCode" or "Sign-in error code"); null values and
        /// empty strings count as missing.
        /// </summary>
        public static bool TryGet(object? record, string path, out object? value)
        {
            value = record;
            foreach (string part in path.Split('.', '/'))
            {
                if (!TryGetProperty(value, part, out value))
                {
                    value = null;
                    return false;
                }
            }

            return value != null && !(value is string s && s.Trim().Length == 0) && !(value is JsonElement e && (e.ValueKind == JsonValueKind.Null || e.ValueKind == JsonValueKind.Undefined));
        }

        /// <summary>The first of <paramref name="paths"/> that has a value.</summary>
        public static bool TryGetFirst(object? record, IEnumerable<string> paths, out object? value, out string? foundPath)
        {
            foreach (string path in paths)
            {
                if (TryGet(record, path, out value))
                {
                    foundPath = path;
                    return true;
                }
            }

            value = null;
            foundPath = null;
            return false;
        }

        /// <summary>A value as text (JSON strings unquoted, numbers invariant), or null.</summary>
        public static string? AsText(object? value) => value switch
        {
            null => null,
            string s => s.Trim(),
            JsonElement e when e.ValueKind == JsonValueKind.String => e.GetString()?.Trim(),
            JsonElement e when e.ValueKind == JsonValueKind.Null => null,
            JsonElement e => e.GetRawText(),
            DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("o", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        /// <summary>Property names of a record, for messages such as "the record has no X (it has: ...)".</summary>
        public static IReadOnlyList<string> PropertyNames(object? record)
        {
            var names = new List<string>();
            foreach (var pair in Enumerate(record))
            {
                names.Add(pair.Key);
            }

            return names;
        }

        internal static string NormalizeName(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        private static bool TryGetProperty(object? record, string name, out object? value)
        {
            value = null;
            if (record == null)
            {
                return false;
            }

            string wanted = NormalizeName(name);
            foreach (var pair in Enumerate(record))
            {
                if (NormalizeName(pair.Key) == wanted)
                {
                    value = pair.Value;
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<KeyValuePair<string, object?>> Enumerate(object? record)
        {
            switch (record)
            {
                case null:
                case string _:
                    yield break;
                case IPropertySource source:
                    foreach (var pair in source.GetProperties())
                    {
                        yield return pair;
                    }

                    yield break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Key != null)
                        {
                            yield return new KeyValuePair<string, object?>(entry.Key.ToString()!, entry.Value);
                        }
                    }

                    yield break;
                case JsonElement element:
                    if (element.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty property in element.EnumerateObject())
                        {
                            yield return new KeyValuePair<string, object?>(property.Name, property.Value);
                        }
                    }

                    yield break;
                default:
                    if (!IsRecord(record))
                    {
                        yield break;
                    }

                    foreach (PropertyInfo property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        if (property.GetIndexParameters().Length != 0 || !property.CanRead)
                        {
                            continue;
                        }

                        object? propertyValue;
                        try
                        {
                            propertyValue = property.GetValue(record);
                        }
                        catch (TargetInvocationException)
                        {
                            continue;
                        }

                        yield return new KeyValuePair<string, object?>(property.Name, propertyValue);
                    }

                    // Graph SDK models keep properties they don't model in AdditionalData.
                    if (record.GetType().GetProperty("AdditionalData")?.GetValue(record) is IDictionary<string, object> additional)
                    {
                        foreach (var pair in additional)
                        {
                            yield return new KeyValuePair<string, object?>(pair.Key, pair.Value);
                        }
                    }

                    yield break;
            }
        }
    }
}
