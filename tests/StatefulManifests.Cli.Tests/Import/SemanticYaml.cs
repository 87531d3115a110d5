using YamlDotNet.RepresentationModel;

namespace StatefulManifests.Cli.Tests.Import;

/// <summary>
/// "Semantically equal" for the import round trip, independent of the importer's own comparison. Both sides are
/// Kubernetes objects read by the project's reader and written by its writer (so YAML spelling — key order, quoting,
/// scalar style, comments, flow or block style, YAML 1.1 forms such as <c>0755</c> or <c>yes</c> — cannot differ),
/// then compared as YAML node trees: maps by key set (order ignored), lists item by item, scalars by text and by
/// whether they are plain or quoted (a string <c>"3"</c> is not the number 3). Allowed, and only this:
/// <list type="bullet">
/// <item>what the API server writes and a declaration never says: top-level <c>status</c>, and in any
/// <c>metadata</c> <c>uid</c>, <c>resourceVersion</c>, <c>generation</c>, <c>creationTimestamp</c>,
/// <c>deletionTimestamp</c>, <c>deletionGracePeriodSeconds</c>, <c>selfLink</c>, <c>managedFields</c>, and the
/// <c>status</c> of claim templates (the importer drops them and says so);</item>
/// <item>an empty list equals an absent one (Kubernetes' types serialise both as absent, <c>omitempty</c>).</item>
/// </list>
/// No API-server defaulting is allowed for: the DSL adds no defaults that are not in the original (where it would,
/// the import removes them), so nothing else may differ.
/// </summary>
internal static class SemanticYaml
{
    private static readonly HashSet<string> ServerMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields"];

    /// <summary>Parses one YAML document.</summary>
    public static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Single().RootNode;
    }

    /// <summary>The differences, as field paths (empty when equal).</summary>
    public static List<string> Differences(YamlNode original, YamlNode rendered)
    {
        var differences = new List<string>();
        Compare(original, rendered, string.Empty, differences);
        return differences;
    }

    private static void Compare(YamlNode? a, YamlNode? b, string path, List<string> differences)
    {
        switch (a, b)
        {
            case (YamlMappingNode x, YamlMappingNode y):
                var keys = Keys(x, path).Union(Keys(y, path)).Order(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    Compare(Get(x, key), Get(y, key), path + "/" + key, differences);
                }

                break;
            case (YamlSequenceNode x, YamlSequenceNode y) when x.Children.Count == y.Children.Count:
                for (var i = 0; i < x.Children.Count; i++)
                {
                    Compare(x.Children[i], y.Children[i], path + "/" + i, differences);
                }

                break;
            case (YamlScalarNode x, YamlScalarNode y) when x.Value == y.Value && IsPlain(x) == IsPlain(y):
                break;
            case (YamlSequenceNode { Children.Count: 0 }, null):
            case (null, YamlSequenceNode { Children.Count: 0 }):
            case (null, null):
                break;
            default:
                differences.Add(path + ": " + (a?.ToString() ?? "absent") + " vs " + (b?.ToString() ?? "absent"));
                break;
        }
    }

    private static IEnumerable<string> Keys(YamlMappingNode node, string path) =>
        node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !Ignored(path, k));

    private static bool Ignored(string path, string key) =>
        (path.Length == 0 && key == "status")
        || (path.EndsWith("metadata", StringComparison.Ordinal) && ServerMetadata.Contains(key))
        || (path.StartsWith("/spec/volumeClaimTemplates/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3 && key == "status");

    private static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool IsPlain(YamlScalarNode node) => node.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
}
