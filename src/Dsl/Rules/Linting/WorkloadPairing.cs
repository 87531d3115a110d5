using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Linting;

/// <summary>
/// Finds, among all the files given to the linter, the governing Service and the PodDisruptionBudget of each
/// StatefulSet. The Service is the one named by serviceName in the set's namespace; the budget is one whose
/// selector picks the set's pods. Ties go to the same namespace written out, then the same file, then input order.
/// Objects that look meant for the set but do not match it (a headless Service under another name, a budget that
/// selects nothing) are paired as a fallback so that the mismatch is reported rather than silently ignored.
/// </summary>
internal sealed class WorkloadPairing
{
    private readonly IReadOnlyList<LocatedObject<Service>> services;
    private readonly IReadOnlyList<LocatedObject<PodDisruptionBudget>> budgets;
    private readonly List<LocatedObject<PodDisruptionBudget>> danglingBudgets;

    public WorkloadPairing(
        IReadOnlyList<LocatedObject<StatefulSet>> statefulSets,
        IReadOnlyList<LocatedObject<Service>> services,
        IReadOnlyList<LocatedObject<PodDisruptionBudget>> budgets)
    {
        this.services = services;
        this.budgets = budgets;
        danglingBudgets = budgets.Where(b => !statefulSets.Any(s => Selects(b, s))).ToList();
    }

    /// <summary>
    /// The governing Service of <paramref name="set"/>: the one serviceName names; failing that, a headless Service in
    /// the same file that selects the set's pods (most likely the intended one, so the mismatched serviceName gets
    /// reported); else null.
    /// </summary>
    public LocatedObject<Service>? ServiceOf(LocatedObject<StatefulSet> set)
    {
        var serviceName = set.Object.Spec?.ServiceName;
        if (string.IsNullOrEmpty(serviceName))
        {
            return null;
        }

        var labels = set.Object.Spec?.Template?.Metadata?.Labels;
        return Best(set, services.Where(s => s.Name == serviceName && Compatible(s.Namespace, set.Namespace)))
            ?? Best(set, services.Where(s => s.File == set.File
                && Compatible(s.Namespace, set.Namespace)
                && s.Object.Spec?.ClusterIP == "None"
                && s.Object.Spec.Selector is { Count: > 0 } selector
                && LabelSelectors.MapMatches(selector, labels)));
    }

    /// <summary>
    /// The budget protecting <paramref name="set"/>'s pods; failing that, a budget in the same file that protects no
    /// StatefulSet at all (most likely meant for this one, so its dangling selector gets reported); else null.
    /// </summary>
    public LocatedObject<PodDisruptionBudget>? BudgetOf(LocatedObject<StatefulSet> set) =>
        Best(set, budgets.Where(b => Selects(b, set)))
        ?? Best(set, danglingBudgets.Where(b => b.File == set.File && Compatible(b.Namespace, set.Namespace)));

    private static bool Selects(LocatedObject<PodDisruptionBudget> budget, LocatedObject<StatefulSet> set) =>
        Compatible(budget.Namespace, set.Namespace)
        && LabelSelectors.Matches(budget.Object.Spec?.Selector, set.Object.Spec?.Template?.Metadata?.Labels);

    // An unset namespace means "wherever it is applied", so it pairs with anything.
    private static bool Compatible(string a, string b) => a.Length == 0 || b.Length == 0 || a == b;

    private static LocatedObject<T>? Best<T>(LocatedObject<StatefulSet> set, IEnumerable<LocatedObject<T>> candidates)
        where T : IKubernetesObject =>
        candidates
            .OrderBy(c => c.Namespace == set.Namespace ? 0 : 1)
            .ThenBy(c => c.File == set.File ? 0 : 1)
            .ThenBy(c => c.Order)
            .FirstOrDefault();
}
