using System.Globalization;
using System.Text.RegularExpressions;
using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;

namespace StatefulManifests.Tests.Rules;

/// <summary>The catalogue: IDs, descriptors, help links, docs pages, release tracking, and that each model rule is registered once.</summary>
public class CatalogTests
{
    private static readonly string DocsDir = Path.Combine(SharedFiles.RepositoryRoot, "docs", "diagnostics");

    public static TheoryData<string> Ids => new(RuleCatalog.All.Select(d => d.Id));

    [Fact]
    public void Ids_are_unique_well_formed_and_numbered_by_category()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.Equal(RuleCatalog.All.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id), RuleCatalog.All.Select(d => d.Id));
        foreach (var descriptor in RuleCatalog.All)
        {
            Assert.Matches(@"^SM[0-5]\d{3}$", descriptor.Id);
            Assert.Equal((int)descriptor.Category, descriptor.Id[2] - '0');
            Assert.Same(descriptor, RuleCatalog.Find(descriptor.Id));
        }

        var constants = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.All.Select(d => d.Id), constants);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_descriptor_has_a_title_a_message_naming_the_path_and_a_help_link(string id)
    {
        var descriptor = RuleCatalog.Find(id)!;

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title));
        Assert.StartsWith("{0}: ", descriptor.MessageFormat, StringComparison.Ordinal);
        Assert.Equal("https://github.com/statefulmanifests/statefulmanifests/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLink);
        Assert.StartsWith(RuleCatalog.HelpLinkBase, descriptor.HelpLink, StringComparison.Ordinal);
        Assert.Equal("StatefulManifests." + descriptor.Category, descriptor.CategoryName);

        // The format takes exactly the arguments its placeholders name (a missing one would throw at report time).
        var highest = Regex.Matches(descriptor.MessageFormat, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Max();
        var args = Enumerable.Range(0, highest + 1).Select(i => (object)("arg" + i)).ToArray();
        Assert.Contains("arg" + highest, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_its_docs_page_with_the_catalogue_title_severity_and_sections(string id)
    {
        var descriptor = RuleCatalog.Find(id)!;
        var path = Path.Combine(DocsDir, id + ".md");
        Assert.True(File.Exists(path), "missing " + path);
        var page = File.ReadAllText(path);

        Assert.StartsWith("# " + id + ": " + descriptor.Title + "\n", page, StringComparison.Ordinal);
        Assert.Contains("| Default severity | " + descriptor.DefaultSeverity + " |", page, StringComparison.Ordinal);
        Assert.Contains("(`" + descriptor.CategoryName + "`)", page, StringComparison.Ordinal);
        Assert.Contains("| Plain YAML linter | " + (descriptor.AppliesToYaml ? "yes" : "no"), page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it detects", "## Bad example", "## Good example", "## Why", "## References" })
        {
            Assert.Contains("\n" + section + "\n", page, StringComparison.Ordinal);
        }

        Assert.Contains("```csharp", DocExamples.Section(page, "## Bad example"), StringComparison.Ordinal);
        Assert.Contains("```csharp", DocExamples.Section(page, "## Good example"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_index_links_every_page_and_there_is_no_page_without_an_id()
    {
        var index = File.ReadAllText(Path.Combine(DocsDir, "README.md"));
        foreach (var descriptor in RuleCatalog.All)
        {
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", index, StringComparison.Ordinal);
        }

        var pages = Directory.GetFiles(DocsDir, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n != "README").OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.All.Select(d => d.Id), pages);
    }

    [Fact]
    public void Unshipped_release_tracking_lists_every_id_with_its_category_and_severity()
    {
        var analyzers = Path.Combine(SharedFiles.RepositoryRoot, "src", "Analyzers");
        var shipped = File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Shipped.md"));
        var unshipped = File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Unshipped.md"));

        Assert.Equal("; Shipped analyzer releases", shipped[0]);
        Assert.Contains("### New Rules", unshipped);
        Assert.Contains("Rule ID | Category | Severity | Notes", unshipped);
        var rows = unshipped.Where(l => l.StartsWith("SM", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            RuleCatalog.All.Select(d => $"{d.Id} | {d.CategoryName} | {d.DefaultSeverity} | {d.Title}"),
            rows);
    }

    [Fact]
    public void Every_model_rule_is_registered_once_and_every_other_id_has_its_source()
    {
        var ruleIds = RuleSet.All.Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ruleIds.Count, ruleIds.Distinct().Count());
        Assert.All(ruleIds, id => Assert.NotNull(RuleCatalog.Find(id)));

        // Compiler-only IDs come from the Roslyn analyzer, SM1xxx from the validator and the reader (but the target
        // release's SM1010/SM1011, which are model rules), SM2022 from the reader, SM5xxx from the comparison with the
        // released manifests (UpdateCheck).
        var targetRules = new[] { RuleIds.FieldNotInTargetVersion, RuleIds.FieldDroppedByFeatureGate };
        var fromElsewhere = RuleCatalog.All
            .Where(d => !d.AppliesToYaml || (d.Category == RuleCategory.ApiValidation && !targetRules.Contains(d.Id)) || d.Category == RuleCategory.UpdateSafety || d.Id == RuleIds.DuplicateYamlKey)
            .Select(d => d.Id);
        Assert.Equal(RuleCatalog.All.Select(d => d.Id).Except(fromElsewhere).OrderBy(i => i, StringComparer.Ordinal), ruleIds.OrderBy(i => i, StringComparer.Ordinal));
    }
}
