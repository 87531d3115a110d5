using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Analyzers;

/// <summary>A workload declaration's StatefulSet name, where its name argument is, and the member that declares it.</summary>
/// <param name="Environment">The environment it was evaluated for (empty when none): names are per environment folder.</param>
/// <param name="Namespace">The namespace (empty when not set).</param>
/// <param name="Name">The StatefulSet name.</param>
/// <param name="NameLocation">The name argument of <c>Workload.StatefulSet("name")</c>.</param>
/// <param name="MemberLocation">The identifier of the declaring member.</param>
/// <param name="Member">The declaring member, as C# shows it (<c>Manifests.Web</c>).</param>
/// <param name="FileName">The manifest file the build writes for it (<c>web.yaml</c>).</param>
internal sealed record DeclaredWorkload(string Environment, string Namespace, string Name, Location NameLocation, Location MemberLocation, string Member, string FileName);

/// <summary>
/// Collects the evaluated workload names of one compilation (declarations are analysed concurrently) and reports, at
/// compilation end and in source order so the result does not depend on analysis order: SM0002 on every declaration
/// after the first of each name, and SM0020 on a manifest file the build could not write (a kustomization's name, or
/// a file another workload of the same environment already writes, in any letter case, under another name).
/// </summary>
internal sealed class WorkloadNames
{
    private readonly ConcurrentBag<DeclaredWorkload> declared = [];

    /// <summary>Records a declaration.</summary>
    public void Add(DeclaredWorkload workload) => declared.Add(workload);

    /// <summary>Reports the duplicate names and the file clashes.</summary>
    public void ReportDuplicates(Action<Diagnostic> report)
    {
        var all = InSourceOrder(declared.Distinct()).ToList();
        ReportFileClashes(all, report);
        var groups = all
            .GroupBy(w => (w.Environment, w.Namespace, w.Name))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var ordered = group.ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                // Two workloads built from one shared builder share its name argument: report on the member then.
                var at = duplicate.NameLocation == ordered[0].NameLocation ? duplicate.MemberLocation : duplicate.NameLocation;
                report(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateWorkloadName,
                    at,
                    duplicate.Member,
                    duplicate.Name,
                    ordered[0].Member));
            }
        }
    }

    private static IEnumerable<DeclaredWorkload> InSourceOrder(IEnumerable<DeclaredWorkload> workloads) =>
        workloads
            .OrderBy(w => w.NameLocation.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(w => w.NameLocation.SourceSpan.Start)
            .ThenBy(w => w.MemberLocation.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(w => w.MemberLocation.SourceSpan.Start)
            .ThenBy(w => w.Name, StringComparer.Ordinal);

    private static void ReportFileClashes(IReadOnlyList<DeclaredWorkload> all, Action<Diagnostic> report)
    {
        foreach (var workload in all.Where(w => Generators.Shared.ManifestPaths.IsReserved(w.FileName)))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ForRule(Rules.RuleIds.ManifestFileClash), workload.NameLocation, workload.Member, workload.FileName,
                "is the name of the kustomization the build writes beside the manifests"));
        }

        // Same name is SM0002's; a different name landing on the same file (FileName, letter case) is this rule's.
        foreach (var group in all.Where(w => !Generators.Shared.ManifestPaths.IsReserved(w.FileName)).GroupBy(w => (w.Environment, File: w.FileName.ToUpperInvariant())))
        {
            var first = group.First();
            foreach (var clash in group.Skip(1).Where(w => w.Name != first.Name))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.ForRule(Rules.RuleIds.ManifestFileClash), clash.MemberLocation, clash.Member, clash.FileName,
                    "is already written by " + first.Member));
            }
        }
    }
}
