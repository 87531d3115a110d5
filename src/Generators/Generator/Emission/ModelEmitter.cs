using StatefulManifests.Generators.Models;

namespace StatefulManifests.Generators.Emission;

/// <summary>
/// Writes <c>Workload</c>: the evaluated <c>StatefulWorkload</c> as the generator computed it, for tests. It is
/// re-read at first access from the YAML of the unpatched documents with the DSL's own reader (exact, because
/// every rendered document reads back into an equal model) plus the patches as C# data. Re-reading keeps the
/// generated code small and leaves the model's shape to the DSL instead of a second, generated serializer.
/// </summary>
internal static class ModelEmitter
{
    private const string Dsl = "global::StatefulManifests.";

    /// <summary>Writes the model members.</summary>
    public static void Emit(SourceWriter w, WorkloadSpec spec, GeneratorOptions options)
    {
        var nullable = options.SupportsNullable ? "?" : string.Empty;
        if (spec.ModelYaml is { } modelYaml)
        {
            WorkloadEmitter.Constant(w, "ModelYaml", modelYaml, "private");
        }
        else
        {
            w.Line("private const string ModelYaml = Yaml;").Line();
        }

        w.Line("private static " + Dsl + "StatefulWorkload" + nullable + " workload;").Line();
        w.Summary("The workload exactly as evaluated at compile time (the model behind <see cref=\"Yaml\"/>), for tests and tools.");
        w.Line("public static " + Dsl + "StatefulWorkload Workload => workload ?? (workload = ReadWorkload());").Line();
        w.Summary("A reconciliation model of this workload (the StatefulSet controller with Kubernetes v1.36 semantics) for rollout tests.");
        w.Line("public static " + Dsl + "Reconciliation.StatefulSetSimulation Simulate(" + Dsl + "Reconciliation.SimulationOptions" + nullable + " options = null) => Workload.Simulate(options);").Line();

        w.Line("private static " + Dsl + "StatefulWorkload ReadWorkload()").Open();
        w.Line("var read = " + Dsl + "Yaml.ManifestYaml.Read(ModelYaml, FileName);");
        w.Line("return " + Dsl + "StatefulWorkload.FromDocuments(read.Documents, " + Patches(spec) + ");");
        w.Close();
    }

    private static string Patches(WorkloadSpec spec)
    {
        if (spec.Patches.Count == 0)
        {
            return Dsl + "Model.ValueList<" + Dsl + "ManifestPatch>.Empty";
        }

        var patches = spec.Patches.Select(p =>
            "new " + Dsl + "ManifestPatch(" + Dsl + "WorkloadDocument." + p.Target + ", " + Dsl + "PatchOperation." + p.Operation + ", " +
            CSharpLiteral.Of(p.Path) + ", " + p.ValueExpression + ")");
        return Dsl + "Model.ValueList.Of(" + string.Join(", ", patches) + ")";
    }
}
