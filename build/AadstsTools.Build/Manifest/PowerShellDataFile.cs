using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AadstsTools.Build.Manifest
{
    /// <summary>
    /// Reads the PowerShell data language a module manifest is written in: hashtables (@{ }), arrays (@( ) and
    /// comma lists), quoted strings, numbers, $true/$false/$null and comments. Hashtables come back as
    /// case-insensitive dictionaries, arrays as lists. Anything else (variables, expressions) is an error that
    /// names the file and line, as Import-PowerShellDataFile would refuse it too.
    /// </summary>
    public sealed class PowerShellDataFile
    {
        private readonly string _text;
        private readonly string _source;
        private int _position;

        private PowerShellDataFile(string text, string source)
        {
            _text = text;
            _source = source;
        }

        public static Dictionary<string, object?> Parse(string text, string source)
        {
            var reader = new PowerShellDataFile(text, source);
            reader.SkipTrivia(newlines: true);
            if (!reader.Peek("@{"))
            {
                throw reader.Error("expected the manifest to start with @{");
            }

            Dictionary<string, object?> result = reader.ReadHashtable();
            reader.SkipTrivia(newlines: true);
            if (reader._position < reader._text.Length)
            {
                throw reader.Error("unexpected text after the closing }");
            }

            return result;
        }

        private Dictionary<string, object?> ReadHashtable()
        {
            _position += 2; // @{
            var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipTrivia(newlines: true);
                if (Peek(";"))
                {
                    _position++;
                    continue;
                }

                if (Peek("}"))
                {
                    _position++;
                    return table;
                }

                if (_position >= _text.Length)
                {
                    throw Error("the hashtable is not closed with }");
                }

                string key = ReadKey();
                SkipTrivia(newlines: false);
                if (!Peek("="))
                {
                    throw Error("expected = after the key '" + key + "'");
                }

                _position++;
                SkipTrivia(newlines: true);
                if (table.ContainsKey(key))
                {
                    throw Error("the key '" + key + "' appears twice");
                }

                table[key] = ReadValueOrList();
            }
        }

        private string ReadKey()
        {
            char c = _text[_position];
            if (c == '\'' || c == '"')
            {
                return ReadString();
            }

            int start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_' || _text[_position] == '-'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Error("expected a key");
            }

            return _text.Substring(start, _position - start);
        }

        /// <summary>A value, or a bare comma list of values (which PowerShell makes an array).</summary>
        private object? ReadValueOrList()
        {
            object? first = ReadValue();
            SkipTrivia(newlines: false);
            if (!Peek(","))
            {
                return first;
            }

            var items = new List<object?> { first };
            while (Peek(","))
            {
                _position++;
                SkipTrivia(newlines: true);
                items.Add(ReadValue());
                SkipTrivia(newlines: false);
            }

            return items;
        }

        private object? ReadValue()
        {
            if (_position >= _text.Length)
            {
                throw Error("expected a value");
            }

            if (Peek("@{"))
            {
                return ReadHashtable();
            }

            if (Peek("@("))
            {
                return ReadArray();
            }

            char c = _text[_position];
            if (c == '\'' || c == '"')
            {
                return ReadString();
            }

            if (c == '$')
            {
                string word = ReadWord(1);
                switch (word.ToLowerInvariant())
                {
                    case "$true": return true;
                    case "$false": return false;
                    case "$null": return null;
                    default: throw Error("variables are not allowed in a data file: " + word);
                }
            }

            if (char.IsDigit(c) || c == '-' || c == '.')
            {
                string number = ReadWord(0);
                if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return number;
                }

                throw Error("'" + number + "' is not a number");
            }

            throw Error("unexpected '" + c + "'; expected a quoted string, a number, @( ), @{ } or $true/$false/$null");
        }

        private List<object?> ReadArray()
        {
            _position += 2; // @(
            var items = new List<object?>();
            while (true)
            {
                SkipTrivia(newlines: true);
                if (Peek(","))
                {
                    _position++;
                    continue;
                }

                if (Peek(")"))
                {
                    _position++;
                    return items;
                }

                if (_position >= _text.Length)
                {
                    throw Error("the array is not closed with )");
                }

                items.Add(ReadValue());
            }
        }

        private string ReadString()
        {
            char quote = _text[_position];
            int line = Line;
            _position++;
            var value = new StringBuilder();
            while (_position < _text.Length)
            {
                char c = _text[_position++];
                if (c == quote)
                {
                    if (_position < _text.Length && _text[_position] == quote)
                    {
                        value.Append(quote); // '' or "" inside the string
                        _position++;
                        continue;
                    }

                    return value.ToString();
                }

                if (quote == '"' && c == '`' && _position < _text.Length)
                {
                    value.Append(_text[_position++]);
                    continue;
                }

                if (quote == '"' && c == '$' && _position < _text.Length && (char.IsLetter(_text[_position]) || _text[_position] == '{' || _text[_position] == '('))
                {
                    throw Error("expandable text (\"...$...\") is not allowed in a data file; use single quotes");
                }

                value.Append(c);
            }

            throw new BuildException(_source + ": line " + line + ": the string is not closed with " + quote);
        }

        private string ReadWord(int skip)
        {
            int start = _position;
            _position += skip;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '.' || _text[_position] == '_' || _text[_position] == '-'))
            {
                _position++;
            }

            return _text.Substring(start, _position - start);
        }

        private void SkipTrivia(bool newlines)
        {
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (c == '\n' || c == '\r')
                {
                    if (!newlines)
                    {
                        return;
                    }

                    _position++;
                }
                else if (char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else if (Peek("<#"))
                {
                    int end = _text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("the block comment <# is not closed with #>");
                    }

                    _position = end + 2;
                }
                else if (c == '#')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '`' && _position + 1 < _text.Length && (_text[_position + 1] == '\n' || _text[_position + 1] == '\r'))
                {
                    _position += 2; // line continuation
                }
                else
                {
                    return;
                }
            }
        }

        private bool Peek(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

        private int Line
        {
            get
            {
                int line = 1;
                for (int i = 0; i < _position && i < _text.Length; i++)
                {
                    if (_text[i] == '\n')
                    {
                        line++;
                    }
                }

                return line;
            }
        }

        private BuildException Error(string message) => new BuildException(_source + ": line " + Line + ": " + message + ".");
    }
}
