namespace AadstsTools.GraphEmulator.OData;

/// <summary>What a filterable property supports.</summary>
[Flags]
internal enum FilterOperations
{
    None = 0,
    Eq = 1,
    Ne = 2,
    In = 4,
    StartsWith = 8,
    EndsWith = 16,
    Range = 32,
    Not = 64,
}
