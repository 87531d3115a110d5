using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Limits the API server does not check but that stop the controller from creating pods.</summary>
public sealed class ClusterLimitRulesTests
{
    [Fact]
    public void A52CharacterNameIsAccepted() => Expect.Valid(Named(new string('w', 52)));

    // Issue 10 (deliverable 5): these tests used to expect a validation error for names of 53–63 characters. The API
    // server accepts such a name (the pods fail later, on the controller-revision-hash label), so it is the lint SM2010
    // only (see ReliabilityRuleTests) and never an API validation error.
    [Fact]
    public void A53CharacterNameIsNotAnApiValidationError() => Expect.Valid(Named(new string('w', 53)));

    [Fact]
    public void ALongNameWithAHighOrdinalBreaksTheHostname()
    {
        var name = new string('w', 60);
        Expect.Only(
            Named(name) with { Spec = Baseline.Web.Spec! with { Replicas = 1000 } },
            Invalid,
            "metadata.name",
            "Invalid value: \"" + name + "\": pod name \"" + name + "-999\" (the highest ordinal, ordinals.start + replicas - 1) is 64 characters: a pod's name becomes its hostname, which must be a DNS-1123 label of no more than 63 characters, so that pod could not be created");
    }

    [Fact]
    public void OrdinalsStartCountsTowardsTheHostname()
    {
        var name = new string('w', 60);
        var errors = Expect.Errors(Named(name) with { Spec = Baseline.Web.Spec! with { Replicas = 1, Ordinals = new StatefulSetOrdinals { Start = 100 } } });
        Assert.Contains(errors, e => e.Detail.StartsWith("pod name \"" + name + "-100\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroReplicasCreateNoPodAndNoHostname() => Expect.Valid(Named(new string('w', 62)) with { Spec = Baseline.Web.Spec! with { Replicas = 0 } });

    [Fact]
    public void LongGeneratedNamesAreNotAnApiValidationError() => Expect.Valid(Baseline.WithMeta(m => m with { Name = null, GenerateName = new string('w', 48) + "-" }));

    [Fact]
    public void ShortGenerateNameIsAccepted() => Expect.Valid(Baseline.WithMeta(m => m with { Name = null, GenerateName = new string('w', 46) + "-" }));

    private static StatefulSet Named(string name) => Baseline.WithMeta(m => m with { Name = name });
}
