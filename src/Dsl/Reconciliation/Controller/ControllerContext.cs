namespace StatefulManifests.Reconciliation;

/// <summary>What a controller pass works with: the API server, the event recorder, the clock, and the action log of the pass.</summary>
internal sealed class ControllerContext
{
    public const string Component = "statefulset-controller";

    public ControllerContext(ApiServer api, EventRecorder events, SimulationOptions options)
    {
        Api = api;
        Events = events;
        Options = options;
    }

    public ApiServer Api { get; }

    public EventRecorder Events { get; }

    public SimulationOptions Options { get; }

    public FeatureGates Gates => Options.FeatureGates;

    public DateTimeOffset Now => Api.Clock.Now;

    /// <summary>The writes of the current pass.</summary>
    public List<ControllerAction> Actions { get; } = new();

    public void Record(ControllerActionKind kind, string target, string detail, ApiError? error = null) =>
        Actions.Add(new ControllerAction(kind, target, detail, error?.Message));

    public void Record(ControllerActionKind kind, string target, string detail, string? error) =>
        Actions.Add(new ControllerAction(kind, target, detail, error));
}
