namespace AadstsTools.GraphEmulator.OData;

/// <summary>A parsed <c>$filter</c> expression.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record NotNode(FilterNode Operand) : FilterNode;

/// <summary><c>property op literal</c>, e.g. <c>status/errorCode eq 50126</c>.</summary>
internal sealed record CompareNode(string Property, CompareOperator Operator, FilterLiteral Value) : FilterNode;

/// <summary><c>property in (literal, …)</c>.</summary>
internal sealed record InNode(string Property, IReadOnlyList<FilterLiteral> Values) : FilterNode;

/// <summary><c>startsWith(property, 'x')</c> or <c>endsWith(property, 'x')</c>.</summary>
internal sealed record FunctionNode(string Function, string Property, FilterLiteral Value) : FilterNode;

internal enum CompareOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// <summary>A literal: string, long, bool, DateTimeOffset or null, with the text it came from.</summary>
internal sealed record FilterLiteral(object? Value, string Text)
{
    public string EdmType => Value switch
    {
        null => "null",
        string => "Edm.String",
        long => "Edm.Int32",
        bool => "Edm.Boolean",
        DateTimeOffset => "Edm.DateTimeOffset",
        _ => "Edm.Untyped",
    };
}
