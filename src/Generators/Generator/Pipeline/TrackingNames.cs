namespace StatefulManifests.Generators.Pipeline;

/// <summary>Names of the generator's pipeline steps, for step-tracking tests.</summary>
internal static class TrackingNames
{
    /// <summary>The transform: declaration info and evaluation plan per <c>[StatefulWorkload]</c> member.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>The first evaluation: the DSL executed without project files, recording the ones a declaration reads.</summary>
    public const string Evaluations = nameof(Evaluations);

    /// <summary>Each first evaluation paired with the texts of the project files it read.</summary>
    public const string FileInputs = nameof(FileInputs);

    /// <summary>Evaluation finished: the DSL executed (with its project files), the workload validated and rendered.</summary>
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
