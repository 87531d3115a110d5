using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>Every descriptor the analyzer reports comes from the catalogue and links to an existing docs page.</summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void Every_supported_descriptor_links_to_its_docs_page_in_the_repository()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var descriptors = new WorkloadEvaluationAnalyzer().SupportedDiagnostics;
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            var rule = RuleCatalog.Find(descriptor.Id);
            Assert.NotNull(rule);
            Assert.Equal(RuleCatalog.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(docs, descriptor.Id + ".md")), "no docs page for " + descriptor.Id);
            Assert.Equal(rule!.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.CategoryName, descriptor.Category);
        }

        // Everything in the catalogue that can be said about C# is reported: all but the YAML-text rules.
        Assert.Equal(
            RuleCatalog.All.Select(r => r.Id).Where(id => id is not RuleIds.UnreadableManifest and not RuleIds.DuplicateYamlKey),
            descriptors.Select(d => d.Id));
    }

    [Fact]
    public void Help_links_point_into_the_repository_the_packages_declare()
    {
        // Directory.Build.props gives every package its RepositoryUrl; the links must lead there.
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props"));
        var repository = props.Descendants("StatefulManifestsRepositoryUrl").Single().Value;
        Assert.Equal(RuleCatalog.HelpLinkBase, repository + "/blob/main/docs/diagnostics/");
        Assert.All(RuleCatalog.All, rule => Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", "diagnostics", rule.Id + ".md")), "no docs page for " + rule.Id));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatefulManifests.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
