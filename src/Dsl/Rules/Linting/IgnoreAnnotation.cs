using StatefulManifests.Model;

namespace StatefulManifests.Rules.Linting;

/// <summary>
/// Per-object opt-outs in plain YAML, as kube-score's <c>kube-score/ignore</c> works: the annotation
/// <c>statefulmanifests/ignore: SM3001, SM4001</c> on a StatefulSet, Service or PodDisruptionBudget silences those
/// rules for findings in that object. (In C#, rules are silenced like any analyzer diagnostic instead.)
/// </summary>
internal static class IgnoreAnnotation
{
    /// <summary>The annotation's key.</summary>
    public const string Key = "statefulmanifests/ignore";

    /// <summary>The rule IDs <paramref name="metadata"/> opts out of (case-insensitive; commas or spaces between them).</summary>
    public static HashSet<string> Of(ObjectMeta? metadata)
    {
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (metadata?.Annotations is { } annotations && annotations.TryGetValue(Key, out var value) && value is not null)
        {
            foreach (var id in value.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                ignored.Add(id);
            }
        }

        return ignored;
    }
}
