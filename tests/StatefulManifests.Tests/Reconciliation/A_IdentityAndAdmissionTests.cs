using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §A.2 (identity the controller stamps) and §C.2 (what the API server refuses on update).</summary>
public class A_IdentityAndAdmissionTests
{
    [Fact]
    public void A2_Pods_get_their_name_labels_hostname_subdomain_owner_and_claim_volumes()
    {
        var set = TestSets.Web(1);
        var template = set.Spec!.Template!;
        set = set with { Spec = set.Spec with { Template = template with { Spec = template.Spec! with { Volumes = ValueList.Of(new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource() }, new Volume { Name = "config", EmptyDir = new EmptyDirVolumeSource() }) } } } };
        var sim = TestSets.Converged(set);
        var pod = sim.Pod(0);

        Assert.Equal("web-0", pod.Name);
        Assert.Equal("web", pod.Labels["app"]);
        Assert.Equal("web-0", pod.Labels[WellKnownLabels.PodName]);
        Assert.Equal("0", pod.Labels[WellKnownLabels.PodIndex]);
        Assert.Equal(sim.Status.UpdateRevision, pod.Labels[WellKnownLabels.ControllerRevisionHash]);
        Assert.Equal("web-0", pod.Spec.Hostname);
        Assert.Equal("web", pod.Spec.Subdomain);
        var owner = Assert.Single(pod.OwnerReferences);
        Assert.Equal(("StatefulSet", "web", true, true), (owner.Kind, owner.Name, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal(new[] { "data", "config" }, pod.Spec.Volumes!.Select(v => v.Name));
        Assert.Equal("data-web-0", pod.Spec.Volumes![0].PersistentVolumeClaim!.ClaimName);
        Assert.NotNull(pod.Spec.Volumes[1].EmptyDir);
    }

    [Theory]
    [InlineData("web-0", 0)]
    [InlineData("web-12", 12)]
    [InlineData("my-web-3", 3)]
    [InlineData("web", -1)]
    [InlineData("web-", -1)]
    [InlineData("web-1a", -1)]
    [InlineData("web-99999999999", -1)]
    public void A2_The_ordinal_is_the_all_digit_text_after_the_last_dash(string name, int ordinal)
    {
        Assert.Equal(ordinal, PodIdentity.ParseOrdinal(name));
    }

    [Theory]
    [InlineData("data-web-3", true)]
    [InlineData("data-web-03", false)]
    [InlineData("data-web-4", false)]
    [InlineData("data-webx-3", false)]
    [InlineData("logs-web-3", false)]
    [InlineData(null, false)]
    public void A2_Claim_names_are_template_set_ordinal(string? candidate, bool matches)
    {
        Assert.Equal(matches, PodIdentity.IsClaimName(candidate, "data", "web", 3));
        Assert.Equal("data-web-3", PodIdentity.ClaimName("data", "web", 3));
    }

    [Fact]
    public void A2_A_set_name_too_long_for_the_revision_label_passes_admission_but_its_pods_cannot_be_created()
    {
        var name = new string('a', 60);
        var set = TestSets.Web(1) with { Metadata = new ObjectMeta { Name = name } };

        // The API server accepts the name (§A.2); the project's validator may flag it as a practical limit, so it is
        // switched off here to model exactly what the cluster does.
        var sim = StatefulSetSimulation.Create(set, new SimulationOptions { Validate = false });

        var pass = sim.Step();

        Assert.Contains("must be no more than 63 characters", pass.Error);
        Assert.Empty(sim.Pods);
        Assert.NotEmpty(sim.Events.WithReason("FailedCreate"));
    }

    [Fact]
    public void C2_Changing_an_immutable_field_is_rejected_with_the_API_servers_message()
    {
        var sim = TestSets.Converged(TestSets.Web());

        var error = Assert.Throws<StatefulSetRejectedException>(() => sim.Apply(s => s.WithPodManagementPolicy(PodManagementPolicy.Parallel)));

        var fieldError = Assert.Single(error.Errors);
        Assert.Equal(FieldErrorType.Forbidden, fieldError.Type);
        Assert.Equal("spec", fieldError.Path.ToString());
        Assert.Contains("updates to statefulset spec for fields other than 'replicas'", fieldError.Detail);
        Assert.Equal(1, sim.Generation);
    }

    [Fact]
    public void C1_Invalid_sets_are_rejected_with_every_error_at_once()
    {
        var set = TestSets.Web(-1).WithPartition(-2) with { Metadata = new ObjectMeta() };

        var error = Assert.Throws<StatefulSetRejectedException>(() => StatefulSetSimulation.Create(set));

        Assert.Contains(error.Errors, e => e.Path.ToString() == "metadata.name");
        Assert.Contains(error.Errors, e => e.Path.ToString() == "spec.replicas");
        Assert.Contains(error.Errors, e => e.Path.ToString() == "spec.updateStrategy.rollingUpdate.partition");
        Assert.StartsWith("StatefulSet.apps \"\" is invalid: [", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1_A_selector_that_does_not_match_the_template_is_rejected()
    {
        var set = TestSets.Web();
        set = set with { Spec = set.Spec! with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "other")) } } };

        var error = Assert.Throws<StatefulSetRejectedException>(() => StatefulSetSimulation.Create(set));

        Assert.Contains(error.Errors, e => e.Path.ToString() == "spec.template.metadata.labels" && e.Detail.Contains("does not match"));
    }

    [Fact]
    public void C_Scale_rejects_negative_replicas_and_bumps_the_generation()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());

        Assert.Throws<StatefulSetRejectedException>(() => sim.Scale(-1));
        sim.Scale(5);
        Assert.Equal(2, sim.Generation);
        sim.Scale(5);
        Assert.Equal(2, sim.Generation);
    }
}
