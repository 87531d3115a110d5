using StatefulManifests.EndToEnd.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// Every code fix the package ships applies from the command line: in a project referencing the package, one
/// violation per fixable ID, and <c>dotnet format analyzers --diagnostics ID --severity info</c> rewrites exactly
/// that violation, as the IDE's fix does (the fixes themselves are tested in StatefulManifests.Analyzers.Tests).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DotnetFormatFixTests(PackageFixture package, ITestOutputHelper output)
{
    private const string Program = """
        using StatefulManifests;
        using StatefulManifests.Model;

        Console.WriteLine(Manifests.Web.Render());

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("My_Web")
                .Replicas(3)
                .ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete)
                .HostNetwork(true)
                .Container("web", c => c
                    .Image("registry.example.com/web:1.4.2")
                    .ImagePullPolicy(PullPolicy.IfNotPresent)
                    .SecurityContext(s => s.RunAsNonRoot(false).Privileged(true).AllowPrivilegeEscalation(true).ReadOnlyRootFilesystem(false))
                    .Mount("data", "/var/lib/web")
                    .Mount("cache", "/var/cache/web"))
                .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("10GB"));
        }
        """;

    /// <summary>Rule, the fragment before, the fragment after its fix.</summary>
    public static TheoryData<string, string, string> Fixes => new()
    {
        { "SM1002", "StatefulSet(\"My_Web\")", "StatefulSet(\"my-web\")" },
        { "SM2013", "ClaimRetentionPolicy.Delete", "ClaimRetentionPolicy.Retain" },
        { "SM3007", "HostNetwork(true)", "HostNetwork(false)" },
        { "SM4002", "PullPolicy.IfNotPresent", "PullPolicy.Always" },
        { "SM3001", "RunAsNonRoot(false)", "RunAsNonRoot(true)" },
        { "SM3003", "Privileged(true)", "Privileged(false)" },
        { "SM3004", "AllowPrivilegeEscalation(true)", "AllowPrivilegeEscalation(false)" },
        { "SM3005", "ReadOnlyRootFilesystem(false)", "ReadOnlyRootFilesystem(true)" },
        { "SM2016", "AccessModes(AccessMode.ReadWriteOnce)", "AccessModes(AccessMode.ReadWriteOncePod)" },
        // The first of the two actions (decimal, then binary) is the one dotnet format applies.
        { "SM1008", "Storage(\"10GB\")", "Storage(\"10G\")" },
        { "SM0004", ".Storage(\"10GB\"));", ".Storage(\"10GB\"))\n        .VolumeClaim(\"cache\", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage(\"1Gi\"));" },
    };

    [Fact]
    public void Every_fixable_ID_has_a_case()
    {
        var fixable = typeof(StatefulManifests.Analyzers.CodeFixes.ReplacementCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(fixable.Order(StringComparer.Ordinal), Fixes.Select(f => (string)f[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Fixes))]
    public void Dotnet_format_applies_the_fix(string id, string before, string after)
    {
        var project = ConsumerProject.Create(package, "format-" + id.ToLowerInvariant(), Program, strict: false);
        var file = Path.Combine(project.Directory, "Program.cs");
        var original = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.Contains(before, original, StringComparison.Ordinal);
        DotNet.Run(project.Directory, "restore").AssertSucceeded("restore");

        var format = DotNet.Run(project.Directory, "format", "analyzers", "--diagnostics", id, "--severity", "info", "--no-restore", "--verbosity", "detailed");
        output.WriteLine(format.Output);
        format.AssertSucceeded("dotnet format analyzers --diagnostics " + id);

        Assert.Equal(original.Replace(before, after, StringComparison.Ordinal), File.ReadAllText(file).ReplaceLineEndings("\n"));
    }
}
