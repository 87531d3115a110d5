using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Rules.Api;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Rules.Linting;

/// <summary>
/// Reading manifest files for the YAML linter and the baseline comparison: size-limited file reads (the limit holds
/// before the file is read), every document with its positions, and what cannot be read as SM1009 findings.
/// </summary>
internal static class ManifestSources
{
    /// <summary>The StatefulSets, Services and budgets of some texts, in input order.</summary>
    public sealed record Objects(List<LocatedObject<StatefulSet>> StatefulSets, List<LocatedObject<Service>> Services, List<LocatedObject<PodDisruptionBudget>> Budgets)
    {
        /// <summary>
        /// Every object of a kind a workload can own (<see cref="OwnedObjects.Kinds"/>), Services included: a
        /// Service is the governing one of a set or one it owns.
        /// </summary>
        public List<LocatedObject<IKubernetesObject>> Owned { get; } = [];

        public void Deconstruct(out List<LocatedObject<StatefulSet>> statefulSets, out List<LocatedObject<Service>> services, out List<LocatedObject<PodDisruptionBudget>> budgets)
        {
            statefulSets = StatefulSets;
            services = Services;
            budgets = Budgets;
        }
    }

    /// <summary>Reads files; one that is too large or cannot be read becomes an SM1009 finding at its first line.</summary>
    public static List<(string Name, string Yaml)> ReadFiles(IEnumerable<string> paths, List<Finding> findings)
    {
        var sources = new List<(string Name, string Yaml)>();
        foreach (var path in paths ?? throw new ArgumentNullException(nameof(paths)))
        {
            try
            {
                // The limit holds before the file is read: a huge file costs nothing.
                if (new FileInfo(path).Length > ManifestYaml.MaxTextLength)
                {
                    findings.Add(RuleCatalog.UnreadableManifest.At(FindingSubject.Document, FieldPath.Document,
                        "the file is larger than " + (ManifestYaml.MaxTextLength / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB; it was not read")
                        with { Position = new SourcePosition(path, 1, 1) });
                    continue;
                }

                sources.Add((path, File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                findings.Add(RuleCatalog.UnreadableManifest.At(FindingSubject.Document, FieldPath.Document, "cannot read the file: " + ex.Message)
                    with { Position = new SourcePosition(path, 1, 1) });
            }
        }

        return sources;
    }

    /// <summary>Reads every document of the texts; reader errors become findings (SM1009, SM2022).</summary>
    public static Objects Read(IReadOnlyList<(string Name, string Yaml)> sources, List<Finding> findings)
    {
        var objects = new Objects([], [], []);
        var ownedKinds = new HashSet<string>(OwnedObjects.Kinds, StringComparer.Ordinal);
        var order = 0;
        foreach (var (name, yaml) in sources)
        {
            var read = ManifestYaml.ReadWithPositions(yaml, name);
            findings.AddRange(read.Manifest.Errors.Select(e => ReaderFinding(e, name)));
            for (var i = 0; i < read.Manifest.Documents.Count; i++, order++)
            {
                var positions = read.Positions[i];
                switch (read.Manifest.Documents[i])
                {
                    case StatefulSet s:
                        objects.StatefulSets.Add(new LocatedObject<StatefulSet>(s, positions, order));
                        break;
                    case Service s:
                        objects.Services.Add(new LocatedObject<Service>(s, positions, order));
                        break;
                    case PodDisruptionBudget b:
                        objects.Budgets.Add(new LocatedObject<PodDisruptionBudget>(b, positions, order));
                        break;
                }

                if (read.Manifest.Documents[i] is { } document and not UnmodelledObject && document.Kind is { } kind && ownedKinds.Contains(kind))
                {
                    objects.Owned.Add(new LocatedObject<IKubernetesObject>(document, positions, order));
                }
            }
        }

        return objects;
    }

    // Reader errors carry their position; one without (none is known) is placed at the top of its file.
    private static Finding ReaderFinding(FieldError error, string file)
    {
        var finding = ApiFindings.FromReader(error, FindingSubject.Document);
        return finding.Position is null ? finding with { Position = new SourcePosition(file, 1, 1) } : finding;
    }
}
