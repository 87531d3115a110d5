using System.Text;

namespace StatefulManifests.Import;

/// <summary>
/// Writes the C# file: a header, the usings, an optional file-scoped namespace, and a static partial class with
/// one documented <c>[StatefulWorkload]</c> method per declaration, each a single fluent expression. Lines end in
/// <c>\n</c> and nothing depends on the culture or the clock, so the same inputs give the same bytes.
/// </summary>
internal static class SourceFileWriter
{
    public static string Write(string? @namespace, string className, IReadOnlyList<(string Member, ImportedDeclaration Declaration, string Origin)> declarations)
    {
        var text = new StringBuilder();
        text.Append("// Imported by `stateful import` from Kubernetes YAML. Review it, then make it yours: the comments say which\n");
        text.Append("// DSL defaults it relies on and why each escape-hatch patch is there.\n");
        text.Append("using StatefulManifests;\n");
        text.Append("using StatefulManifests.Model;\n\n");
        if (@namespace is not null)
        {
            text.Append("namespace ").Append(@namespace).Append(";\n\n");
        }

        text.Append("/// <summary>Workloads imported from Kubernetes YAML.</summary>\n");
        text.Append("public static partial class ").Append(className).Append('\n');
        text.Append("{\n");
        var first = true;
        foreach (var (member, declaration, origin) in declarations)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            text.Append("    /// <summary>").Append(XmlText(origin)).Append(".</summary>\n");
            text.Append("    [StatefulWorkload]\n");
            var head = "public static StatefulSetBuilder " + member + "() => Workload.StatefulSet(" + CSharpText.Literal(declaration.Name) + ")";
            foreach (var line in ChainWriter.Write(declaration.Chain, head, "    ", ";"))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.Append("}\n").ToString();
    }

    private static string XmlText(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                _ when char.IsControl(c) || char.IsSurrogate(c) => escaped.Append('?'),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
