using StatefulManifests.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StatefulManifests.Cli.Lint;

/// <summary>
/// Finds and reads <see cref="LintConfig.FileName"/>. The format, every key optional:
/// <code>
/// minSeverity: warning     # info | warning | error; --min-severity wins
/// rules:
///   SM2003: off            # off | info | warning | error
///   SM4001: error
/// </code>
/// Anything else — an unknown key, an unknown rule ID, a bad severity, a key given twice in any case — is an error
/// with the file's line and column (all of them at once), so a typo never silently turns a rule back on.
/// </summary>
internal static class LintConfigFile
{
    /// <summary>The largest configuration read (checked before reading).</summary>
    private const long MaxBytes = 1024 * 1024;

    /// <summary>The configuration file that applies in <paramref name="directory"/>: there or in the nearest parent, or null.</summary>
    public static string? Find(string directory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, LintConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="path"/>; on failure returns null and every problem found, each with its position.</summary>
    public static LintConfig? Read(string path, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                found.Add(path + ": larger than 1 MiB; not read");
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(path + ": " + e.Message);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            found.Add(At(path, e.Start) + "not valid YAML: " + e.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return LintConfig.Defaults with { Source = path };
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            found.Add(At(path, stream.Documents[0].RootNode.Start) + "expected one mapping (minSeverity:, rules:)");
            return null;
        }

        FindingSeverity? minSeverity = null;
        var severities = new Dictionary<string, FindingSeverity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Entries(path, root, found))
        {
            switch (key)
            {
                case "minSeverity":
                    minSeverity = Severity(path, value, allowOff: false, found);
                    break;
                case "rules" when value is YamlMappingNode rules:
                    foreach (var (id, setting) in Entries(path, rules, found))
                    {
                        if (RuleCatalog.Find(id) is null)
                        {
                            found.Add(At(path, setting.Start) + "unknown rule ID '" + id + "'");
                        }
                        else
                        {
                            severities[id] = Severity(path, setting, allowOff: true, found);
                        }
                    }

                    break;
                case "rules":
                    found.Add(At(path, value.Start) + "rules: expected a mapping of rule ID to off, info, warning or error");
                    break;
                default:
                    found.Add(At(path, value.Start) + "unknown key '" + key + "' (expected minSeverity or rules)");
                    break;
            }
        }

        return found.Count == 0 ? new LintConfig(path, minSeverity, severities) : null;
    }

    /// <summary>The (scalar key, value) entries of <paramref name="mapping"/>, reporting non-scalar and duplicate keys.</summary>
    private static IEnumerable<(string Key, YamlNode Value)> Entries(string path, YamlMappingNode mapping, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                problems.Add(At(path, key.Start) + "expected a plain key");
            }
            else if (!seen.Add(name))
            {
                problems.Add(At(path, key.Start) + "duplicate key '" + name + "' (rule IDs and keys are case-insensitive)");
            }
            else
            {
                yield return (name, value);
            }
        }
    }

    private static FindingSeverity? Severity(string path, YamlNode node, bool allowOff, List<string> problems)
    {
        var text = (node as YamlScalarNode)?.Value;
        switch (text?.ToLowerInvariant())
        {
            case "info": return FindingSeverity.Info;
            case "warning": return FindingSeverity.Warning;
            case "error": return FindingSeverity.Error;
            case "off" or "false" when allowOff: return null;
            default:
                problems.Add(At(path, node.Start) + "'" + text + "' is not " + (allowOff ? "off, info, warning or error" : "info, warning or error"));
                return null;
        }
    }

    private static string At(string path, Mark mark) => path + "(" + mark.Line + "," + mark.Column + "): ";
}
