using AadstsTools.GraphEmulator.Errors;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// The filterable properties of one resource; turns a parsed filter into a predicate, answering Graph's 400s for
/// properties or operators the resource does not support, mismatched literal types and too many OR'ed values.
/// </summary>
internal sealed class FilterSchema<T>
{
    private readonly Dictionary<string, FilterField<T>> fields;

    public FilterSchema(string resourceName, IReadOnlyDictionary<string, FilterField<T>> fields, int? maxOrClauses = null)
    {
        ResourceName = resourceName;
        MaxOrClauses = maxOrClauses;
        this.fields = new Dictionary<string, FilterField<T>>(fields, StringComparer.OrdinalIgnoreCase);
    }

    public string ResourceName { get; }

    /// <summary>Graph's cap on values in one OR group (<c>in</c> values or <c>or</c> clauses); null: none.</summary>
    public int? MaxOrClauses { get; }

    public Func<T, bool> Compile(FilterNode node, bool advancedQuery)
    {
        if (MaxOrClauses is { } max && LargestOrGroup(node) is var largest && largest > max)
        {
            throw GraphErrors.TooManyOrClauses(largest, max);
        }

        return CompileNode(node, advancedQuery);
    }

    private Func<T, bool> CompileNode(FilterNode node, bool advanced)
    {
        switch (node)
        {
            case AndNode both:
                {
                    var left = CompileNode(both.Left, advanced);
                    var right = CompileNode(both.Right, advanced);
                    return item => left(item) && right(item);
                }

            case OrNode either:
                {
                    var left = CompileNode(either.Left, advanced);
                    var right = CompileNode(either.Right, advanced);
                    return item => left(item) || right(item);
                }

            case NotNode negation:
                {
                    RequireNot(negation, advanced);
                    var operand = CompileNode(negation.Operand, advanced);
                    return item => !operand(item);
                }

            case CompareNode compare:
                return CompileCompare(compare, advanced);

            case InNode @in:
                {
                    var field = Field(@in.Property, FilterOperations.In, advanced);
                    var tests = @in.Values.Select(v => Equality(field, @in.Property, v, "Equal")).ToArray();
                    return item =>
                    {
                        var value = field.Read(item);
                        return tests.Any(t => t(value));
                    };
                }

            case FunctionNode function:
                {
                    var operation = function.Function == "startswith" ? FilterOperations.StartsWith : FilterOperations.EndsWith;
                    var field = Field(function.Property, operation, advanced);
                    RequireType(field, function.Value, function.Function);
                    var prefix = (string)function.Value.Value!;

                    return operation == FilterOperations.StartsWith
                        ? item => field.Read(item) is string s && s.StartsWith(prefix, field.Comparison)
                        : item => field.Read(item) is string s && s.EndsWith(prefix, field.Comparison);
                }

            default:
                throw GraphErrors.UnsupportedQuery("Unsupported Query.");
        }
    }

    private Func<T, bool> CompileCompare(CompareNode compare, bool advanced)
    {
        switch (compare.Operator)
        {
            case CompareOperator.Eq:
                {
                    var field = Field(compare.Property, FilterOperations.Eq, advanced);
                    var test = Equality(field, compare.Property, compare.Value, "Equal");
                    return item => test(field.Read(item));
                }

            case CompareOperator.Ne:
                {
                    var field = Field(compare.Property, FilterOperations.Ne, advanced);
                    var test = Equality(field, compare.Property, compare.Value, "NotEqual");
                    return item => !test(field.Read(item));
                }

            default:
                {
                    var field = Field(compare.Property, FilterOperations.Range, advanced);
                    RequireType(field, compare.Value, compare.Operator.ToString());
                    var bound = (IComparable)compare.Value.Value!;
                    return compare.Operator switch
                    {
                        CompareOperator.Gt => item => Order(field.Read(item), bound) is > 0,
                        CompareOperator.Ge => item => Order(field.Read(item), bound) is >= 0,
                        CompareOperator.Lt => item => Order(field.Read(item), bound) is < 0,
                        _ => item => Order(field.Read(item), bound) is <= 0,
                    };
                }
        }
    }

    private static int? Order(object? value, IComparable bound) => value switch
    {
        null => null,
        DateTimeOffset date when bound is DateTimeOffset other => date.CompareTo(other),
        int number when bound is long limit => ((long)number).CompareTo(limit),
        _ => null,
    };

    private Func<object?, bool> Equality(FilterField<T> field, string property, FilterLiteral literal, string operatorKind)
    {
        var expected = literal.Value;
        if (expected is null)
        {
            return value => value is null;
        }

        RequireType(field, literal, operatorKind);
        field.Validate?.Invoke(literal);
        return expected switch
        {
            string text when field.Kind == FilterValueKind.StringCollection =>
                value => value is IEnumerable<string> many && many.Any(s => string.Equals(s, text, field.Comparison)),
            string text => value => value is string s && string.Equals(s, text, field.Comparison),
            long number => value => value is int i && i == number,
            bool flag => value => value is bool b && b == flag,
            DateTimeOffset date => value => value is DateTimeOffset d && d == date,
            _ => throw GraphErrors.UnsupportedFilter(property, ResourceName),
        };
    }

    private static void RequireType(FilterField<T> field, FilterLiteral literal, string operatorKind)
    {
        var matches = (field.Kind, literal.Value) switch
        {
            (FilterValueKind.String or FilterValueKind.StringCollection, string) => true,
            (FilterValueKind.Boolean, bool) => true,
            (FilterValueKind.Integer, long) => true,
            (FilterValueKind.DateTime, DateTimeOffset) => true,
            _ => false,
        };
        if (!matches)
        {
            throw GraphErrors.BadRequest(
                $"A binary operator with incompatible types was detected. Found operand types '{field.EdmType}' and '{literal.EdmType}' for operator kind '{operatorKind}'.");
        }
    }

    private FilterField<T> Field(string property, FilterOperations operation, bool advanced)
    {
        if (!fields.TryGetValue(property, out var field) || !field.Allowed.HasFlag(operation)
            || (field.AdvancedOnly.HasFlag(operation) && !advanced))
        {
            throw GraphErrors.UnsupportedFilter(property, ResourceName);
        }

        return field;
    }

    private void RequireNot(NotNode negation, bool advanced)
    {
        var property = negation.Operand switch
        {
            CompareNode c => c.Property,
            InNode i => i.Property,
            FunctionNode f => f.Property,
            _ => null,
        };
        if (property is not null)
        {
            Field(property, FilterOperations.Not, advanced);
        }
    }

    private static int LargestOrGroup(FilterNode node) => node switch
    {
        InNode @in => @in.Values.Count,
        OrNode either => Math.Max(
            OrChildren(either).Sum(child => child is InNode @in ? @in.Values.Count : 1),
            OrChildren(either).Select(LargestOrGroup).DefaultIfEmpty(0).Max()),
        AndNode both => Math.Max(LargestOrGroup(both.Left), LargestOrGroup(both.Right)),
        NotNode negation => LargestOrGroup(negation.Operand),
        _ => 0,
    };

    private static IEnumerable<FilterNode> OrChildren(OrNode either) =>
        new[] { either.Left, either.Right }.SelectMany(n => n is OrNode inner ? OrChildren(inner) : new[] { n });
}
