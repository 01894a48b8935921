using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>Writes indented, word-wrapped text for people.</summary>
    internal sealed class TextBlock
    {
        private readonly TextWriter _writer;
        private readonly int _width;

        public TextBlock(TextWriter writer, int width)
        {
            _writer = writer;
            _width = Math.Max(40, width);
        }

        public void Line(string text = "") => _writer.WriteLine(text);

        /// <summary>Wraps <paramref name="text"/> at the width; continuation lines get <paramref name="hangingIndent"/>.</summary>
        public void Wrapped(string text, string firstIndent = "", string? hangingIndent = null)
        {
            hangingIndent ??= new string(' ', firstIndent.Length);
            var line = new StringBuilder(firstIndent);
            int lineStart = 0;
            foreach (string word in text.Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                bool atStart = line.Length == (lineStart == 0 ? firstIndent.Length : hangingIndent.Length);
                if (!atStart && line.Length + 1 + word.Length > _width)
                {
                    _writer.WriteLine(line.ToString());
                    line.Clear().Append(hangingIndent);
                    lineStart++;
                    atStart = true;
                }

                if (!atStart)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            _writer.WriteLine(line.ToString());
        }

        public void Bullets(string heading, IReadOnlyList<string> items, bool numbered = false)
        {
            if (items.Count == 0)
            {
                return;
            }

            _writer.WriteLine(heading);
            for (int i = 0; i < items.Count; i++)
            {
                string marker = numbered ? $"  {i + 1}. " : "  - ";
                Wrapped(items[i], marker, new string(' ', marker.Length));
            }
        }
    }
}
