using System.Globalization;
using System.Text;
using AadstsTools.GraphEmulator.Errors;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// Parses the subset of OData <c>$filter</c> Graph's directory and reporting endpoints accept: comparisons
/// (eq ne gt ge lt le), <c>in (…)</c>, <c>startsWith</c>/<c>endsWith</c>, <c>and</c>/<c>or</c>/<c>not</c> and
/// parentheses, with string, number, boolean, null and unquoted date-time literals.
/// </summary>
internal sealed class FilterParser
{
    private readonly string text;
    private readonly List<Token> tokens;
    private int position;

    private FilterParser(string text)
    {
        this.text = text;
        tokens = Tokenize(text);
    }

    public static FilterNode Parse(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw Invalid(filter, "the expression is empty");
        }

        var parser = new FilterParser(filter);
        var node = parser.ParseOr();
        if (parser.position < parser.tokens.Count)
        {
            throw Invalid(filter, $"unexpected '{parser.tokens[parser.position].Text}'");
        }

        return node;
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeKeyword("or"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (TakeKeyword("and"))
        {
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary() => TakeKeyword("not") ? new NotNode(ParseUnary()) : ParsePrimary();

    private FilterNode ParsePrimary()
    {
        if (Take(TokenKind.Open))
        {
            var inner = ParseOr();
            Expect(TokenKind.Close, "')'");
            return inner;
        }

        var name = Expect(TokenKind.Word, "a property or function");
        if (Take(TokenKind.Open))
        {
            return ParseFunction(name.Text);
        }

        var property = name.Text;
        var op = Expect(TokenKind.Word, "an operator").Text.ToLowerInvariant();
        if (op == "in")
        {
            Expect(TokenKind.Open, "'('");
            var values = new List<FilterLiteral> { ParseLiteral() };
            while (Take(TokenKind.Comma))
            {
                values.Add(ParseLiteral());
            }

            Expect(TokenKind.Close, "')'");
            return new InNode(property, values);
        }

        var compare = op switch
        {
            "eq" => CompareOperator.Eq,
            "ne" => CompareOperator.Ne,
            "gt" => CompareOperator.Gt,
            "ge" => CompareOperator.Ge,
            "lt" => CompareOperator.Lt,
            "le" => CompareOperator.Le,
            _ => throw Invalid(text, $"'{op}' is not a supported operator"),
        };
        return new CompareNode(property, compare, ParseLiteral());
    }

    private FilterNode ParseFunction(string function)
    {
        var name = function.ToLowerInvariant();
        if (name is not ("startswith" or "endswith"))
        {
            throw Invalid(text, $"the function '{function}' is not supported");
        }

        var property = Expect(TokenKind.Word, "a property").Text;
        Expect(TokenKind.Comma, "','");
        var value = ParseLiteral();
        Expect(TokenKind.Close, "')'");
        return new FunctionNode(name, property, value);
    }

    private FilterLiteral ParseLiteral()
    {
        if (position >= tokens.Count)
        {
            throw Invalid(text, "a value is missing at the end");
        }

        var token = tokens[position++];
        if (token.Kind == TokenKind.String)
        {
            return new FilterLiteral(token.Text, token.Text);
        }

        if (token.Kind != TokenKind.Word)
        {
            throw Invalid(text, $"expected a value but found '{token.Text}'");
        }

        var word = token.Text;
        switch (word.ToLowerInvariant())
        {
            case "true":
                return new FilterLiteral(true, word);
            case "false":
                return new FilterLiteral(false, word);
            case "null":
                return new FilterLiteral(null, word);
        }

        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return new FilterLiteral(number, word);
        }

        if (word.Length >= 10 && char.IsAsciiDigit(word[0])
            && DateTimeOffset.TryParse(word, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return new FilterLiteral(date, word);
        }

        throw Invalid(text, $"'{word}' is not a valid value (strings are quoted: '{word}')");
    }

    private bool TakeKeyword(string keyword)
    {
        if (position < tokens.Count && tokens[position].Kind == TokenKind.Word
            && string.Equals(tokens[position].Text, keyword, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private bool Take(TokenKind kind)
    {
        if (position < tokens.Count && tokens[position].Kind == kind)
        {
            position++;
            return true;
        }

        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (position < tokens.Count && tokens[position].Kind == kind)
        {
            return tokens[position++];
        }

        var found = position < tokens.Count ? $"'{tokens[position].Text}'" : "the end";
        throw Invalid(text, $"expected {what} but found {found}");
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : c == ')' ? TokenKind.Close : TokenKind.Comma, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw Invalid(text, "a string literal is not closed");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new Token(TokenKind.String, value.ToString()));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i]));
            }
            else
            {
                throw Invalid(text, $"unexpected character '{c}'");
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '/' or '.' or ':' or '-' or '+' or '@' or '$';

    private static GraphException Invalid(string filter, string reason) =>
        GraphErrors.BadRequest($"Invalid filter clause: {reason}. The filter was: {filter}");

    private enum TokenKind
    {
        Word,
        String,
        Open,
        Close,
        Comma,
    }

    private sealed record Token(TokenKind Kind, string Text);
}
