namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>
/// Test sources: a workload that satisfies every rule of the catalogue, and a way to change one fragment of it, so
/// each rule's case shows the smallest change that makes it fire.
/// </summary>
public static class Declarations
{
    /// <summary>The body of a workload with no finding at all.</summary>
    public const string CleanBody = """
        Workload.StatefulSet("web")
                .Namespace("shop")
                .SelectorLabels(("app.kubernetes.io/name", "web"))
                .Replicas(3)
                .ServiceAccountName("web")
                .SpreadAcrossNodes()
                .DisruptionBudget(maxUnavailable: 1)
                .NetworkPolicy(p => p.RestrictEgress())
                .Container("web", c => c
                    .Image("registry.example.com/web:1.4.2")
                    .ImagePullPolicy(PullPolicy.Always)
                    .Port("http", 8080)
                    .Requests(cpu: "250m", memory: "256Mi", ephemeralStorage: "1Gi")
                    .Limits(cpu: "500m", memory: "256Mi", ephemeralStorage: "1Gi")
                    .ReadinessProbe(p => p.HttpGet("/ready", "http"))
                    .LivenessProbe(p => p.HttpGet("/alive", "http"))
                    .SecurityContext(s => s.RunAsNonRoot().RunAsUser(10001).RunAsGroup(10001).ReadOnlyRootFilesystem().AllowPrivilegeEscalation(false).DropCapabilities("ALL"))
                    .Mount("data", "/var/lib/web"))
                .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage("1Gi"))
        """;

    /// <summary>A file declaring <c>Demo.Manifests.Web => body</c>, with <paramref name="members"/> beside it.</summary>
    public static string Declare(string body, string members = "") => $$"""
        using System.Diagnostics.CodeAnalysis;
        using StatefulManifests;
        using StatefulManifests.Model;

        namespace Demo;

        public static partial class Manifests
        {
        {{members}}
            [StatefulWorkload]
            public static StatefulSetBuilder Web => {{body}};
        }
        """;

    /// <summary>
    /// The clean workload with each fragment replaced (a fragment must occur exactly once); the pairs are
    /// <c>fragment, replacement, fragment, replacement, ...</c>.
    /// </summary>
    public static string CleanWith(params string[] edits)
    {
        Assert.True(edits.Length % 2 == 0, "edits come in pairs");
        var body = CleanBody;
        for (var i = 0; i < edits.Length; i += 2)
        {
            var first = body.IndexOf(edits[i], StringComparison.Ordinal);
            Assert.True(first >= 0 && body.IndexOf(edits[i], first + 1, StringComparison.Ordinal) < 0, "fragment must occur once: " + edits[i]);
            body = body.Replace(edits[i], edits[i + 1], StringComparison.Ordinal);
        }

        return Declare(body);
    }
}
