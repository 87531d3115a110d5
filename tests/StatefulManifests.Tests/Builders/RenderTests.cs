using System.Globalization;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Builders;

/// <summary>Render/ToYaml: the exception path with every error, the declaration site, determinism.</summary>
public class RenderTests
{
    private static StatefulSetBuilder Declared() => Workload.StatefulSet("web").Container("nginx", c => c.Image("nginx:1.27"));

    [Fact]
    public void DeclarationSiteIsTheCallersFileAndLine()
    {
        var (builder, line) = (Workload.StatefulSet("web"), CurrentLine());

        Assert.NotNull(builder.Declaration);
        Assert.EndsWith("RenderTests.cs", builder.Declaration!.File, StringComparison.Ordinal);
        Assert.Equal(line, builder.Declaration.Line);
        Assert.Equal(builder.Declaration, builder.Replicas(2).Build().Declaration);
        Assert.Equal(builder.Declaration.File + "(" + line.ToString(CultureInfo.InvariantCulture) + ")", builder.Declaration.ToString());
    }

    [Fact]
    public void WithoutCallerInformationThereIsNoDeclarationSite()
    {
        Assert.Null(Workload.StatefulSet("web", string.Empty, 0).Declaration);
    }

    [Fact]
    public void RenderThrowsWithEveryErrorEachPrefixedByTheDeclaration()
    {
        var builder = Workload.StatefulSet("web", "/src/Manifests.cs", 12)
            .Container("nginx", c => c.Image("nginx:1.27"))
            .Patch(p => p.Remove("/spec/nothing").Replace("/spec/replicas", 3))
            .PatchService(p => p.Add("/missing/child", "x"));

        var ex = Assert.Throws<ManifestValidationException>(() => builder.Render());

        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal("web", ex.WorkloadName);
        Assert.Equal(new DeclarationSite("/src/Manifests.cs", 12), ex.Declaration);
        var lines = ex.Message.Split('\n');
        Assert.Equal("/src/Manifests.cs(12): StatefulSet \"web\" is invalid (3 errors):", lines[0]);
        Assert.Equal(
            [
                "/src/Manifests.cs(12): spec.nothing: Not found: \"/spec/nothing\": json patch remove: \"/spec/nothing\" does not exist in the rendered StatefulSet (remove needs an existing value; use add to create one)",
                "/src/Manifests.cs(12): spec.replicas: Not found: \"/spec/replicas\": json patch replace: \"/spec/replicas\" does not exist in the rendered StatefulSet (replace needs an existing value; use add to create one)",
                "/src/Manifests.cs(12): Service \"web\": missing: Not found: \"/missing/child\": json patch add: \"/missing\" does not exist in the rendered Service",
            ],
            lines.Skip(1));
    }

    [Fact]
    public void ExceptionWithoutDeclarationHasNoPrefix()
    {
        var error = FieldError.Invalid(FieldPath.Root("spec").Child("replicas"), -1, "must be greater than or equal to 0");

        var ex = new ManifestValidationException("web", null, [error]);

        Assert.Equal("StatefulSet \"web\" is invalid (1 error):\nspec.replicas: Invalid value: -1: must be greater than or equal to 0", ex.Message);
    }

    [Fact]
    public void ValidateReturnsTheValidatorsFindingsThenPatchErrors()
    {
        var w = Declared().Patch(p => p.Remove("/nope")).Build();
        var expectedFromValidator = WorkloadValidator.Validate(w.StatefulSet, w.Service, w.DisruptionBudget);

        var errors = w.Validate();

        Assert.Equal(expectedFromValidator, errors.Take(expectedFromValidator.Count));
        Assert.Equal("nope", errors[^1].Path.ToString());
    }

    [Fact]
    public void RenderIsBuildThenToYaml()
    {
        var builder = Declared().Replicas(3).DisruptionBudget();
        Assert.Empty(builder.Build().Validate());

        Assert.Equal(builder.Build().ToYaml(), builder.Render());
    }

    [Fact]
    public void OutputIsTheSameBytesInAnyCulture()
    {
        var builder = Declared()
            .Replicas(3)
            .Labels(("tier", "TITLE-Info"))
            .PodAnnotations(("city", "İstanbul ı I i"))
            .Container("nginx", c => c.Requests(cpu: "0.5", memory: "1.5Gi").Env("RATIO", "1,5").Env("INFO", "İı"))
            .VolumeClaim("data", "1.5Gi")
            .DisruptionBudget(minAvailable: "50%")
            .Patch(p => p.Add("/spec/template/spec/hostUsers", false).Add("/spec/extension", StatefulManifests.Model.RawValue.FromMap([new("IX", StatefulManifests.Model.RawValue.Number(10))])));
        var invariant = Rendered(CultureInfo.InvariantCulture, builder);

        foreach (var name in new[] { "tr-TR", "de-DE", "ar-SA", "fa-IR" })
        {
            Assert.Equal(invariant, Rendered(new CultureInfo(name), builder));
        }

        Assert.Contains("cpu: 500m", invariant, StringComparison.Ordinal);
        Assert.Contains("tier: TITLE-Info", invariant, StringComparison.Ordinal);
        Assert.Contains("memory: 1536Mi", invariant, StringComparison.Ordinal);
    }

    private static int CurrentLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    private static string Rendered(CultureInfo culture, StatefulSetBuilder builder)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return builder.Render();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
