using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The naming rules shared by the controller model, the DNS view and the generated companions.</summary>
public sealed class StatefulSetNamesTests
{
    [Fact]
    public void Pods_claims_and_dns_names_follow_the_controller_and_cluster_dns()
    {
        Assert.Equal("web-0", StatefulSetNames.PodName("web", 0));
        Assert.Equal("web-12", StatefulSetNames.PodName("web", 12));
        Assert.Equal("www-web-3", StatefulSetNames.ClaimName("www", StatefulSetNames.PodName("web", 3)));
        Assert.Equal("nginx.shop.svc.cluster.local", StatefulSetNames.ServiceDomain("nginx", "shop", "cluster.local"));
        Assert.Equal("web-1.nginx.shop.svc.corp.example", StatefulSetNames.PodFqdn("web-1", "nginx", "shop", "corp.example"));
    }

    [Fact]
    public void Ordinals_are_culture_invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture whose native digits or group separators would change the name if it leaked in.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR") { NumberFormat = { NegativeSign = "−", NumberGroupSeparator = "." } };
            Assert.Equal("web-1000", StatefulSetNames.PodName("web", 1000));
            Assert.Equal("web--1", StatefulSetNames.PodName("web", -1));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        Assert.Equal("setName", Assert.Throws<ArgumentNullException>(() => StatefulSetNames.PodName(null!, 0)).ParamName);
        Assert.Equal("podName", Assert.Throws<ArgumentNullException>(() => StatefulSetNames.ClaimName("www", null!)).ParamName);
        Assert.Equal("namespace", Assert.Throws<ArgumentNullException>(() => StatefulSetNames.PodFqdn("web-0", "nginx", null!, "cluster.local")).ParamName);
    }

    [Fact]
    public void The_controller_model_names_pods_and_claims_with_them()
    {
        var simulation = Workload.StatefulSet("db").Replicas(2).ServiceName("db")
            .Container("pg", c => c.Image("postgres:16").Mount("data", "/data"))
            .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
            .Build().Simulate();
        simulation.RunUntilConverged();
        Assert.Equal([StatefulSetNames.PodName("db", 0), StatefulSetNames.PodName("db", 1)], simulation.Pods.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(StatefulSetNames.ClaimName("data", "db-1"), simulation.Claims.Select(c => c.Name));
    }

    [Theory]
    [InlineData("db-0", 0)]
    [InlineData("db-12", 12)]
    [InlineData("db-007", null)]
    [InlineData("db-x", null)]
    [InlineData("dbx-1", null)]
    [InlineData("db-1-2", null)]
    [InlineData("db-", null)]
    [InlineData("db-99999999999", null)]
    public void Only_a_name_the_controller_gives_has_a_pod_ordinal(string name, int? ordinal) =>
        Assert.Equal(ordinal, StatefulSetNames.PodOrdinal("db", name));

    [Theory]
    [InlineData("data-db-3", 3)]
    [InlineData("data-db-03", null)]
    [InlineData("data-dbx-3", null)]
    [InlineData("logs-db-3", null)]
    [InlineData("data-db-3-1", null)]
    [InlineData("data-db", null)]
    public void Only_the_claim_the_controller_looks_up_has_a_claim_ordinal(string name, int? ordinal) =>
        Assert.Equal(ordinal, StatefulSetNames.ClaimOrdinal("data", "db", name));
}
