using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>Reads where a <c>[StatefulWorkload]</c> member is declared and what the generated code is called.</summary>
internal static class DeclarationReader
{
    /// <summary>The attribute's full metadata name.</summary>
    public const string AttributeName = "StatefulManifests.StatefulWorkloadAttribute";

    /// <summary>Reads the declaration information of <paramref name="member"/>.</summary>
    public static DeclarationInfo Read(ISymbol member, AttributeData? attribute, CancellationToken cancellationToken)
    {
        var types = new List<ContainingTypeInfo>();
        var reachable = IsReachable(member.DeclaredAccessibility);
        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, new ContainingTypeInfo(Keyword(type), NameOf(type), IsPartial(type, cancellationToken)));
            reachable &= IsReachable(type.DeclaredAccessibility);
        }

        var fileName = FileNameOverride(attribute);
        return new DeclarationInfo(
            member.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            types.ToEquatableArray(),
            member.Name,
            member is IMethodSymbol,
            AccessibilityText(member.DeclaredAccessibility),
            reachable,
            fileName,
            member.ContainingType is { } containing ? MetadataName(containing) : string.Empty);
    }

    /// <summary>The attribute's <c>FileName</c>, or null when it sets none.</summary>
    public static string? FileNameOverride(AttributeData? attribute) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == "FileName").Value.Value is string { } name && !string.IsNullOrWhiteSpace(name) ? name : null;

    private static string MetadataName(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            names.Insert(0, t.MetadataName);
        }

        return (type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty) + string.Join("+", names);
    }

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string NameOf(INamedTypeSymbol type) =>
        type.TypeParameters.IsEmpty ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
