using System.Text;
using StatefulManifests.Tests.Support;
using StatefulManifests.Versions;

namespace StatefulManifests.Tests.Versions;

/// <summary>docs/kubernetes-versions.md holds the table of src/Dsl's <see cref="KubernetesFeatures"/>, exactly.</summary>
public class VersionTableDocTests
{
    [Fact]
    public void The_docs_table_is_the_feature_table_of_the_dsl()
    {
        var page = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "docs", "kubernetes-versions.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = Render();
        Assert.True(page.Contains(expected, StringComparison.Ordinal), "docs/kubernetes-versions.md must contain this table (generated from KubernetesFeatures):\n" + expected);
    }

    [Fact]
    public void The_table_covers_every_modelled_release_and_every_gated_field()
    {
        var table = Render();
        Assert.All(KubernetesVersion.Supported, v => Assert.Contains(" " + v + " |", table.Split('\n')[0], StringComparison.Ordinal));
        Assert.All(KubernetesFeatures.Fields, f => Assert.Contains("`" + f.Field + "`", table, StringComparison.Ordinal));
    }

    // One row per gated field; a cell is the gate's stage and default in that release ("—": the field does not exist).
    internal static string Render()
    {
        var text = new StringBuilder();
        text.Append("| Field | Gate |");
        foreach (var version in KubernetesVersion.Supported)
        {
            text.Append(' ').Append(version).Append(" |");
        }

        text.Append('\n').Append("|---|---|").Append(string.Concat(KubernetesVersion.Supported.Select(_ => "---|"))).Append('\n');
        foreach (var field in KubernetesFeatures.Fields)
        {
            text.Append("| `").Append(field.Field).Append("` (").Append(field.Feature).Append(") | ").Append(field.Gate.Name).Append(" |");
            foreach (var version in KubernetesVersion.Supported)
            {
                text.Append(' ').Append(Cell(field.Gate, version)).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(FeatureGateHistory gate, KubernetesVersion release)
    {
        // A patch release that changed the default shows as "beta, on (1.35.0–1.35.3); off from 1.35.4".
        var first = gate.At(KubernetesVersion.Of(release.Minor, 0));
        var changes = gate.Stages.Where(s => s.Since.Minor == release.Minor && s.Since.Patch > 0).ToList();
        if (first is null)
        {
            return "—";
        }

        if (changes.Count == 0)
        {
            return Describe(first);
        }

        var last = changes[^1];
        return Describe(first) + " (" + release + ".0–" + release + "." + (last.Since.Patch - 1) + "); " + (last.Default ? "on" : "off") + " from " + last.Since;
    }

    private static string Describe(FeatureGateStage stage) => stage.Stage switch
    {
        FeatureStage.GA => "GA",
        FeatureStage.Beta => "beta, " + (stage.Default ? "on" : "off"),
        _ => "alpha, off",
    };
}
