using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Stable keys of functions and user types: documentation IDs (<c>M:Demo.Helpers.Postgres(System.String)</c>,
/// <c>T:Demo.Tenant</c>), of the original definition for generic members (one plan serves every instantiation).
/// They survive recompilation, so plans and caches refer to members by key instead of by symbol.
/// </summary>
internal static class FunctionKeys
{
    /// <summary>The key of a member or type.</summary>
    public static string Of(ISymbol symbol)
    {
        var definition = symbol.OriginalDefinition;
        return definition.GetDocumentationCommentId() ?? definition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    /// <summary>Finds the member or type a key names in <paramref name="compilation"/>, or null when it is gone.</summary>
    public static ISymbol? Resolve(string key, Compilation compilation) =>
        DocumentationCommentId.GetFirstSymbolForDeclarationId(key, compilation);

    /// <summary>The name messages use for a member (<c>Helpers.Postgres(string, int)</c>).</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
