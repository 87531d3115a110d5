using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// The scalar a field path names in a workload's objects, as the manifest writes it (<c>"nginx:latest"</c>,
/// <c>"1000"</c>, <c>"true"</c>). Lets a finding say which value it is about without each rule recording it, so the
/// Roslyn analyzer can put the finding on the argument that holds that value. Each object is rendered at most once.
/// </summary>
internal sealed class ManifestValues(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget)
{
    private YNode? statefulSetTree;
    private YNode? serviceTree;
    private YNode? budgetTree;

    /// <summary>The findings, each with <see cref="Finding.Value"/> set where its path names a non-null scalar.</summary>
    public IEnumerable<Finding> Attach(IEnumerable<Finding> findings) =>
        findings.Select(f => f.Value is null && ScalarAt(f.Subject, f.Path) is { } value ? f with { Value = value } : f);

    private string? ScalarAt(FindingSubject subject, FieldPath path)
    {
        // An object with a null list item cannot be written (validation reports the item); its findings keep no value.
        var node = subject switch
        {
            FindingSubject.StatefulSet when !TextValueRules.HoldsNullItems(statefulSet) => statefulSetTree ??= ModelWriter.WriteStatefulSet(statefulSet),
            FindingSubject.Service when service is not null && !TextValueRules.HoldsNullItems(service) => serviceTree ??= ModelWriter.WriteService(service),
            FindingSubject.PodDisruptionBudget when disruptionBudget is not null && !TextValueRules.HoldsNullItems(disruptionBudget) => budgetTree ??= ModelWriter.WritePodDisruptionBudget(disruptionBudget),
            _ => null,
        };
        foreach (var (segment, bracketed) in path.Segments())
        {
            node = node switch
            {
                YSequence sequence when bracketed && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => index >= 0 && index < sequence.Items.Count ? sequence.Items[index] : null,
                YMapping mapping => mapping.Entries.FirstOrDefault(e => e.Key.Value == segment).Value,
                _ => null,
            };
        }

        return node is YScalar { IsNull: false } scalar ? scalar.Value : null;
    }
}
