using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Import;

/// <summary>
/// Turns existing StatefulSet, Service and PodDisruptionBudget YAML into C# DSL source: a static class with one
/// <c>[StatefulWorkload]</c> method per StatefulSet, its governing Service (the Service named by
/// <c>spec.serviceName</c> in its namespace) and the PodDisruptionBudget selecting its pods folded into the same
/// declaration. The YAML is read with the DSL's own reader into the model and the code is generated from the model:
/// fluent methods for every field the DSL has one for, the DSL's defaults where they give the same value (each with
/// a <c>// relies on the default: ...</c> comment), and escape-hatch patches, each with its reason, for the rest.
/// Every declaration is rendered before it is written and checked to give back the original objects.
/// Deterministic: the same inputs in the same order give the same bytes in any culture.
/// </summary>
public static class WorkloadImporter
{
    /// <summary>Imports every document of <paramref name="sources"/> (each a name for positions and its YAML text).</summary>
    /// <exception cref="ArgumentException">The options' namespace or class name is not a valid C# name.</exception>
    public static ImportResult Import(IEnumerable<(string Name, string Yaml)> sources, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        if (options.Namespace is { } ns && !CSharpText.IsValidNamespace(ns))
        {
            throw new ArgumentException("'" + ns + "' is not a valid C# namespace", nameof(options));
        }

        var className = CSharpText.ClassName(options.ClassName ?? string.Empty)
            ?? throw new ArgumentException("'" + options.ClassName + "' is not a valid C# class name", nameof(options));

        var objects = new List<Located>();
        var errors = new List<FieldError>();
        var notes = new List<string>();
        foreach (var (name, yaml) in sources ?? throw new ArgumentNullException(nameof(sources)))
        {
            var read = ManifestYaml.ReadWithPositions(yaml ?? string.Empty, name);

            // A duplicate key is read as kubectl reads it (the last value wins) and imported that way, with a warning;
            // any other problem means the text is not the objects it looks like, and nothing of it is imported.
            var duplicates = read.Manifest.Errors.Where(e => e.Type == FieldErrorType.Duplicate).ToList();
            notes.AddRange(duplicates.Select(e => e + "; imported as kubectl reads it"));
            if (read.Manifest.Errors.Count > duplicates.Count)
            {
                errors.AddRange(read.Manifest.Errors.Except(duplicates));
                continue;
            }

            objects.AddRange(read.Manifest.Documents.Select((d, i) => new Located(d, read.Positions[i].Start)));
        }

        var grouping = WorkloadGrouping.Group(objects);
        var declarations = new List<(ImportedDeclaration Declaration, string Member, WorkloadGroup Group)>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { className.TrimStart('@'), "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize" };
        var imported = new List<ImportedObject>();
        foreach (var group in grouping.Groups)
        {
            var set = Stripped(group.StatefulSet, notes);
            var service = group.Service is { } s ? Stripped(s, notes) : null;
            var budget = group.Budget is { } b ? Stripped(b, notes) : null;
            ImportedDeclaration declaration;
            try
            {
                declaration = WorkloadImport.Import((StatefulSet)set.Object, (Service?)service?.Object, (PodDisruptionBudget?)budget?.Object);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // The declaration would not render back the original (a bug in the importer): say so, write nothing for it.
                errors.Add(FieldError.Invalid(FieldPath.Document, set.Object.Metadata?.Name, "cannot import StatefulSet " + set.Object.Metadata?.Name + ": " + e.Message) with { Position = set.Position });
                continue;
            }

            var member = CSharpText.Unique(CSharpText.Identifier(declaration.Name, "Workload"), taken);
            declarations.Add((declaration, member, group));
            foreach (var o in new[] { group.StatefulSet, group.Service, group.Budget }.Where(o => o is not null))
            {
                imported.Add(new ImportedObject(o!.Object.Kind ?? string.Empty, o.Object.Metadata?.Name ?? string.Empty, o.Position, member));
            }
        }

        var source = declarations.Count == 0
            ? string.Empty
            : SourceFileWriter.Write(options.Namespace, className, declarations.Select(d => (d.Member, d.Declaration, d.Group.Describe())).ToList());
        return new ImportResult(source, imported, grouping.Skipped, errors, notes);
    }

    private static Located Stripped(Located located, List<string> notes)
    {
        var dropped = new List<string>();
        var stripped = located.Object switch
        {
            StatefulSet s => (IKubernetesObject)ServerFields.Strip(s, dropped),
            Service s => ServerFields.Strip(s, dropped),
            PodDisruptionBudget p => ServerFields.Strip(p, dropped),
            var other => other,
        };
        notes.AddRange(dropped.Select(d => located.Position + ": " + located.Object.Kind + " " + located.Object.Metadata?.Name + ": dropped " + d + ", which the API server writes"));
        return located with { Object = stripped };
    }
}
