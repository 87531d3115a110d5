using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Builders;

/// <summary>The JSON-patch escape hatch applied to the rendered YAML.</summary>
public class PatchTests
{
    private static readonly StatefulSetBuilder Base = Workload.StatefulSet("web")
        .Container("nginx", c => c.Image("nginx:1.27").Port("web", 80).Env("A", "1"))
        .DisruptionBudget();

    /// <summary>Reads a value from the rendered YAML as a raw tree: patched fields may be unknown to the typed model.</summary>
    private static RawValue Read(string yaml, string kind, params string[] path)
    {
        var renamed = yaml.Replace("kind: " + kind + "\n", "kind: Raw" + kind + "\n", StringComparison.Ordinal);
        var raw = ManifestYaml.Read(renamed).Documents.OfType<UnmodelledObject>().Single(d => d.Kind == "Raw" + kind).Content;
        return path.Aggregate(raw, (node, key) => int.TryParse(key, out var i) ? node.List![i] : node.Map![key]);
    }

    [Fact]
    public void AddSetsAFieldTheModelLacksKeepingTheRest()
    {
        var yaml = Base.Patch(p => p.Add("/spec/template/spec/hostUsers", false)).Render();

        Assert.Equal(RawValue.Boolean(false), Read(yaml, "StatefulSet", "spec", "template", "spec", "hostUsers"));
        Assert.Equal(RawValue.String("nginx:1.27"), Read(yaml, "StatefulSet", "spec", "template", "spec", "containers", "0", "image"));
    }

    [Fact]
    public void AddOfEveryValueKind()
    {
        var raw = RawValue.FromMap([new("key", RawValue.String("v")), new("list", RawValue.FromList([RawValue.Number(1), RawValue.Null]))]);
        var yaml = Base.Patch(p => p
                .Add("/metadata/annotations", RawValue.FromMap([]))
                .Add("/metadata/annotations/text", "yes")
                .Add("/spec/rawExtension", raw)
                .Add("/spec/progressDeadline", 600))
            .Render();

        Assert.Equal(RawValue.String("yes"), Read(yaml, "StatefulSet", "metadata", "annotations", "text"));
        Assert.Equal(raw, Read(yaml, "StatefulSet", "spec", "rawExtension"));
        Assert.Equal(RawValue.Number(600), Read(yaml, "StatefulSet", "spec", "progressDeadline"));
        Assert.Contains("text: \"yes\"", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceAndRemoveExistingValues()
    {
        var yaml = Base.Patch(p => p
                .Replace("/spec/template/spec/containers/0/image", "nginx:1.28")
                .Remove("/spec/template/spec/containers/0/env"))
            .Render();
        var read = ManifestYaml.Read(yaml).StatefulSets.Single();

        Assert.Equal("nginx:1.28", read.Spec!.Template!.Spec!.Containers![0].Image);
        Assert.Null(read.Spec.Template.Spec.Containers[0].Env);
    }

    [Fact]
    public void ListsInsertAtAnIndexAppendWithDashAndReplaceOrRemoveByIndex()
    {
        var yaml = Base.Container("nginx", c => c.Command("a", "c"))
            .Patch(p => p
                .Add("/spec/template/spec/containers/0/command/1", "b")
                .Add("/spec/template/spec/containers/0/command/-", "d")
                .Replace("/spec/template/spec/containers/0/command/0", "A")
                .Remove("/spec/template/spec/containers/0/command/3"))
            .Render();

        Assert.Equal(ValueList.Of("A", "b", "c"), ManifestYaml.Read(yaml).StatefulSets.Single().Spec!.Template!.Spec!.Containers![0].Command);
    }

    [Fact]
    public void EscapedPointerTokensAddressKeysWithSlashesAndTildes()
    {
        // A label key cannot hold a "~", so the tilde is shown on a field the model lacks (read back as raw YAML).
        var yaml = Base.Patch(p => p.Add("/spec/template/metadata/labels/example.com~1role", "db").Add("/spec/a~0b", "t")).Render();
        var labels = ManifestYaml.Read(yaml).StatefulSets.Single().Spec!.Template!.Metadata!.Labels!;

        Assert.Equal("db", labels["example.com/role"]);
        Assert.Equal(RawValue.String("t"), Read(yaml, "StatefulSet", "spec", "a~b"));
    }

    [Fact]
    public void ServiceAndBudgetPatchesTargetTheirDocuments()
    {
        var yaml = Base
            .PatchService(p => p.Add("/spec/ipFamilyPolicy", "SingleStack"))
            .PatchDisruptionBudget(p => p.Replace("/spec/maxUnavailable", 2))
            .Render();
        var read = ManifestYaml.Read(yaml);

        Assert.Equal("SingleStack", read.Services.Single().Spec!.IpFamilyPolicy!.Value.Value);
        Assert.Equal(IntOrString.FromInt(2), read.PodDisruptionBudgets.Single().Spec!.MaxUnavailable);
        Assert.Null(read.StatefulSets.Single().Spec!.Template!.Spec!.HostUsers);
    }

    [Fact]
    public void PatchesAreKeptInTheWorkloadInOrder()
    {
        var w = Base.Patch(p => p.Add("/a", 1).Remove("/b")).PatchService(p => p.Add("/c", true)).Build();

        Assert.Equal(
            ValueList.Of(
                new ManifestPatch(WorkloadDocument.StatefulSet, PatchOperation.Add, "/a", RawValue.Number(1)),
                new ManifestPatch(WorkloadDocument.StatefulSet, PatchOperation.Remove, "/b", null),
                new ManifestPatch(WorkloadDocument.Service, PatchOperation.Add, "/c", RawValue.Boolean(true))),
            w.Patches);
    }

    [Fact]
    public void WithoutPatchesToYamlIsExactlyTheManifestWriterOutput()
    {
        var w = Base.Build();

        Assert.Equal(ManifestYaml.Write(w.Documents), w.ToYaml());
    }

    [Fact]
    public void PatchingNothingOfAnotherDocumentChangesNoByte()
    {
        var plain = Base.Render();
        var patched = Base.Patch(p => p.Add("/metadata/labels", RawValue.FromMap([]))).Render();

        var serviceAndBudget = (string s) => s.Split("---\n").Where(d => !d.Contains("kind: StatefulSet", StringComparison.Ordinal));
        Assert.Equal(serviceAndBudget(plain), serviceAndBudget(patched));
        Assert.NotEqual(plain, patched);
    }

    [Theory]
    [InlineData("/spec/nothere/x", "spec.nothere", "\"/spec/nothere\" does not exist in the rendered StatefulSet")]
    [InlineData("/spec/replicas", "spec.replicas", "does not exist in the rendered StatefulSet (replace needs an existing value")]
    [InlineData("/spec/template/spec/containers/5/image", "spec.template.spec.containers[5]", "\"/spec/template/spec/containers/5\" does not exist")]
    [InlineData("/spec/template/spec/containers/01", "spec.template.spec.containers.01", "\"01\" is not a list index")]
    [InlineData("/metadata/name/x", "metadata.name.x", "is a scalar and has no children")]
    [InlineData("spec/replicas", "", "a JSON pointer must be empty or start with \"/\"")]
    [InlineData("/spec/a~2b", "", "must be escaped as \"~0\"")]
    public void ABadPointerIsAnErrorFromValidateNotAnException(string pointer, string path, string detail)
    {
        var builder = Base.Patch(p => p.Replace(pointer, "x"));
        var w = builder.Build();

        var error = Assert.Single(w.Validate());
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal(pointer, error.BadValue);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("json patch replace: ", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveOfAMissingValueAndListIndexOutOfRange()
    {
        var errors = Base.Patch(p => p.Remove("/spec/replicas").Add("/spec/template/spec/containers/2", "x").Remove("/spec/template/spec/containers/1")).Build().Validate();

        Assert.Collection(
            errors,
            e => Assert.Contains("remove needs an existing value", e.Detail, StringComparison.Ordinal),
            e => Assert.Contains("index 2 is out of range: the list has 1 items", e.Detail, StringComparison.Ordinal),
            e => Assert.Contains("index 1 is out of range", e.Detail, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(FieldErrorType.NotFound, e.Type));
    }

    [Fact]
    public void PatchingADocumentTheWorkloadDoesNotRenderIsAnError()
    {
        var errors = Base.WithoutService().WithoutDisruptionBudget().PatchService(p => p.Add("/spec/x", 1)).PatchDisruptionBudget(p => p.Add("/spec/y", 1)).Build().Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains("renders no Service", errors[0].Detail, StringComparison.Ordinal);
        Assert.Equal("Service", errors[0].Object);
        Assert.Contains("renders no DisruptionBudget", errors[1].Detail, StringComparison.Ordinal);
        Assert.Equal("PodDisruptionBudget", errors[1].Object);
    }

    [Fact]
    public void PatchErrorsNameTheObjectTheyAreAboutAsValidationErrorsDo()
    {
        var errors = Base.ServiceName("nginx")
            .Patch(p => p.Remove("/spec/a"))
            .PatchService(p => p.Remove("/spec/b"))
            .PatchDisruptionBudget(p => p.Remove("/spec/c"))
            .Build()
            .Validate();

        Assert.Equal([null, "Service \"nginx\"", "PodDisruptionBudget \"web\""], errors.Select(e => e.Object));
        Assert.StartsWith("Service \"nginx\": spec.b: Not found", errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingAWholeDocumentIsRefusedButReplacingItWorks()
    {
        var removed = Base.Patch(p => p.Remove(string.Empty)).Build().Validate();
        var replaced = Base.PatchDisruptionBudget(p => p.Replace(string.Empty, RawValue.FromMap([new("apiVersion", RawValue.String("v1")), new("kind", RawValue.String("ConfigMap"))]))).Render();

        Assert.Contains("the whole document cannot be removed", Assert.Single(removed).Detail, StringComparison.Ordinal);
        Assert.Contains("kind: ConfigMap", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("PodDisruptionBudget", replaced, StringComparison.Ordinal);
        Assert.Null(Base.PatchDisruptionBudget(p => p.Replace(string.Empty, RawValue.FromMap([new("apiVersion", RawValue.String("v1")), new("kind", RawValue.String("ConfigMap"))]))).Build().Applied().DisruptionBudget);
    }

    [Fact]
    public void AFailedPatchLeavesTheDocumentAsItWasAndLaterPatchesStillApply()
    {
        var w = Base.Patch(p => p.Remove("/spec/missing").Add("/spec/minReadySeconds", 5)).Build();

        Assert.Single(w.Validate());
        Assert.Throws<ManifestValidationException>(() => w.ToYaml());
    }

    [Fact]
    public void AValueAPatchSetsIsValidatedAsTheYamlWillSayIt()
    {
        var workload = Base.Replicas(3).Patch(p => p.Replace("/spec/replicas", -1)).Build();

        var error = Assert.Single(workload.Validate());
        Assert.Equal((FieldErrorType.Invalid, "spec.replicas", "-1"), (error.Type, error.Path.ToString(), FieldError.FormatValue(error.BadValue)));
        Assert.Throws<ManifestValidationException>(() => workload.ToYaml());
        Assert.Empty(workload.PatchErrors());
    }

    [Fact]
    public void APatchValueOfTheWrongShapeIsAPatchError()
    {
        var workload = Base.Replicas(3).Patch(p => p.Replace("/spec/replicas", "three")).Build();

        var error = Assert.Single(workload.PatchErrors());
        Assert.Equal("spec.replicas", error.Path.ToString());
        Assert.Equal([error], workload.Validate());
        workload.Applied(out var fromTheSameRendering);
        Assert.Equal([error], fromTheSameRendering);
    }

    [Fact]
    public void AppliedIsTheWorkloadAsItsYamlSaysIt()
    {
        var plain = Base.Replicas(3).Build();
        var patched = Base.Replicas(3)
            .Patch(p => p.Replace("/spec/replicas", 5).Add("/spec/template/spec/hostUsers", false))
            .PatchService(p => p.Add("/metadata/labels", RawValue.FromMap([new("tier", RawValue.String("db"))])))
            .Build();

        Assert.Same(plain, plain.Applied());
        var applied = patched.Applied();
        Assert.Equal(5, applied.StatefulSet.Spec!.Replicas);
        Assert.Equal("db", applied.Service!.Metadata!.Labels!["tier"]);
        Assert.Empty(applied.Patches);
        Assert.Equal(patched.Declaration, applied.Declaration);
        var pod = plain.StatefulSet.Spec!.Template!;
        var expected = plain.StatefulSet.Spec with { Replicas = 5, Template = pod with { Spec = pod.Spec! with { HostUsers = false } } };
        Assert.Equal(plain.StatefulSet with { Spec = expected }, applied.StatefulSet);
        Assert.Empty(patched.Validate());
        Assert.Equal(5, patched.Simulate().StatefulSet!.Spec!.Replicas);
    }
}
