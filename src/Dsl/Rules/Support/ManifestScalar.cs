using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>How a C# value reads once written into a manifest as a scalar (an enum by its Kubernetes wire name).</summary>
internal static class ManifestScalar
{
    public static string? Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => e.GetType().GetField(e.ToString()) is { } member ? WireNameAttribute.Of(member) : e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
