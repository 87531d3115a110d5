using StatefulManifests.EndToEnd.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// The packed package in a project created from nothing but that package: the build writes each workload's YAML,
/// identical to what the runtime DSL renders, with a kustomization; rebuilds leave unchanged files alone; a removed
/// workload's file goes and nothing else is touched; analyzers stop the build on an invalid workload.
/// </summary>
public sealed class PackageEndToEndTests(PackageFixture package, ITestOutputHelper output) : IClassFixture<PackageFixture>
{
    private const string Workloads = """
        using StatefulManifests;
        using StatefulManifests.Model;

        // The program renders the same declaration at run time, for comparison with the file the build wrote.
        File.WriteAllText(args[0], Manifests.Web.Render());
        Console.WriteLine(Manifests.WebManifest.PodFqdn(2));
        Console.WriteLine(Manifests.WebManifest.Claims.Www(2));

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web")
                .Namespace("default")
                .SelectorLabels(("app", "nginx"))
                .ServiceName("nginx")
                .Replicas(3)
                .MinReadySeconds(10)
                .TerminationGracePeriodSeconds(10)
                .Container("nginx", c => c
                    .Image("registry.k8s.io/nginx-slim:0.24")
                    .Port("web", 80)
                    .Mount("www", "/usr/share/nginx/html"))
                .VolumeClaim("www", v => v
                    .AccessModes(AccessMode.ReadWriteOnce)
                    .StorageClass("my-storage-class")
                    .Storage("1Gi"));

            [StatefulWorkload]
            public static StatefulSetBuilder Cache => Workload.StatefulSet("cache")
                .Replicas(2)
                .Container("redis", c => c.Image("redis:7").Port("redis", 6379));
        }
        """;

    [Fact]
    public void Package_layout_bundles_everything_under_one_reference()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(entries, new HashSet<string>(StringComparer.Ordinal)
        {
            "lib/netstandard2.0/StatefulManifests.dll",
            "analyzers/dotnet/cs/StatefulManifests.Generators.dll",
            "analyzers/dotnet/cs/StatefulManifests.Analyzers.dll",
            "analyzers/dotnet/cs/StatefulManifests.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/StatefulManifests.props",
            "build/StatefulManifests.targets",
            "buildTransitive/StatefulManifests.targets",
            "tasks/netstandard2.0/StatefulManifests.BuildTasks.dll",
            "tasks/host/StatefulManifests.Host.dll",
            "tasks/host/StatefulManifests.Host.runtimeconfig.json",
            "tasks/host/StatefulManifests.Host.deps.json",
            "tasks/host/StatefulManifests.dll",
            "tasks/host/YamlDotNet.dll",
            "README.md",
            "icon.png",
            "docs/diagnostics/README.md",
            "docs/diagnostics/SM1002.md",
            "docs/validation-rules.md",
        });
    }

    [Fact]
    public void Package_metadata_has_readme_icon_license_and_the_repository_its_help_links_use()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.Package);
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = System.Xml.Linq.XDocument.Load(stream);
        string Value(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("git", repository.Attribute("type")?.Value);
        var url = repository.Attribute("url")?.Value;
        Assert.False(string.IsNullOrEmpty(url));
        Assert.Equal(url, Value("projectUrl"));

        // A diagnostic's help link is <repository>/blob/main/docs/diagnostics/<ID>.md, and that page ships too.
        var helpLinkBase = url + "/blob/main/docs/diagnostics/";
        var analyzers = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "src", "Dsl", "Rules", "RuleCatalog.cs"));
        Assert.Contains("HelpLinkBase = \"" + helpLinkBase + "\"", analyzers, StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName == "docs/diagnostics/SM0001.md");
    }

    [Fact]
    public void Build_writes_yaml_identical_to_the_runtime_dsl_and_maintains_the_folder()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "ShopApp", Workloads);
        project.Build().AssertSucceeded("first build");

        var web = Path.Combine(project.ManifestsDirectory, "web.yaml");
        var cache = Path.Combine(project.ManifestsDirectory, "cache.yaml");
        var kustomization = Path.Combine(project.ManifestsDirectory, "kustomization.yaml");
        Assert.True(File.Exists(web) && File.Exists(cache) && File.Exists(kustomization), string.Join(", ", Directory.GetFiles(project.ManifestsDirectory)));
        Assert.Equal("# Generated by StatefulManifests from this project's [StatefulWorkload] declarations.\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- cache.yaml\n- web.yaml\n", File.ReadAllText(kustomization));

        // The bytes on disk are what the runtime DSL renders for the same declaration.
        var rendered = Path.Combine(package.Root, "runtime-web.yaml");
        var run = project.RunApp(rendered).AssertSucceeded("running the app");
        Assert.Equal(File.ReadAllBytes(rendered), File.ReadAllBytes(web));
        Assert.Contains("web-2.nginx.default.svc.cluster.local", run.Output, StringComparison.Ordinal);
        Assert.Contains("www-web-2", run.Output, StringComparison.Ordinal);

        ValidateWithKubectl(web, cache);

        // A rebuild rewrites nothing.
        var stamps = Directory.GetFiles(project.ManifestsDirectory).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(1100);
        project.Build().AssertSucceeded("rebuild");
        Assert.All(stamps, s => Assert.Equal(s.Value, File.GetLastWriteTimeUtc(s.Key)));

        // Removing a workload removes its file (and only it): a user's file in the folder survives.
        var notes = Path.Combine(project.ManifestsDirectory, "notes.txt");
        File.WriteAllText(notes, "mine");
        project.WriteProgram(Workloads.Replace("[StatefulWorkload]\n    public static StatefulSetBuilder Cache", "public static StatefulSetBuilder Cache", StringComparison.Ordinal));
        project.Build().AssertSucceeded("build without the cache workload");
        Assert.False(File.Exists(cache));
        Assert.True(File.Exists(web));
        Assert.Equal("mine", File.ReadAllText(notes));
        Assert.EndsWith("resources:\n- web.yaml\n", File.ReadAllText(kustomization), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_workload_fails_the_build_on_each_argument_with_its_id_and_help_link_and_writes_nothing()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "BrokenApp", """
            using StatefulManifests;
            using StatefulManifests.Model;
            Console.WriteLine(Manifests.DbManifest.PodName(0) + " " + Manifests.DbManifest.Claims.Data(0));

            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Db => Workload.StatefulSet("db")
                    .Replicas(-1)
                    .Container("pg", c => c.Image("postgres:16").Mount("wal", "/var/lib/wal"))
                    .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage("10GB"));
            }
            """);
        var build = project.Build();
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);
        const string Help = "https://github.com/statefulmanifests/statefulmanifests/blob/main/docs/diagnostics/";
        Assert.Contains("Program.cs(9,19): error SM1002: spec.replicas: Invalid value: -1: must be greater than or equal to 0", build.Output, StringComparison.Ordinal);
        Assert.Contains("(" + Help + "SM1002.md)", build.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(10,60): error SM0004: ", build.Output, StringComparison.Ordinal);
        Assert.Contains("(" + Help + "SM0004.md)", build.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(11,86): error SM1008: ", build.Output, StringComparison.Ordinal);
        Assert.Contains("10Gi (or 10G in decimal units)", build.Output, StringComparison.Ordinal);
        Assert.Contains("(" + Help + "SM1008.md)", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.ManifestsDirectory) && Directory.GetFiles(project.ManifestsDirectory).Length > 0);

        // Its own errors only: code using the invalid workload's companion class still compiles.
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }

    private void ValidateWithKubectl(params string[] files)
    {
        if (SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate"))
        {
            return;
        }

        var result = DotNet.Exec(SharedFiles.KubectlValidate!, Path.GetDirectoryName(files[0])!, files);
        output.WriteLine(result.Output);
        result.AssertSucceeded("kubectl-validate");

        // kubectl's built-in kustomize (offline) accepts the folder and emits every document of every workload.
        var kustomized = DotNet.Exec("kubectl", Path.GetDirectoryName(files[0])!, "kustomize", ".").AssertSucceeded("kubectl kustomize");
        Assert.Equal(files.Length, kustomized.Output.Split('\n').Count(l => l == "kind: StatefulSet"));
    }
}
