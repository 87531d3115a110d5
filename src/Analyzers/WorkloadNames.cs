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
internal sealed record DeclaredWorkload(string Environment, string Namespace, string Name, Location NameLocation, Location MemberLocation, string Member);

/// <summary>
/// Collects the evaluated workload names of one compilation (declarations are analysed concurrently) and reports
/// SM0002 at compilation end on every declaration after the first of each name, in source order so the result does
/// not depend on analysis order.
/// </summary>
internal sealed class WorkloadNames
{
    private readonly ConcurrentBag<DeclaredWorkload> declared = [];

    /// <summary>Records a declaration.</summary>
    public void Add(DeclaredWorkload workload) => declared.Add(workload);

    /// <summary>Reports the duplicates.</summary>
    public void ReportDuplicates(Action<Diagnostic> report)
    {
        var groups = declared
            .Distinct()
            .GroupBy(w => (w.Environment, w.Namespace, w.Name))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var ordered = group
                .OrderBy(w => w.NameLocation.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(w => w.NameLocation.SourceSpan.Start)
                .ThenBy(w => w.MemberLocation.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(w => w.MemberLocation.SourceSpan.Start)
                .ToList();
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
}
