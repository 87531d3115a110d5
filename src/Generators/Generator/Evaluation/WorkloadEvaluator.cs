using StatefulManifests.Generators.Planning;
using StatefulManifests.Validation;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>The outcome of evaluating a workload plan: the DSL's own builder, workload, errors and YAML.</summary>
internal sealed class EvaluatedWorkload
{
    private EvaluatedWorkload(StatefulSetBuilder? builder, StatefulWorkload? workload, IReadOnlyList<FieldError> errors, string? yaml, EvaluationException? failure)
    {
        Builder = builder;
        Workload = workload;
        Errors = errors;
        Yaml = yaml;
        Failure = failure;
    }

    /// <summary>The evaluated builder (its <c>Origins</c> map validation errors to calls).</summary>
    public StatefulSetBuilder? Builder { get; }

    /// <summary>The built workload.</summary>
    public StatefulWorkload? Workload { get; }

    /// <summary>The validation errors (empty when valid).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The rendered YAML stream, when valid.</summary>
    public string? Yaml { get; }

    /// <summary>Why evaluation failed, or null.</summary>
    public EvaluationException? Failure { get; }

    /// <summary>A successful evaluation.</summary>
    public static EvaluatedWorkload Succeeded(StatefulSetBuilder builder, StatefulWorkload workload, IReadOnlyList<FieldError> errors, string? yaml) =>
        new(builder, workload, errors, yaml, null);

    /// <summary>A failed evaluation.</summary>
    public static EvaluatedWorkload Failed(EvaluationException failure) => new(null, null, [], null, failure);
}

/// <summary>
/// Runs a plan and then exactly what <c>Render()</c> does at run time: <c>Build()</c>, <c>Validate()</c> and
/// <c>ToYaml()</c> of the real DSL. Shared by the generator (which needs the YAML) and the analyzers (which need
/// the errors and their origins). Never throws except for cancellation.
/// </summary>
internal static class WorkloadEvaluator
{
    /// <summary>Evaluates the plan of a <c>[StatefulWorkload]</c> declaration.</summary>
    public static EvaluatedWorkload Evaluate(PlanNode root, CancellationToken cancellationToken)
    {
        object? value;
        try
        {
            value = new PlanExecutor(cancellationToken).Run(root);
        }
        catch (EvaluationException e)
        {
            return EvaluatedWorkload.Failed(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return EvaluatedWorkload.Failed(new EvaluationException(root.Id, "evaluation failed: " + e.GetType().Name + ": " + e.Message, e));
        }

        if (value is not StatefulSetBuilder builder)
        {
            return EvaluatedWorkload.Failed(new EvaluationException(root.Id, "the declaration's value is not a StatefulManifests.StatefulSetBuilder"));
        }

        try
        {
            var workload = builder.Build();
            try
            {
                // ToYaml validates first and reports every error in the exception: one validation, as Render() does.
                return EvaluatedWorkload.Succeeded(builder, workload, [], workload.ToYaml());
            }
            catch (ManifestValidationException invalid)
            {
                return EvaluatedWorkload.Succeeded(builder, workload, invalid.Errors, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return EvaluatedWorkload.Failed(new EvaluationException(root.Id, "building the workload failed: " + e.GetType().Name + ": " + e.Message, e));
        }
    }
}
