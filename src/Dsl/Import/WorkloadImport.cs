using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Import;

/// <summary>One StatefulSet (with its Service and budget) turned into a declaration: the chain and what it relied on.</summary>
/// <param name="Name">The StatefulSet's name.</param>
/// <param name="Chain">The fluent calls after <c>Workload.StatefulSet(name)</c>.</param>
/// <param name="PatchCount">How many escape-hatch patches it needed.</param>
internal sealed record ImportedDeclaration(string Name, DslChain Chain, int PatchCount);

/// <summary>
/// Imports one StatefulSet: writes the fluent calls for every field the DSL has a method for, lets the DSL's
/// defaults stand where building the declaration shows they give the original value (with a comment saying so),
/// then compares what the declaration renders with the original and adds an escape-hatch patch, with its reason,
/// for each remaining difference. Finally it renders the declaration, patches included, and checks it equals the
/// original — so an import that would not round-trip is an error, never silently different output.
/// </summary>
internal static class WorkloadImport
{
    public static ImportedDeclaration Import(StatefulSet set, Service? service, PodDisruptionBudget? budget)
    {
        var name = set.Metadata?.Name ?? string.Empty;
        var minimal = Workload.StatefulSet(name, string.Empty, 0).Build();
        var chain = new DslChain(typeof(StatefulSetBuilder));
        StatefulSetCalls.Spec(chain, set);
        var selector = Selector(chain, set.Spec?.Selector?.MatchLabels, minimal);
        StatefulSetCalls.SelectorExpressions(chain, set.Spec?.Selector);
        PodLabels(chain, set.Spec?.Template?.Metadata?.Labels, selector);
        StatefulSetCalls.PodAnnotations(chain, set.Spec?.Template?.Metadata);
        ServiceName(chain, set.Spec?.ServiceName, service, minimal);
        var pod = set.Spec?.Template?.Spec ?? new PodSpec();
        PodCalls.Settings(chain, pod);
        AffinityCalls.Affinity(chain, pod.Affinity, selector);
        AffinityCalls.TopologySpread(chain, pod.TopologySpreadConstraints, selector);
        ContainerCalls.All(chain, nameof(StatefulSetBuilder.InitContainer), pod.InitContainers);
        ContainerCalls.All(chain, nameof(StatefulSetBuilder.Container), pod.Containers);
        VolumeCalls.Volumes(chain, pod.Volumes);
        VolumeCalls.Claims(chain, set.Spec?.VolumeClaimTemplates);
        StatefulWorkload Build(DslChain c) => WorkloadImport.Build(c, name);
        if (service is not null)
        {
            CompanionCalls.Service(chain, service, selector, Build);
        }

        if (budget is not null)
        {
            CompanionCalls.DisruptionBudget(chain, budget, name, Build);
        }

        var expected = Documents(new StatefulWorkload(set, service, budget, ValueList<ManifestPatch>.Empty));
        var patches = Patches(chain, Documents(Build(chain)), expected);
        Verify(Build(chain), expected, name);
        return new ImportedDeclaration(name, chain, patches);
    }

    /// <summary>Runs the chain on <c>Workload.StatefulSet(name)</c> and builds the workload.</summary>
    public static StatefulWorkload Build(DslChain chain, string name) =>
        ((StatefulSetBuilder)ChainRunner.Run(chain, Workload.StatefulSet(name, string.Empty, 0))).Build();

    // Returns the selector labels the built StatefulSet will have.
    private static ValueMap<string> Selector(DslChain chain, ValueMap<string>? labels, StatefulWorkload minimal)
    {
        var identity = minimal.StatefulSet.Spec!.Selector!.MatchLabels!;
        if (Equals(labels, identity))
        {
            chain.Comment("relies on the default: spec.selector.matchLabels is the DSL's identity selector (" + CompanionCalls.Describe(ImportValues.Pairs(identity)) + ")");
            return identity;
        }

        if (labels is null)
        {
            return identity;
        }

        chain.Call(nameof(StatefulSetBuilder.SelectorLabels), ImportValues.Pairs(labels));
        return labels;
    }

    private static void PodLabels(DslChain chain, ValueMap<string>? labels, ValueMap<string> selector)
    {
        var (own, inherited) = CompanionCalls.Split(labels, selector);
        if (inherited.Length > 0)
        {
            chain.Comment("relies on the default: the pod template carries the selector labels (" + CompanionCalls.Describe(inherited) + ")");
        }

        if (own.Length > 0)
        {
            chain.Call(nameof(StatefulSetBuilder.Labels), own);
        }
    }

    private static void ServiceName(DslChain chain, string? serviceName, Service? service, StatefulWorkload minimal)
    {
        if (service is not null && serviceName == minimal.StatefulSet.Spec!.ServiceName)
        {
            chain.Comment("relies on the default: spec.serviceName is the StatefulSet's name (" + serviceName + ")");
            return;
        }

        if (serviceName is not null)
        {
            chain.Call(nameof(StatefulSetBuilder.ServiceName), serviceName);
        }

        if (service is null)
        {
            if (serviceName is not null)
            {
                chain.Comment("the Service " + serviceName + " is not among the imported files: it is managed elsewhere");
            }

            chain.Call(nameof(StatefulSetBuilder.WithoutService));
        }
    }

    private static IReadOnlyList<(WorkloadDocument Kind, YNode Node)> Documents(StatefulWorkload workload)
    {
        var documents = new List<(WorkloadDocument, YNode)> { (WorkloadDocument.StatefulSet, ModelWriter.WriteStatefulSet(workload.StatefulSet)) };
        if (workload.Service is { } service)
        {
            documents.Add((WorkloadDocument.Service, ModelWriter.WriteService(service)));
        }

        if (workload.DisruptionBudget is { } budget)
        {
            documents.Add((WorkloadDocument.DisruptionBudget, ModelWriter.WritePodDisruptionBudget(budget)));
        }

        return documents;
    }

    private static int Patches(DslChain chain, IReadOnlyList<(WorkloadDocument Kind, YNode Node)> actual, IReadOnlyList<(WorkloadDocument Kind, YNode Node)> expected)
    {
        var count = 0;
        foreach (var (kind, node) in expected)
        {
            var rendered = actual.FirstOrDefault(d => d.Kind == kind).Node;
            if (rendered is null)
            {
                continue;
            }

            var differences = ResidualPatches.Compare(rendered, node);
            if (differences.Count == 0)
            {
                continue;
            }

            var body = new DslChain(typeof(PatchBuilder));
            foreach (var difference in differences)
            {
                body.Comment(Reason(difference, kind));
                Patch(body, difference);
            }

            count += differences.Count;
            chain.Call(
                kind switch
                {
                    WorkloadDocument.Service => nameof(StatefulSetBuilder.PatchService),
                    WorkloadDocument.DisruptionBudget => nameof(StatefulSetBuilder.PatchDisruptionBudget),
                    _ => nameof(StatefulSetBuilder.Patch),
                },
                body);
        }

        return count;
    }

    private static string Reason(Difference difference, WorkloadDocument kind)
    {
        var field = (kind == WorkloadDocument.StatefulSet ? string.Empty : kind + " ") + difference.Field;
        return difference.Operation switch
        {
            PatchOperation.Add when difference.Value is YMapping { Entries.Count: 0 } => "escape hatch: no DSL method writes an empty " + field + ": {}",
            PatchOperation.Add => "escape hatch: the DSL has no method that sets " + field + " to this value",
            PatchOperation.Remove => "escape hatch: the DSL writes " + field + " by default; the original leaves it unset",
            _ => "escape hatch: no DSL call writes " + field + " as the original has it",
        };
    }

    private static void Patch(DslChain body, Difference difference)
    {
        if (difference.Operation == PatchOperation.Remove)
        {
            body.Call(nameof(PatchBuilder.Remove), difference.Pointer);
            return;
        }

        var method = difference.Operation == PatchOperation.Add ? nameof(PatchBuilder.Add) : nameof(PatchBuilder.Replace);
        var raw = ResidualPatches.ToRaw(difference.Value!);
        object value = raw.Kind switch
        {
            RawValueKind.String => raw.Scalar!,
            RawValueKind.Boolean => raw.Scalar == "true",
            RawValueKind.Number when long.TryParse(raw.Scalar, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => raw,
        };
        body.Call(method, difference.Pointer, value);
    }

    // The declaration as written, patches included, must render the original: anything else is a bug in the importer,
    // reported as such rather than handed to the user as a declaration that silently means something else.
    private static void Verify(StatefulWorkload workload, IReadOnlyList<(WorkloadDocument Kind, YNode Node)> expected, string name)
    {
        var rendered = WorkloadRenderer.Render(workload);
        var read = ManifestYaml.Read(rendered.ToYaml(), name);
        var problems = rendered.Errors.Select(e => e.ToString()).ToList();
        var documents = read.Documents.Select(d => d switch
        {
            StatefulSet s => (WorkloadDocument.StatefulSet, ModelWriter.WriteStatefulSet(s)),
            Service s => (WorkloadDocument.Service, ModelWriter.WriteService(s)),
            PodDisruptionBudget p => (WorkloadDocument.DisruptionBudget, (YNode)ModelWriter.WritePodDisruptionBudget(p)),
            _ => (WorkloadDocument.StatefulSet, (YNode?)null),
        }).ToList();
        foreach (var (kind, node) in expected)
        {
            var match = documents.FirstOrDefault(d => d.Item1 == kind).Item2;
            if (match is null)
            {
                problems.Add(kind + " is missing");
            }
            else
            {
                problems.AddRange(ResidualPatches.Compare(match, node).Select(d => kind + " " + d.Field + ": " + d.Operation));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the import of " + name + " does not render back the original (" + string.Join("; ", problems) + ")");
        }
    }
}
