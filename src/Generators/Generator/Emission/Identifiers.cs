using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Generators.Emission;

/// <summary>Turns Kubernetes names (<c>mysql-data</c>, <c>www</c>) into C# identifiers (<c>MysqlData</c>, <c>Www</c>).</summary>
internal static class Identifiers
{
    /// <summary>PascalCase of the name's letter/digit runs; prefixed with <c>_</c> when it would start with a digit.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        var result = sb.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary>Identifiers for several names, distinct from each other and from <paramref name="reserved"/> (suffix <c>2</c>, <c>3</c> ...).</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names, params string[] reserved)
    {
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var baseName = Pascal(name);
            var candidate = baseName;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = baseName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(candidate);
        }

        return result;
    }
}
