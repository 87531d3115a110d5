using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>The objects the workload owns beside the StatefulSet, its Service and budget (see <see cref="StatefulWorkload.Owned"/>).</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>
    /// Adds an object the workload owns, as given: any kind of <see cref="OwnedObjects.Kinds"/> (a ConfigMap, a
    /// Role, a NetworkPolicy ...) written as a model record, for what the dedicated calls do not cover. It is
    /// rendered with the workload in install order, validated as the API server would, and placed in the set's
    /// namespace when it names none (a PersistentVolume, being cluster-wide, is left as it is).
    /// </summary>
    /// <param name="owned">The object; null is reported by <see cref="StatefulWorkload.Validate()"/>.</param>
    public StatefulSetBuilder Owns(IKubernetesObject owned)
    {
        if (owned is null)
        {
            return Update(FieldPath.Document, d => d with
            {
                CallErrors = d.CallErrors.Add(FieldError.Required(FieldPath.Document, "Owns(null): there is no object to own")),
            });
        }

        return AddOwned(OwnedObjects.Subject(owned), context => owned switch
        {
            PersistentVolume => owned,
            PersistentVolumeClaim claim => claim with
            {
                ApiVersion = claim.ApiVersion ?? "v1",
                Kind = claim.Kind ?? "PersistentVolumeClaim",
                Metadata = context.InNamespace(claim.Metadata),
            },
            _ => WithMetadata(owned, context.InNamespace(owned.Metadata)),
        });
    }

    /// <summary>
    /// Declares an owned object completed at <see cref="Build"/> from the finished set, and records this call (and
    /// the nested builder's calls in <paramref name="nested"/>, relative to the object) as the origin of its fields.
    /// </summary>
    internal StatefulSetBuilder AddOwned(
        string subject,
        Func<OwnedContext, IKubernetesObject?> complete,
        IEnumerable<FieldOrigin>? nested = null,
        Func<StatefulSetDraft, StatefulSetDraft>? alsoUpdate = null) =>
        AddOwned(new OwnedStep(subject, complete), nested, alsoUpdate);

    /// <summary>As <see cref="AddOwned(string, Func{OwnedContext, IKubernetesObject?}, IEnumerable{FieldOrigin}?, Func{StatefulSetDraft, StatefulSetDraft}?)"/>, for a prepared step (one that owns several objects).</summary>
    internal StatefulSetBuilder AddOwned(OwnedStep step, IEnumerable<FieldOrigin>? nested = null, Func<StatefulSetDraft, StatefulSetDraft>? alsoUpdate = null)
    {
        var subject = step.Subject;
        var origins = draft.Origins
            .Add(new FieldOrigin(FieldPath.Document, DslCallSite.Current) { Document = WorkloadDocument.Owned, Object = subject })
            .AddRange((nested ?? []).Select(o => o with { Document = WorkloadDocument.Owned, Object = subject }));
        var next = draft with { OwnedSteps = draft.OwnedSteps.Add(step) };
        next = alsoUpdate?.Invoke(next) ?? next;
        return new StatefulSetBuilder(next with { Origins = origins.AddRange(next.Origins.Skip(draft.Origins.Count)) });
    }

    /// <summary>
    /// As <see cref="AddOwned(string, Func{OwnedContext, IKubernetesObject?}, IEnumerable{FieldOrigin}?, Func{StatefulSetDraft, StatefulSetDraft}?)"/>, for an owned object configured by a nested builder lambda: runs it, then records
    /// the call and the lambda's own calls (relative to the object) as origins, and completes the object from the
    /// built builder at build time.
    /// </summary>
    internal StatefulSetBuilder NestOwned<TBuilder>(
        Func<TBuilder, string> subject,
        TBuilder seed,
        Func<TBuilder, TBuilder>? configure,
        Func<TBuilder, OwnedContext, IKubernetesObject?> complete)
        where TBuilder : class, INestedBuilder
    {
        var built = configure is null ? seed : Nested.Run(seed, configure);
        var nested = built.Origins.Skip(seed.Origins.Count).Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned));
        return AddOwned(subject(built), context => complete(built, context), nested);
    }

    // The owned objects of the finished set, in the order declared (the workload sorts them into install order).
    private ValueList<IKubernetesObject> CompleteOwned(OwnedContext context) =>
        ValueList.Of(draft.OwnedSteps.SelectMany(step => step.Objects(context)).ToArray());

    private static IKubernetesObject WithMetadata(IKubernetesObject owned, ObjectMeta metadata) => owned switch
    {
        ConfigMap o => o with { Metadata = metadata },
        ServiceAccount o => o with { Metadata = metadata },
        Role o => o with { Metadata = metadata },
        RoleBinding o => o with { Metadata = metadata },
        Service o => o with { Metadata = metadata },
        NetworkPolicy o => o with { Metadata = metadata },
        HorizontalPodAutoscaler o => o with { Metadata = metadata },
        CronJob o => o with { Metadata = metadata },
        _ => owned,
    };
}
