using StatefulManifests.Generators.Models;

namespace StatefulManifests.Generators.Emission;

/// <summary>
/// Writes the members of one evaluated workload into its companion class: the file name, the YAML constants, the
/// typed identities (<see cref="IdentityEmitter"/>) and the compile-time model (<see cref="ModelEmitter"/>).
/// </summary>
internal static class WorkloadEmitter
{
    /// <summary>Writes the members of <paramref name="spec"/> at the current position (inside the companion class).</summary>
    public static void EmitMembers(SourceWriter w, WorkloadSpec spec, string memberReference, GeneratorOptions options)
    {
        if (!spec.IsValid)
        {
            w.Line("// This workload has validation errors (reported on its declaration): the build writes no file for it, and");
            w.Line("// the YAML below is rendered without validation so that code using this class still compiles.");
        }

        w.Summary("The file the build writes <see cref=\"Yaml\"/> to, under <c>$(StatefulManifestsOutputPath)</c>" + (spec.Environment is null ? "." : " in the <c>" + IdentityEmitter.Xml(spec.Environment) + "</c> folder."));
        w.Line("public const string FileName = " + CSharpLiteral.Of(spec.FileName) + ";");
        w.Line();
        EmitYaml(w, spec, memberReference);
        IdentityEmitter.Emit(w, spec.Identity, options);
        ModelEmitter.Emit(w, spec, options);
    }

    private static void EmitYaml(SourceWriter w, WorkloadSpec spec, string memberReference)
    {
        var names = Identifiers.Distinct(spec.Documents.Select(d => d.Kind == "PodDisruptionBudget" ? "DisruptionBudget" : d.Kind));
        for (var i = 0; i < spec.Documents.Count; i++)
        {
            w.Summary("The " + spec.Documents[i].Kind + " document of <see cref=\"Yaml\"/>.");
            Constant(w, names[i] + "Yaml", spec.Documents[i].Yaml);
        }

        w.Summary("The whole YAML stream: exactly what <c>" + IdentityEmitter.Xml(memberReference) + ".Render()</c> returns at run time, and what the build writes to <see cref=\"FileName\"/>.");
        if (string.Concat(spec.Documents.Select((d, i) => (i == 0 ? string.Empty : "---\n") + d.Yaml)) == spec.Yaml)
        {
            w.Line("public const string Yaml = " + string.Join(" + \"---\\n\" + ", names.Select(n => n + "Yaml")) + ";").Line();
        }
        else
        {
            // Not expected: the documents are slices of the stream. Keep the stream exact regardless.
            Constant(w, "Yaml", spec.Yaml);
        }
    }

    /// <summary>Writes <c>public const string name = @"...";</c> with the text's lines as they are.</summary>
    internal static void Constant(SourceWriter w, string name, string value, string accessibility = "public")
    {
        w.Raw(accessibility + " const string " + name + " = " + CSharpLiteral.Multiline(value) + ";");
        w.Line();
    }
}
