namespace StatefulManifests.Generators.Pipeline;

/// <summary>Names of the generator's pipeline steps, for step-tracking tests.</summary>
internal static class TrackingNames
{
    /// <summary>The transform: declaration info and evaluation plan per <c>[StatefulWorkload]</c> member.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>Evaluation: the DSL executed, the workload validated and rendered.</summary>
    public const string Specs = nameof(Specs);

    /// <summary>Project settings (cluster domain, C# version).</summary>
    public const string Options = nameof(Options);

    /// <summary>The released manifest files of the baseline check, one step per file.</summary>
    public const string BaselineFiles = nameof(BaselineFiles);

    /// <summary>The baseline findings of a declaration.</summary>
    public const string BaselineFindings = nameof(BaselineFindings);

    /// <summary>The rollout plans of a declaration's changed workloads against the baseline.</summary>
    public const string BaselinePlans = nameof(BaselinePlans);
}
