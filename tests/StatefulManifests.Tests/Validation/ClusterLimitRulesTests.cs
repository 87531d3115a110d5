using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Limits the API server does not check but that stop the controller from creating pods.</summary>
public sealed class ClusterLimitRulesTests
{
    private const string RevisionLabelDetail =
        "must be no more than 52 characters: the StatefulSet controller labels every pod with controller-revision-hash=<name>-<revision hash of up to 10 characters>, and a label value longer than 63 characters is rejected, so the pods could not be created";

    [Fact]
    public void A52CharacterNameIsAccepted() => Expect.Valid(Named(new string('w', 52)));

    [Fact]
    public void A53CharacterNameCannotCarryTheRevisionLabel()
    {
        var name = new string('w', 53);
        Expect.Only(Named(name), Invalid, "metadata.name", "Invalid value: \"" + name + "\": " + RevisionLabelDetail);
    }

    [Fact]
    public void ALongNameWithAHighOrdinalAlsoBreaksTheHostname()
    {
        var name = new string('w', 60);
        Expect.Exactly(
            Expect.Errors(Named(name) with { Spec = Baseline.Web.Spec! with { Replicas = 1000 } }),
            (Invalid, "metadata.name", "Invalid value: \"" + name + "\": " + RevisionLabelDetail),
            (Invalid, "metadata.name", "Invalid value: \"" + name + "\": pod name \"" + name + "-999\" (the highest ordinal, ordinals.start + replicas - 1) is 64 characters: a pod's name becomes its hostname, which must be a DNS-1123 label of no more than 63 characters, so that pod could not be created"));
    }

    [Fact]
    public void OrdinalsStartCountsTowardsTheHostname()
    {
        var name = new string('w', 60);
        var errors = Expect.Errors(Named(name) with { Spec = Baseline.Web.Spec! with { Replicas = 1, Ordinals = new StatefulSetOrdinals { Start = 100 } } });
        Assert.Contains(errors, e => e.Detail.StartsWith("pod name \"" + name + "-100\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroReplicasCreateNoPodAndNoHostname()
    {
        var name = new string('w', 62);
        Expect.Only(Named(name) with { Spec = Baseline.Web.Spec! with { Replicas = 0 } }, Invalid, "metadata.name", "Invalid value: \"" + name + "\": " + RevisionLabelDetail);
    }

    [Fact]
    public void GeneratedNamesAreMeasuredWithTheirRandomSuffix()
    {
        var prefix = new string('w', 48) + "-";
        Expect.Only(
            Baseline.WithMeta(m => m with { Name = null, GenerateName = prefix }),
            Invalid,
            "metadata.generateName",
            "Invalid value: \"" + prefix + "\": " + RevisionLabelDetail);
    }

    [Fact]
    public void ShortGenerateNameIsAccepted() => Expect.Valid(Baseline.WithMeta(m => m with { Name = null, GenerateName = new string('w', 46) + "-" }));

    private static StatefulSet Named(string name) => Baseline.WithMeta(m => m with { Name = name });
}
