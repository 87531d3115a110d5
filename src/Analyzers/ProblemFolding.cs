using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Validation;

namespace StatefulManifests.Analyzers;

/// <summary>
/// One diagnostic per mistake. The validator reports a value once per field it lands in: a StatefulSet name that
/// is not lowercase is wrong as the name, as the Service name the DSL derives from it and as the budget's name; a
/// port name over 15 characters is wrong where the port is declared, in the Service's <c>targetPort</c> copied from it,
/// and in every probe that refers to it by name. The user made one mistake, so the analyzer reports one diagnostic
/// (at the first field, in the validator's order, or at the port's declaration), names the other fields in its
/// message and shows their arguments as additional locations.
/// </summary>
internal static class ProblemFolding
{

    /// <summary>The problems with each mistake's duplicates folded into its first report.</summary>
    public static IReadOnlyList<WorkloadProblem> Fold(IReadOnlyList<WorkloadProblem> problems)
    {
        var groups = new List<List<WorkloadProblem>>();
        foreach (var problem in problems)
        {
            if (groups.FirstOrDefault(g => g.Any(member => SameMistake(member, problem))) is { } group)
            {
                group.Add(problem);
            }
            else
            {
                groups.Add([problem]);
            }
        }

        return groups.Select(Merge).ToList();
    }

    /// <summary>
    /// Same rule, and either the same argument (one value the DSL copied into several fields) or a port's name and a
    /// field referring to that port by the same bad name.
    /// </summary>
    private static bool SameMistake(WorkloadProblem a, WorkloadProblem b)
    {
        if (a.Descriptor.Id != b.Descriptor.Id || a.Where is null || b.Where is null)
        {
            return false;
        }

        if (a.Site is { Primary.IsKnown: true } siteA && b.Site is { } siteB && siteA.Primary == siteB.Primary)
        {
            return true;
        }

        return a.BadValue is not null && a.BadValue == b.BadValue
            && (IsPortDeclaration(a) && IsPortReference(b) || IsPortDeclaration(b) && IsPortReference(a));
    }

    private static WorkloadProblem Merge(List<WorkloadProblem> group)
    {
        if (group.Count == 1)
        {
            return group[0];
        }

        // The declaration of a port is where its name is fixed; references follow it.
        var head = group.FirstOrDefault(IsPortDeclaration) ?? group[0];
        var others = group.Where(p => !ReferenceEquals(p, head)).ToList();
        var alsoAt = others.Select(p => p.Where!).Where(w => w != head.Where).Distinct().Select(Describe).ToList();
        var arguments = (object?[])head.Arguments.Clone();
        if (alsoAt.Count > 0 && arguments.Length > 0 && arguments[arguments.Length - 1] is string last)
        {
            arguments[arguments.Length - 1] = last + "; the same value is also rejected at " + string.Join(", ", alsoAt);
        }

        return head with { Arguments = arguments, Site = WithRelated(head.Site, others) };
    }

    private static ProblemSite? WithRelated(ProblemSite? site, IEnumerable<WorkloadProblem> others)
    {
        if (site is not { } primary)
        {
            return null;
        }

        var related = primary.Related
            .Concat(others.Where(o => o.Site is not null).SelectMany(o => new[] { o.Site!.Value.Primary }.Concat(o.Site!.Value.Related)))
            .Where(r => r.IsKnown && r != primary.Primary)
            .Distinct()
            .ToList();
        return primary with { Related = related };
    }

    private static bool IsPortDeclaration(WorkloadProblem problem) =>
        problem.Where is { Document: WorkloadDocument.StatefulSet } where && PortNameFields.IsDeclaration(where.Path);

    private static bool IsPortReference(WorkloadProblem problem) =>
        problem.Where is { } where && PortNameFields.IsReference(where.Path);

    private static string Describe(ProblemField where) => where.Document switch
    {
        WorkloadDocument.Service => "the Service's " + where.Path,
        WorkloadDocument.DisruptionBudget => "the PodDisruptionBudget's " + where.Path,
        WorkloadDocument.Owned => where.Object + "'s " + where.Path,
        _ => where.Path.ToString(),
    };
}
