using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AadstsTools.Catalog
{
    /// <summary>
    /// Where each entry of a catalog file starts, and where each of its fields starts, as line numbers, so
    /// that a problem found after parsing can still name its line.
    /// </summary>
    internal sealed class JsonEntryPositions
    {
        private readonly List<int> _entryLines = new List<int>();
        private readonly List<Dictionary<string, int>> _fieldLines = new List<Dictionary<string, int>>();

        private JsonEntryPositions()
        {
        }

        /// <summary>Call only on JSON that has already parsed without error.</summary>
        public static JsonEntryPositions Scan(ReadOnlySpan<byte> json)
        {
            var positions = new JsonEntryPositions();
            var lines = new LineCounter(json);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            bool entriesNext = false;
            bool inEntries = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        entriesNext = string.Equals(reader.GetString(), "entries", StringComparison.OrdinalIgnoreCase);
                        break;
                    case JsonTokenType.StartArray when reader.CurrentDepth == 1:
                        inEntries = entriesNext;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        inEntries = false;
                        break;
                    case JsonTokenType.StartObject when inEntries && reader.CurrentDepth == 2:
                        positions._entryLines.Add(lines.LineAt(reader.TokenStartIndex));
                        positions._fieldLines.Add(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.PropertyName when inEntries && reader.CurrentDepth == 3:
                        positions._fieldLines[positions._fieldLines.Count - 1][reader.GetString()!] = lines.LineAt(reader.TokenStartIndex);
                        break;
                }
            }

            return positions;
        }

        /// <summary>The line of a field of entry <paramref name="index"/>, or of the entry itself.</summary>
        public int LineOf(int index, string? field = null)
        {
            if (index < 0 || index >= _entryLines.Count)
            {
                return 0;
            }

            if (field != null && _fieldLines[index].TryGetValue(field, out int line))
            {
                return line;
            }

            return _entryLines[index];
        }

        /// <summary>Counts lines forward only: offsets arrive in increasing order while scanning.</summary>
        private ref struct LineCounter
        {
            private readonly ReadOnlySpan<byte> _json;
            private int _position;
            private int _line;

            public LineCounter(ReadOnlySpan<byte> json)
            {
                _json = json;
                _position = 0;
                _line = 1;
            }

            public int LineAt(long offset)
            {
                int end = (int)Math.Min(offset, _json.Length);
                for (; _position < end; _position++)
                {
                    if (_json[_position] == (byte)'\n')
                    {
                        _line++;
                    }
                }

                return _line;
            }
        }
    }
}
