using System.Collections;
using System.Globalization;
using StatefulManifests.Generators.Evaluation.Interpretation;
using StatefulManifests.Generators.Planning.Plan;
using StatefulManifests.Validation;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>One workload a declaration produced: the DSL's own builder, workload, errors and YAML.</summary>
internal sealed class EvaluatedWorkload
{
    /// <summary>Creates the result.</summary>
    public EvaluatedWorkload(StatefulSetBuilder builder, StatefulWorkload workload, IReadOnlyList<FieldError> errors, string? yaml)
    {
        Builder = builder;
        Workload = workload;
        Errors = errors;
        Yaml = yaml;
    }

    /// <summary>The evaluated builder (its <c>Origins</c> map validation errors to calls).</summary>
    public StatefulSetBuilder Builder { get; }

    /// <summary>The built workload.</summary>
    public StatefulWorkload Workload { get; }

    /// <summary>The validation errors (empty when valid).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The rendered YAML stream, when valid.</summary>
    public string? Yaml { get; }
}

/// <summary>What evaluating a declaration (for one environment) gave: its workloads, or why it failed.</summary>
internal sealed class EvaluatedDeclaration
{
    private EvaluatedDeclaration(string? environment, IReadOnlyList<EvaluatedWorkload> workloads, EvaluationException? failure)
    {
        Environment = environment;
        Workloads = workloads;
        Failure = failure;
    }

    /// <summary>The environment it was evaluated for, or null.</summary>
    public string? Environment { get; }

    /// <summary>The workloads, in the order the declaration returned them.</summary>
    public IReadOnlyList<EvaluatedWorkload> Workloads { get; }

    /// <summary>Why evaluation failed, or null.</summary>
    public EvaluationException? Failure { get; }

    /// <summary>A successful evaluation.</summary>
    public static EvaluatedDeclaration Succeeded(string? environment, IReadOnlyList<EvaluatedWorkload> workloads) => new(environment, workloads, null);

    /// <summary>A failed evaluation.</summary>
    public static EvaluatedDeclaration Failed(string? environment, EvaluationException failure) => new(environment, [], failure);
}

/// <summary>
/// Runs a declaration's plan and then, for each builder it returns, exactly what <c>Render()</c> does at run time:
/// <c>Build()</c>, <c>Validate()</c> and <c>ToYaml()</c> of the real DSL. Evaluation runs under the invariant culture,
/// as the code would at run time under a neutral culture. Shared by the generator (which needs the YAML) and the
/// analyzers (which need the errors and their origins). Never throws except for cancellation.
/// </summary>
internal static class WorkloadEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="plan"/> for <paramref name="environment"/> (null when the declaration takes none),
    /// validating for <paramref name="target"/>'s release and feature gates; the project files the declaration reads
    /// come from <paramref name="files"/>, which records them.
    /// </summary>
    public static EvaluatedDeclaration Evaluate(WorkloadPlan plan, string? environment, Versions.TargetCluster target, ProjectFileAccess files, CancellationToken cancellationToken)
    {
        var entry = new SourceRef(plan.Entry, 0);

        // The user's code runs as it would at run time under a neutral culture: culture-sensitive members
        // (ToUpper(), int.Parse(s), ToString("N")) must give the same result on every machine. The change is to this
        // thread only and is undone before returning, so nothing else the compiler does sees it.
#pragma warning disable RS1035 // The culture is set for the evaluated code, not read for messages.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

            // The compiler may not read the disk: the project files a declaration reads are the AdditionalFiles' texts.
            using var reading = files.Use();
            var interpreter = new Interpreter(plan, cancellationToken);
            var value = interpreter.Run(EnvironmentArguments(plan, environment, interpreter, entry));
            var builders = Builders(plan, value, entry);
            var workloads = new List<EvaluatedWorkload>(builders.Count);
            foreach (var builder in builders)
            {
                workloads.Add(Finish(builder, entry, target));
            }

            return EvaluatedDeclaration.Succeeded(environment, workloads);
        }
        catch (EvaluationException failure)
        {
            return EvaluatedDeclaration.Failed(environment, failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return EvaluatedDeclaration.Failed(environment, new EvaluationException(entry, "evaluation failed: " + e.GetType().Name + ": " + e.Message, e, isLimitation: true));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
#pragma warning restore RS1035
    }

    private static object?[] EnvironmentArguments(WorkloadPlan plan, string? environment, Interpreter interpreter, SourceRef entry)
    {
        switch (plan.Environment)
        {
            case EnvironmentParameter.None:
                return [];
            case EnvironmentParameter.String:
                return [environment ?? throw new EvaluationException(entry, NoEnvironments)];
            default:
            {
                var type = interpreter.Type(plan.EnvironmentType!);
                var name = environment ?? throw new EvaluationException(entry, NoEnvironments);
                var member = type.Plan.EnumMembers.FirstOrDefault(m => EnvironmentNames.Match(m.Name, name))
                    ?? throw new EvaluationException(entry, "the environment '" + name + "' has no member in " + type.DisplayName + " (members: " +
                        string.Join(", ", type.Plan.EnumMembers.Select(m => m.Name)) + "); add one or rename the environment in StatefulManifestsEnvironments");
                return [new UserEnumValue(type, member.Value)];
            }
        }
    }

    private const string NoEnvironments = "the declaration takes an environment, but the project lists none: set the MSBuild property StatefulManifestsEnvironments (for example dev;prod)";

    private static IReadOnlyList<StatefulSetBuilder> Builders(WorkloadPlan plan, object? value, SourceRef entry)
    {
        if (plan.Result == DeclarationResult.Single)
        {
            return value is StatefulSetBuilder single
                ? [single]
                : throw new EvaluationException(entry, value is null ? "the declaration returned null" : "the declaration's value is not a StatefulManifests.StatefulSetBuilder");
        }

        if (value is not IEnumerable sequence)
        {
            throw new EvaluationException(entry, "the declaration returned null instead of a sequence of builders");
        }

        var builders = new List<StatefulSetBuilder>();
        foreach (var item in sequence)
        {
            builders.Add(item as StatefulSetBuilder ?? throw new EvaluationException(entry, "item " + builders.Count + " of the declaration's sequence is " + (item is null ? "null" : "not a StatefulSetBuilder")));
        }

        return builders;
    }

    private static EvaluatedWorkload Finish(StatefulSetBuilder builder, SourceRef entry, Versions.TargetCluster target)
    {
        StatefulWorkload workload;
        try
        {
            workload = builder.Build();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EvaluationException(entry, "building the workload failed: " + e.GetType().Name + ": " + e.Message, e);
        }

        try
        {
            // ToYaml validates first and reports every error in the exception: one validation, as Render() does.
            return new EvaluatedWorkload(builder, workload, [], workload.ToYaml(target));
        }
        catch (ManifestValidationException invalid)
        {
            return new EvaluatedWorkload(builder, workload, invalid.Errors, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EvaluationException(entry, "rendering the workload failed: " + e.GetType().Name + ": " + e.Message, e);
        }
    }
}

/// <summary>How an environment listed in the project matches an enum member: case, <c>-</c> and <c>_</c> ignored.</summary>
internal static class EnvironmentNames
{
    /// <summary>True when <paramref name="member"/> names <paramref name="environment"/> (<c>Prod</c> and <c>prod</c>, <c>EuWest</c> and <c>eu-west</c>).</summary>
    public static bool Match(string member, string environment) =>
        string.Equals(Normalize(member), Normalize(environment), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => name.Replace("-", string.Empty).Replace("_", string.Empty);
}
