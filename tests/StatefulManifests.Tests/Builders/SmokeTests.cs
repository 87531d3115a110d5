using StatefulManifests.Model;

namespace StatefulManifests.Tests.Builders;

public class SmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void WebRenders()
    {
        var yaml = Workload.StatefulSet("web")
            .SelectorLabels(("app", "nginx"))
            .ServiceName("nginx")
            .Replicas(3)
            .Container("nginx", c => c.Image("registry.k8s.io/nginx-slim:0.24").Port("web", 80).Mount("www", "/usr/share/nginx/html"))
            .VolumeClaim("www", v => v.AccessModes(AccessMode.ReadWriteOnce).StorageClass("my-storage-class").Storage("1Gi"))
            .DisruptionBudget()
            .Render();
        output.WriteLine(yaml);
        Assert.Contains("clusterIP: None", yaml, StringComparison.Ordinal);
    }
}
