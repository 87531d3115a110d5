using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Which members outside the user's code compile-time evaluation may run: every public member of the DSL except
/// the few that read files, and an allow-list of pure, deterministic base-library types and members (strings, chars,
/// math, number formatting and parsing, enums, tuples, nullable, TimeSpan/DateTime arithmetic, LINQ to objects,
/// collections, StringBuilder, Regex). Everything else — I/O, environment variables, clocks, randomness, hash codes
/// (randomized per process), reflection, threading — is refused with what it is and what to do. Evaluation runs under
/// the invariant culture, so culture-sensitive members (<c>ToUpper()</c>, <c>int.Parse(s)</c>, <c>ToString("N")</c>)
/// behave as at run time under a neutral culture. The list is documented in docs/evaluation.md.
/// </summary>
internal static class ExternalApis
{
    private const string Instead = "compute the value in C# the evaluator runs, or leave this declaration to be evaluated at build";

    // Whole types whose every member is pure and deterministic (by metadata name of the original definition).
    private static readonly HashSet<string> PureTypes = new(StringComparer.Ordinal)
    {
        "System.String", "System.Char", "System.Math", "System.MathF", "System.Boolean", "System.Byte", "System.SByte",
        "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single",
        "System.Double", "System.Decimal", "System.Convert", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        "System.Enum", "System.Nullable", "System.Nullable`1", "System.Tuple", "System.Index", "System.Range",
        "System.StringComparer", "System.Uri", "System.UriBuilder", "System.Version", "System.BitConverter", "System.Array",
        "System.ArraySegment`1", "System.ReadOnlySpan`1", "System.Span`1", "System.MemoryExtensions",
        "System.Text.StringBuilder", "System.Text.Encoding", "System.Text.UTF8Encoding", "System.Text.ASCIIEncoding",
        "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
        "System.Text.RegularExpressions.Capture", "System.Text.RegularExpressions.MatchCollection", "System.Text.RegularExpressions.GroupCollection",
        "System.Globalization.NumberStyles", "System.StringComparison", "System.StringSplitOptions", "System.MidpointRounding",
        "System.IEquatable`1", "System.IComparable", "System.IComparable`1", "System.IFormattable", "System.IConvertible",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator", "System.Collections.ICollection", "System.Collections.IList",
        "System.Collections.IDictionary", "System.Collections.DictionaryEntry",
    };

    // Namespaces whose types are all pure (collections, LINQ to objects, tuples, delegates).
    private static readonly string[] PureNamespaces =
    [
        "System.Linq", "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Immutable",
    ];

    // Members refused inside otherwise pure types, with the reason.
    private static readonly Dictionary<string, string> RefusedMembers = new(StringComparer.Ordinal)
    {
        ["System.Object.GetHashCode"] = "hash codes are randomized per process, so the result would differ from build to build",
        ["System.String.GetHashCode"] = "string hash codes are randomized per process, so the result would differ from build to build",
        ["System.Object.GetType"] = "reflection is not evaluated at compile time",
        ["System.DateTime.get_Now"] = "the clock differs on every build; pass the time in as a constant",
        ["System.DateTime.get_UtcNow"] = "the clock differs on every build; pass the time in as a constant",
        ["System.DateTime.get_Today"] = "the clock differs on every build; pass the date in as a constant",
        ["System.DateTimeOffset.get_Now"] = "the clock differs on every build; pass the time in as a constant",
        ["System.DateTimeOffset.get_UtcNow"] = "the clock differs on every build; pass the time in as a constant",
        ["System.Guid.NewGuid"] = "a new GUID differs on every build; use a constant GUID",
        ["System.Globalization.CultureInfo.get_CurrentCulture"] = "the current culture depends on the machine; use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.get_CurrentUICulture"] = "the current culture depends on the machine; use CultureInfo.InvariantCulture",
    };

    // Types with a few pure members, allowed member by member.
    private static readonly HashSet<string> PureMembers = new(StringComparer.Ordinal)
    {
        "System.Object.ToString", "System.Object.Equals", "System.Object.ReferenceEquals", "System.Object..ctor",
        "System.Globalization.CultureInfo.get_InvariantCulture",
        "System.IO.Path.Combine", "System.IO.Path.Join", "System.IO.Path.GetFileName", "System.IO.Path.GetFileNameWithoutExtension",
        "System.IO.Path.GetExtension", "System.IO.Path.ChangeExtension", "System.IO.Path.HasExtension",
        "System.StringComparer.get_Ordinal", "System.StringComparer.get_OrdinalIgnoreCase",
    };

    // Types refused as a whole, by namespace or name prefix, with the reason.
    private static readonly (string Prefix, string Reason)[] RefusedTypes =
    [
        ("System.IO.", "it reads or writes files"),
        ("System.Net.", "it uses the network"),
        ("System.Console", "it reads or writes the console"),
        ("System.Environment", "it reads the machine's environment, which differs from build to build"),
        ("System.AppContext", "it reads the process's environment"),
        ("System.AppDomain", "it reads the process's environment"),
        ("System.Diagnostics.", "it reads the process, clock or debugger state"),
        ("System.Random", "random numbers differ on every build; use a constant"),
        ("System.Security.Cryptography.", "it is random or secret-dependent"),
        ("System.HashCode", "hash codes are randomized per process"),
        ("System.Reflection.", "reflection is not evaluated at compile time"),
        ("System.Type", "reflection is not evaluated at compile time"),
        ("System.Activator", "reflection is not evaluated at compile time"),
        ("System.Runtime.", "it depends on the runtime's state"),
        ("System.Threading.", "threads, tasks and timers are not evaluated at compile time"),
        ("System.GC", "it depends on the runtime's state"),
        ("System.TimeProvider", "the clock differs on every build; pass the time in as a constant"),
    ];

    // DSL members that do I/O: everything else in the DSL is pure by design.
    private static readonly HashSet<string> RefusedDslMembers = new(StringComparer.Ordinal)
    {
        "StatefulManifests.Rules.ManifestLinter.LintFiles",
    };

    /// <summary>
    /// Null when compile-time evaluation may run <paramref name="member"/> (a method, accessor, constructor or field
    /// outside the user's code); else why not and what to do, as one clause.
    /// </summary>
    public static string? WhyNotEvaluated(ISymbol member)
    {
        var type = member.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return "'" + member.Name + "' has no containing type";
        }

        var typeName = MetadataName(type);
        var memberName = typeName + "." + member.MetadataName;
        if (TypeRefs.IsDsl(member))
        {
            return RefusedDslMembers.Contains(memberName)
                ? "'" + type.Name + "." + member.Name + "' reads files, which compile-time evaluation never does; " + Instead
                : null;
        }

        if (!TypeRefs.IsFramework(member))
        {
            return "'" + type.Name + "." + member.Name + "' is declared in the referenced assembly '" + member.ContainingAssembly?.Name +
                "', whose code the compiler does not run; " + Instead;
        }

        if (typeName == "System.Linq.ParallelEnumerable")
        {
            return "'ParallelEnumerable." + member.Name + "': parallel queries run on several threads in no fixed order; use the sequential LINQ methods";
        }

        if (RefusedMembers.TryGetValue(memberName, out var refused))
        {
            return "'" + type.Name + "." + DisplayName(member) + "': " + refused;
        }

        if (PureMembers.Contains(memberName) || IsPureType(type, typeName))
        {
            return null;
        }

        foreach (var (prefix, reason) in RefusedTypes)
        {
            if (typeName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "'" + type.Name + "." + DisplayName(member) + "': " + reason + ", which compile-time evaluation never does; " + Instead;
            }
        }

        return "'" + type.Name + "." + DisplayName(member) + "' is not on the compile-time allow-list of pure base-library members (docs/evaluation.md); " + Instead;
    }

    /// <summary>True for a DSL or allowed framework type whose values the evaluator may hold and call members of.</summary>
    private static bool IsPureType(INamedTypeSymbol type, string typeName)
    {
        if (PureTypes.Contains(typeName) || type.TypeKind is TypeKind.Delegate or TypeKind.Enum)
        {
            return true;
        }

        if (typeName.StartsWith("System.ValueTuple", StringComparison.Ordinal) || typeName.StartsWith("System.Tuple`", StringComparison.Ordinal))
        {
            return true;
        }

        if (typeName is "System.DateTime" or "System.DateTimeOffset" or "System.Guid")
        {
            // Arithmetic, parsing and formatting are pure; the clock and NewGuid are refused above.
            return true;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return PureNamespaces.Contains(ns, StringComparer.Ordinal);
    }

    private static string DisplayName(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet, AssociatedSymbol: { } property } => property.Name,
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "new",
        _ => member.Name,
    };

    private static string MetadataName(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            names.Insert(0, t.MetadataName);
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + string.Join("+", names);
    }
}
