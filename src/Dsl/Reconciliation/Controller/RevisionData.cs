using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// What a ControllerRevision stores (reference §A.2 — stateful_set_utils.go): only <c>spec.template</c>, as a patch that replaces the whole
/// template. The simulation serialises it canonically with the project's deterministic YAML writer, so the same
/// template always gives the same bytes and therefore the same revision name.
/// </summary>
public static class RevisionData
{
    // Every pass serialises the live template; the stored set keeps the same template object between updates, so
    // remembering the bytes per object keeps a pass from paying for YAML emission each time.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PodTemplateSpec, string> Cache = new();

    /// <summary>The canonical bytes of a revision holding <paramref name="template"/> (compared byte for byte, §B.3 — getStatefulSetRevisions in stateful_set_control.go).</summary>
    public static string Serialize(PodTemplateSpec template) => Cache.GetValue(template, Write);

    private static string Write(PodTemplateSpec template)
    {
        var templateNode = (YMapping)ModelWriter.WritePodTemplateSpec(template);
        templateNode.Add("$patch", Scalars.String("replace"));
        var spec = new YMapping();
        spec.Add("template", templateNode);
        var root = new YMapping();
        root.Add("spec", spec);
        return YamlText.Write(new[] { root });
    }

    /// <summary>
    /// The StatefulSetSemanticRevisionComparison check: two templates are the same revision when they are equal once
    /// the API server's pod-template defaults are applied, even if their stored bytes differ.
    /// </summary>
    public static bool SemanticallyEqual(PodTemplateSpec stored, PodTemplateSpec candidate) =>
        StatefulSetDefaulting.ApplyToPodTemplate(stored) == StatefulSetDefaulting.ApplyToPodTemplate(candidate);
}
