using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §A.1: apps/v1 defaulting as the simulation's API server applies it.</summary>
public class A_DefaultingTests
{
    [Fact]
    public void A1_An_empty_spec_gets_every_default()
    {
        var set = StatefulSetDefaulting.Apply(new StatefulSet { Spec = new StatefulSetSpec() }, FeatureGates.Kubernetes136);
        var spec = set.Spec!;

        Assert.Equal(1, spec.Replicas);
        Assert.Equal(PodManagementPolicy.OrderedReady, spec.PodManagementPolicy!.Value.Known);
        Assert.Equal(UpdateStrategyType.RollingUpdate, spec.UpdateStrategy!.Type!.Value.Known);
        Assert.Equal(0, spec.UpdateStrategy.RollingUpdate!.Partition);
        Assert.Null(spec.UpdateStrategy.RollingUpdate.MaxUnavailable);
        Assert.Equal(ClaimRetentionPolicy.Retain, spec.PersistentVolumeClaimRetentionPolicy!.WhenDeleted!.Value.Known);
        Assert.Equal(ClaimRetentionPolicy.Retain, spec.PersistentVolumeClaimRetentionPolicy.WhenScaled!.Value.Known);
        Assert.Equal(10, spec.RevisionHistoryLimit);
        Assert.Equal(0, spec.MinReadySeconds);
        Assert.Null(spec.Ordinals);
    }

    [Fact]
    public void A1_type_RollingUpdate_without_a_rollingUpdate_stanza_stays_nil()
    {
        var set = StatefulSetDefaulting.Apply(TestSets.Web().WithNilRollingUpdate(), FeatureGates.Kubernetes136);

        Assert.Null(set.Spec!.UpdateStrategy!.RollingUpdate);
    }

    [Fact]
    public void A1_maxUnavailable_defaults_to_1_only_with_the_gate_on_and_is_dropped_on_create_when_off()
    {
        var on = FeatureGates.Kubernetes136 with { MaxUnavailableStatefulSet = true };
        Assert.Equal(IntOrString.FromInt(1), StatefulSetDefaulting.Apply(TestSets.Web(), on).Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);

        var written = StatefulSetDefaulting.Apply(TestSets.Web().WithMaxUnavailable("50%"), FeatureGates.Kubernetes136);
        Assert.Equal(IntOrString.FromString("50%"), written.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);
        Assert.Null(StatefulSetDefaulting.DropDisabledFields(written, null, FeatureGates.Kubernetes136).Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);
        Assert.Equal(written, StatefulSetDefaulting.DropDisabledFields(written, written, FeatureGates.Kubernetes136));
        Assert.Equal(written, StatefulSetDefaulting.DropDisabledFields(written, null, on));
    }

    [Fact]
    public void A1_Pod_template_defaults_make_two_spellings_of_one_template_the_same_revision()
    {
        var explicitSet = TestSets.Web();
        var container = explicitSet.Spec!.Template!.Spec!.Containers![0];
        explicitSet = explicitSet with
        {
            Spec = explicitSet.Spec with
            {
                Template = explicitSet.Spec.Template with
                {
                    Spec = explicitSet.Spec.Template.Spec with
                    {
                        RestartPolicy = RestartPolicy.Always,
                        DnsPolicy = DnsPolicy.ClusterFirst,
                        TerminationGracePeriodSeconds = 30,
                        Containers = ValueList.Of(container with { ImagePullPolicy = PullPolicy.IfNotPresent, TerminationMessagePath = "/dev/termination-log" }),
                    },
                },
            },
        };

        var a = StatefulSetSimulation.Create(TestSets.Web());
        var b = StatefulSetSimulation.Create(explicitSet);
        a.Reconcile();
        b.Reconcile();

        Assert.Equal(a.Status.UpdateRevision, b.Status.UpdateRevision);
        var defaulted = a.UpdateRevision!.Template;
        Assert.Equal(RestartPolicy.Always, defaulted.Spec!.RestartPolicy!.Value.Known);
        Assert.Equal(PullPolicy.IfNotPresent, defaulted.Spec.Containers![0].ImagePullPolicy!.Value.Known);
        Assert.Equal(Protocol.TCP, defaulted.Spec.Containers[0].Ports![0].Protocol!.Value.Known);
    }

    [Theory]
    [InlineData("nginx", PullPolicy.Always)]
    [InlineData("nginx:latest", PullPolicy.Always)]
    [InlineData("registry:5000/team/nginx", PullPolicy.Always)]
    [InlineData("registry:5000/team/nginx:1.25", PullPolicy.IfNotPresent)]
    [InlineData("nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000", PullPolicy.IfNotPresent)]
    public void A1_imagePullPolicy_defaults_from_the_image_tag(string image, PullPolicy expected)
    {
        var template = StatefulSetDefaulting.ApplyToPodTemplate(TestSets.Web(image: image).Spec!.Template!);

        Assert.Equal(expected, template.Spec!.Containers![0].ImagePullPolicy!.Value.Known);
    }
}
