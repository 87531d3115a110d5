namespace StatefulManifests.Reconciliation;

/// <summary>
/// The StatefulSet controller's sync (reference §B.1 — sync in stateful_set.go): fetch the set, adopt orphan revisions, claim pods, run one
/// pass (<see cref="ReconcilePass"/>). Stateless between passes, like the real controller: everything it knows it
/// reads from the API server each time.
/// </summary>
internal sealed class StatefulSetController
{
    private readonly ApiServer api;
    private readonly EventRecorder events;
    private readonly SimulationOptions options;

    public StatefulSetController(ApiServer api, EventRecorder events, SimulationOptions options)
    {
        this.api = api;
        this.events = events;
        this.options = options;
    }

    public PassReport Sync(int number)
    {
        var set = api.Store.StatefulSet;
        if (set is null)
        {
            return new PassReport { Number = number, Time = api.Clock.Now, StoppedIn = PassStage.NotFound, Reason = "the StatefulSet does not exist" };
        }

        var context = new ControllerContext(api, events, options);
        var ownership = new PodOwnership(context);
        ownership.AdoptOrphanRevisions(set);
        var pods = ownership.ClaimPods(set);
        return new ReconcilePass(context).Run(api.Store.StatefulSet!, pods, number);
    }
}
