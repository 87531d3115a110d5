using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>
/// Null list items and map values, and unpaired UTF-16 surrogates in any string, are validation errors at the
/// field: <c>Validate()</c> lists them, <c>Render()</c> throws <see cref="ManifestValidationException"/>, never a
/// NullReferenceException, and nothing is silently written as U+FFFD.
/// </summary>
public sealed class TextValueRulesTests
{
    private const string Containers = "spec.template.spec.containers[0]";
    private const string NullDetail = "Required value: a list item or map value must not be null";

    private static StatefulSetBuilder Web(Func<ContainerBuilder, ContainerBuilder>? configure = null) =>
        Workload.StatefulSet("web").Container("main", c => (configure ?? (x => x))(c.Image("nginx:1.27")));

    public static TheoryData<string, Func<StatefulSetBuilder>, string, string> NullCases() => new()
    {
        { "Command(\"sh\", null!)", () => Web(c => c.Command("sh", null!)), Containers + ".command[1]", NullDetail },
        { "Args(null!, \"x\")", () => Web(c => c.Args(null!, "x")), Containers + ".args[0]", NullDetail },
        { "probe Exec(\"sh\", null!)", () => Web(c => c.LivenessProbe(p => p.Exec("sh", null!))), Containers + ".livenessProbe.exec.command[1]", NullDetail },
        { "preStop Exec(null!, \"x\")", () => Web(c => c.PreStop(h => h.Exec(null!, "x"))), Containers + ".lifecycle.preStop.exec.command[0]", NullDetail },
        { "PodAnnotations((\"a\", null!))", () => Web().PodAnnotations(("a", null!)), "spec.template.metadata.annotations[a]", NullDetail },
        { "StatefulSetAnnotations((\"a\", null!))", () => Web().StatefulSetAnnotations(("a", null!)), "metadata.annotations[a]", NullDetail },
        { "StatefulSetLabels((\"tier\", null!))", () => Web().StatefulSetLabels(("tier", null!)), "metadata.labels[tier]", NullDetail },
        { "Labels((\"tier\", null!))", () => Web().Labels(("tier", null!)), "spec.template.metadata.labels[tier]", NullDetail },
        { "SelectorLabels((\"app\", null!))", () => Web().SelectorLabels(("app", null!)), "spec.selector.matchLabels[app]", NullDetail },
        { "NodeSelector((\"zone\", null!))", () => Web().NodeSelector(("zone", null!)), "spec.template.spec.nodeSelector[zone]", NullDetail },
        { "SelectorExpression(\"tier\", In, \"a\", null!)", () => Web().SelectorExpression("tier", LabelSelectorOperator.In, "a", null!), "spec.selector.matchExpressions[0].values[1]", NullDetail },
        { "AddCapabilities(\"NET_ADMIN\", null!)", () => Web(c => c.SecurityContext(s => s.AddCapabilities("NET_ADMIN", null!))), Containers + ".securityContext.capabilities.add[1]", NullDetail },
        { "ImagePullSecrets(\"a\", null!)", () => Web().ImagePullSecrets("a", null!), "spec.template.spec.imagePullSecrets[1]", NullDetail },
    };

    [Theory]
    [MemberData(nameof(NullCases))]
    public void ANullItemIsAnErrorAtItsPath(string call, Func<StatefulSetBuilder> build, string path, string message)
    {
        Assert.NotNull(call);
        var workload = build().Build();
        var errors = workload.Validate();
        Expect.Contains(errors, Required, path, message);
        var thrown = Assert.Throws<ManifestValidationException>(() => workload.ToYaml());
        Assert.Contains(path + ": " + message, thrown.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<StatefulSetBuilder>, string> BrokenTextCases() => new()
    {
        { "annotation value", () => Web().PodAnnotations(("a", "x\uD800")), "spec.template.metadata.annotations[a]" },
        { "env value", () => Web(c => c.Env("GREETING", "hi\uDC00")), Containers + ".env[0].value" },
        { "command", () => Web(c => c.Command("sh", "-c\uD800")), Containers + ".command[1]" },
        { "args", () => Web(c => c.Args("\uD800")), Containers + ".args[0]" },
        { "image", () => Web(c => c.Image("nginx\uD800")), Containers + ".image" },
        { "working directory", () => Web(c => c.WorkingDir("/w\uD800")), Containers + ".workingDir" },
        { "probe exec", () => Web(c => c.ReadinessProbe(p => p.Exec("\uDBFF"))), Containers + ".readinessProbe.exec.command[0]" },
    };

    [Theory]
    [MemberData(nameof(BrokenTextCases))]
    public void AnUnpairedSurrogateIsAnErrorAtItsField(string field, Func<StatefulSetBuilder> build, string path)
    {
        Assert.NotNull(field);
        var workload = build().Build();
        var error = Assert.Single(workload.Validate(), e => e.Path.ToString() == path);
        Assert.Equal(Invalid, error.Type);
        Assert.Contains("unpaired UTF-16 surrogate", error.Detail, StringComparison.Ordinal);

        // The message shows the surrogate escaped, so the message itself is valid text.
        Assert.Equal(-1, Utf16Text.IndexOfLoneSurrogate(error.ToString()));
        Assert.Throws<ManifestValidationException>(() => workload.ToYaml());
    }

    [Fact]
    public void AnUnpairedSurrogateInAMapKeyIsReported()
    {
        var errors = Web().PodAnnotations(("k\uD800", "v")).Build().Validate();
        var error = Assert.Single(errors, e => e.Detail.Contains("the key holds an unpaired UTF-16 surrogate (\\uD800 at index 1)", StringComparison.Ordinal));

        // The path names the key with the surrogate escaped, so the whole message is valid text.
        Assert.Equal("spec.template.metadata.annotations[k\\uD800]", error.Path.ToString());
        Assert.Equal(-1, Utf16Text.IndexOfLoneSurrogate(error.ToString()));
        Assert.Equal(FieldPath.Root("spec").Child("template", "metadata", "annotations").Key("k\uD800"), error.Path);
        Assert.NotEqual(FieldPath.Root("spec").Child("template", "metadata", "annotations").Key("k\\uD800"), error.Path);
    }

    [Fact]
    public void WritingAnUnvalidatedModelWithANullItemIsAnArgumentErrorNamingTheField()
    {
        var statefulSet = Web(c => c.Command("sh", null!)).Build().StatefulSet;
        var service = new Service { Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("app", (string)null!)) } };

        var thrown = Assert.Throws<ArgumentException>(() => ManifestYaml.Write(service, statefulSet));
        Assert.Equal("objects", thrown.ParamName);
        Assert.Contains("objects[0] (Service web): metadata.labels[app]: a list item or map value is null", thrown.Message, StringComparison.Ordinal);

        thrown = Assert.Throws<ArgumentException>(() => ManifestYaml.Write(statefulSet));
        Assert.Contains("objects[0] (StatefulSet web): " + Containers + ".command[1]", thrown.Message, StringComparison.Ordinal);

        thrown = Assert.Throws<ArgumentException>(() => ManifestYaml.Write(Web().Build().StatefulSet, null!));
        Assert.Contains("objects[1] is null", thrown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ManifestYaml.Write((IEnumerable<IKubernetesObject>)null!));
    }

    [Fact]
    public void PairedSurrogatesAreValidText()
    {
        var workload = Web(c => c.Env("EMOJI", "\uD83D\uDE00")).PodAnnotations(("note", "\uD83D\uDE00")).Build();
        Assert.Empty(workload.Validate());
        Assert.DoesNotContain("\uFFFD", workload.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageIsTheSameUnderTurkishCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var turkish = Describe();
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal(Describe(), turkish);
            Assert.Contains(
                Containers + ".env[0].value: Invalid value: \"I\\uDC00\": the value holds an unpaired UTF-16 surrogate (\\uDC00 at index 1), which is not Unicode text and would be written as U+FFFD",
                turkish,
                StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        static string Describe() => string.Join("\n", Web(c => c.Env("I", "I\uDC00").Command("sh", null!)).Build().Validate());
    }

    [Fact]
    public void ServiceAndBudgetStringsAreCheckedToo()
    {
        var service = new Service { Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("app", (string)null!)) } };
        Expect.Contains(WorkloadValidator.ValidateService(service), Required, "metadata.labels[app]", NullDetail);
        var budget = new PodDisruptionBudget { Metadata = new ObjectMeta { Name = "web\uD800" } };
        Assert.Contains(WorkloadValidator.ValidateDisruptionBudget(budget), e => e.Path.ToString() == "metadata.name" && e.Detail.Contains("surrogate", StringComparison.Ordinal));
    }
}
