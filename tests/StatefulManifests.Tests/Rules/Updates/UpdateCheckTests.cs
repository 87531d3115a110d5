using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Rules;
using StatefulManifests.Rules.Updates;
using StatefulManifests.Tests.Validation;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Rules.Updates;

/// <summary>Issue 10, deliverable 3a: the new workload against the released one (UpdateCheck.Compare).</summary>
public sealed class UpdateCheckTests
{
    private const string ApiMessage = "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    [Fact]
    public void AnImageChangeIsAllowedAndReportsNothing()
    {
        var comparison = UpdateCheck.Compare(Baseline.Web, Baseline.Web.WithImage("registry.k8s.io/nginx-slim:0.27"));
        Assert.Empty(comparison.Changes);
        Assert.Empty(comparison.Findings);
        Assert.False(comparison.RequiresRecreate);
    }

    [Fact]
    public void ASelectorChangeIsAnErrorWithTheApiServersMessageAndTheMigrationPath()
    {
        var updated = Baseline.WithSpec(s => s with
        {
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx"), ("tier", "web")) },
            Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx"), ("tier", "web")) } },
        });

        var comparison = UpdateCheck.Compare(Baseline.Web, updated);

        var finding = Assert.Single(comparison.Findings);
        Assert.Equal((RuleIds.ForbiddenStatefulSetUpdate, "spec.selector", FindingSeverity.Error), (finding.RuleId, finding.Path.ToString(), finding.Severity));
        Assert.Equal(
            "spec.selector: selector changed from {\"matchLabels\":{\"app\":\"nginx\"}} to {\"matchLabels\":{\"app\":\"nginx\",\"tier\":\"web\"}} since the released manifest; the API server rejects this update with \"" + ApiMessage + "\" — to roll it out, delete the StatefulSet but keep its pods and claims (kubectl delete statefulset web -n default --cascade=orphan), then apply the new manifest: the claims are kept and reused by name; pods the new selector does not match are not adopted — delete those one at a time and the controller recreates them on their claims",
            finding.Message);
        Assert.True(comparison.RequiresRecreate);
    }

    [Fact]
    public void TheErrorAgreesWithTheValidatorAndTheSimulator()
    {
        var updated = Baseline.WithSpec(s => s with { ServiceName = "nginx-headless", PodManagementPolicy = PodManagementPolicy.Parallel });

        var findings = UpdateCheck.Compare(Baseline.Web, updated).Findings;

        Assert.Equal(["spec.serviceName", "spec.podManagementPolicy"], findings.Select(f => f.Path.ToString()));
        Assert.All(findings, f => Assert.Contains(ApiMessage, f.Message, StringComparison.Ordinal));
        Assert.Equal(ApiMessage, Assert.Single(UpdateValidator.ValidateUpdate(Baseline.Web, updated)).ToString());
        var sim = Baseline.Web.Simulate();
        Assert.Equal(ApiMessage, Assert.Single(Assert.Throws<StatefulSetRejectedException>(() => sim.Apply(sim.StatefulSet! with { Spec = sim.StatefulSet.Spec! with { ServiceName = "nginx-headless" } })).Errors).ToString());
    }

    [Fact]
    public void ASizeChangeIsForbiddenAndWarnsThatExistingClaimsKeepTheirSize()
    {
        var updated = Baseline.WithClaim(c => c with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("5Gi"))) } });

        var findings = UpdateCheck.Compare(Baseline.Web, updated).Findings;

        Assert.Equal([RuleIds.ForbiddenStatefulSetUpdate, RuleIds.ClaimTemplateStorageChanged], findings.Select(f => f.RuleId));
        Assert.Equal("spec.volumeClaimTemplates[0]", findings[0].Path.ToString());
        Assert.StartsWith("spec.volumeClaimTemplates[0]: claim template \"www\" changed (spec.resources) since the released manifest; the API server rejects this update", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("existing claims keep their old spec", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(
            "spec.volumeClaimTemplates[0].spec.resources.requests[storage]: the storage request of claim template \"www\" changes from 1Gi to 5Gi, but the existing claims (www-web-0, www-web-1, www-web-2) keep 1Gi: a StatefulSet never changes a claim it created, and its templates cannot be updated (SM5001); to resize them, expand each claim (kubectl patch pvc <claim> -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"5Gi\"}}}}'; its storage class must allow volume expansion), then orphan-delete the StatefulSet (kubectl delete statefulset web -n default --cascade=orphan) and apply",
            findings[1].Message);
        Assert.Equal(FindingSeverity.Warning, findings[1].Severity);
    }

    [Fact]
    public void ASmallerSizeCannotShrinkClaims() =>
        Assert.Contains(
            "a claim cannot shrink",
            UpdateCheck.Compare(Baseline.Web, Baseline.WithClaim(c => c with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("512Mi"))) } })).Findings[1].Message,
            StringComparison.Ordinal);

    [Fact]
    public void AStorageClassChangeWarnsThatOnlyNewClaimsGetIt()
    {
        var findings = UpdateCheck.Compare(Baseline.Web, Baseline.WithClaim(c => c with { StorageClassName = "fast-ssd" })).Findings;

        var warning = Assert.Single(findings, f => f.RuleId == RuleIds.ClaimTemplateStorageChanged);
        Assert.Equal("spec.volumeClaimTemplates[0].spec.storageClassName", warning.Path.ToString());
        Assert.StartsWith("spec.volumeClaimTemplates[0].spec.storageClassName: the storage class of claim template \"www\" changes from \"my-storage-class\" to \"fast-ssd\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("only claims created from now on (new ordinals) get the new class", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARenamedClaimTemplateOrphansItsClaims()
    {
        var claim = Baseline.Web.Spec!.VolumeClaimTemplates![0];
        var updated = Baseline.WithSpec(s => s with
        {
            VolumeClaimTemplates = ValueList.Of(claim with { Metadata = new ObjectMeta { Name = "content" } }),
            Template = s.Template! with { Spec = s.Template.Spec! with { Containers = ValueList.Of(s.Template.Spec.Containers![0] with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "content", MountPath = "/usr/share/nginx/html" }) }) } },
        });

        var findings = UpdateCheck.Compare(Baseline.Web, updated).Findings;

        Assert.Equal(
            [(RuleIds.ForbiddenStatefulSetUpdate, "spec.volumeClaimTemplates[0]"), (RuleIds.ForbiddenStatefulSetUpdate, "spec.volumeClaimTemplates"), (RuleIds.ClaimTemplateRemoved, "spec.volumeClaimTemplates")],
            findings.Select(f => (f.RuleId, f.Path.ToString())));
        Assert.Contains("claim template \"content\" was added", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("claim template \"www\" was removed", findings[1].Message, StringComparison.Ordinal);
        Assert.Equal(
            "spec.volumeClaimTemplates: claim template \"www\" of the released StatefulSet is gone (renamed to \"content\"?); its claims (www-web-0, www-web-1, www-web-2) are orphaned — they stay with their data but no pod mounts them any more — and a renamed template gets new, empty volumes; keep the template's name, or copy the data over before deleting the old claims",
            findings[2].Message);
    }

    [Fact]
    public void AScaleDownUnderWhenScaledDeleteWarnsThatClaimsAreDeleted()
    {
        var released = Baseline.WithSpec(s => s with { Replicas = 6, PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenScaled = ClaimRetentionPolicy.Delete } });

        var finding = Assert.Single(UpdateCheck.Compare(released, released.WithReplicas(1)).Findings);

        Assert.Equal(
            "spec.replicas: the update removes pods web-1, web-2, web-3, web-4 and 1 more while persistentVolumeClaimRetentionPolicy.whenScaled is Delete, so their claims (www-web-1, www-web-2, www-web-3, www-web-4 and 1 more) and the data on them are deleted; back them up first, or keep whenScaled: Retain for the scale-down",
            finding.Message);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        var change = UpdateCheck.Compare(released, released.WithReplicas(1)).Changes[0];
        Assert.Equal(5, change.Claims.Count);
        Assert.Equal(["web-1", "web-2", "web-3", "web-4", "web-5"], change.Pods);
    }

    [Fact]
    public void AScaleDownUnderRetainOrAScaleUpIsSafe()
    {
        Assert.Empty(UpdateCheck.Compare(Baseline.Web, Baseline.Web.WithReplicas(1)).Findings);
        var deleting = Baseline.WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenScaled = ClaimRetentionPolicy.Delete } });
        Assert.Empty(UpdateCheck.Compare(deleting, deleting.WithReplicas(5)).Findings);
    }

    [Fact]
    public void MovingOrdinalsStartCondemnsTheLowOrdinalsToo()
    {
        var released = Baseline.WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenScaled = ClaimRetentionPolicy.Delete } });

        var finding = Assert.Single(UpdateCheck.Compare(released, released.WithOrdinalsStart(2)).Findings);

        Assert.Equal("spec.ordinals.start", finding.Path.ToString());
        Assert.Contains("removes pods web-0, web-1 while", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReleasedManifestIsComparedAsTheApiServerStoresIt()
    {
        // A released manifest exported from the cluster carries defaults and equal quantities in another spelling.
        var exported = Baseline.WithSpec(s => s with
        {
            PodManagementPolicy = PodManagementPolicy.OrderedReady,
            VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with
            {
                Spec = s.VolumeClaimTemplates[0].Spec! with { VolumeMode = VolumeMode.Filesystem, Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1024Mi"))) } },
                Status = new PersistentVolumeClaimStatus { Phase = "Pending" },
            }),
        });

        Assert.Empty(UpdateCheck.Compare(exported, Baseline.Web).Findings);
    }

    [Fact]
    public void AServiceThatStopsBeingHeadlessIsAnErrorOnTheService()
    {
        var released = new StatefulWorkload(Baseline.Web, Baseline.Nginx, null, ValueList<ManifestPatch>.Empty);
        var updated = released with { Service = Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.20" }) };

        var finding = Assert.Single(UpdateCheck.Compare(released, updated).Findings);

        Assert.Equal((RuleIds.ForbiddenServiceUpdate, FindingSubject.Service, "spec.clusterIP"), (finding.RuleId, finding.Subject, finding.Path.ToString()));
        Assert.Equal(
            "spec.clusterIP: changed since the released manifest; the API server rejects this update with \"spec.clusterIPs[0]: Invalid value: [\"10.96.0.20\"]: may not change once set\" — delete the Service and apply it again (kubectl delete service nginx -n default); the pods' DNS names do not resolve until it is back",
            finding.Message);
    }

    [Fact]
    public void TheSameBaselineAndWorkloadGiveTheSameComparison() =>
        Assert.Equal(UpdateCheck.Compare(Baseline.Web, Baseline.WithSpec(s => s with { ServiceName = "x" })), UpdateCheck.Compare(Baseline.Web, Baseline.WithSpec(s => s with { ServiceName = "x" })));

    [Fact]
    public void NullArgumentsAreArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => UpdateCheck.Compare((StatefulSet)null!, Baseline.Web));
        Assert.Throws<ArgumentNullException>(() => UpdateCheck.Compare(Baseline.Web, (StatefulSet)null!));
        Assert.NotNull(UpdateCheck.Compare(new StatefulSet(), new StatefulSet()));
    }
}
