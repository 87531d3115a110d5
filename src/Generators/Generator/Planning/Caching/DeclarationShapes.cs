using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// The "declaration shape" of a syntax tree: everything in it that can change how names bind or what a constant
/// folds to elsewhere — using directives, namespaces, type headers, member signatures, const and enum values —
/// and nothing that only changes a method or property body. Two versions of a file with the same shape bind every
/// other file's code identically. Read syntactically, without binding.
/// </summary>
internal static class DeclarationShapes
{
    /// <summary>The shape of <paramref name="tree"/> as text.</summary>
    public static string Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        Append(sb, tree.GetRoot(cancellationToken));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, SyntaxNode node)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax or ExternAliasDirectiveSyntax or EnumDeclarationSyntax or DelegateDeclarationSyntax:
                    Line(sb, child.ToString());
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    Line(sb, "namespace " + ns.Name + " {");
                    Append(sb, ns);
                    Line(sb, "}");
                    break;
                case TypeDeclarationSyntax type:
                    Line(sb, type.Modifiers + " " + type.Keyword + " " + type.Identifier + type.TypeParameterList + type.ParameterList + type.BaseList + " {");
                    Append(sb, type);
                    Line(sb, "}");
                    break;
                case FieldDeclarationSyntax field:
                    // A const's value can fold into any other file; other initializers are bodies.
                    Line(sb, field.Modifiers.Any(SyntaxKind.ConstKeyword) ? field.ToString() : field.Modifiers + " " + field.Declaration.Type + " " + string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText)));
                    break;
                case BasePropertyDeclarationSyntax property:
                    Line(sb, property.Modifiers + " " + property.Type + " " + (property as PropertyDeclarationSyntax)?.Identifier + (property as IndexerDeclarationSyntax)?.ParameterList
                        + string.Concat(property.AccessorList?.Accessors.Select(a => " " + a.Modifiers + a.Keyword) ?? []));
                    break;
                case BaseMethodDeclarationSyntax method:
                    Line(sb, method.Modifiers + " " + (method as MethodDeclarationSyntax)?.ReturnType + " " + (method as MethodDeclarationSyntax)?.Identifier
                        + (method as MethodDeclarationSyntax)?.TypeParameterList + method.ParameterList + (method as OperatorDeclarationSyntax)?.OperatorToken
                        + (method as ConversionOperatorDeclarationSyntax)?.Type);
                    break;
                case MemberDeclarationSyntax or AttributeListSyntax or GlobalStatementSyntax:
                    // Events, incomplete members and top-level statements: keep whole, so nothing is missed.
                    Line(sb, child.ToString());
                    break;
            }
        }
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
