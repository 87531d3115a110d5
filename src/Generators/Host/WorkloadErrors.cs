using StatefulManifests.Rules;
using StatefulManifests.Validation;

namespace StatefulManifests.Host;

/// <summary>One error of a workload: its rule ID and one line with the help link.</summary>
/// <param name="Code">The rule ID (<c>SM1002</c>).</param>
/// <param name="Message">What is wrong, then the help link in parentheses, as the compiler shows analyzer errors.</param>
internal sealed record WorkloadError(string Code, string Message);

/// <summary>What the build makes of one workload: its YAML when valid, and the errors the analyzers would have reported.</summary>
/// <param name="Yaml">The YAML stream, exactly <c>ToYaml()</c>; null when the workload is invalid.</param>
/// <param name="Errors">The errors, in the linter's order.</param>
internal sealed record WorkloadOutcome(string? Yaml, IReadOnlyList<WorkloadError> Errors);

/// <summary>
/// The errors of a workload the compiler could not evaluate, decided as for one it could: the YAML is written when
/// <c>ToYaml()</c> (the one validation) accepts it; the errors are the error-severity findings of
/// <see cref="WorkloadLinter.Lint(StatefulWorkload)"/>, what the analyzers report.
/// Warnings are the analyzers' business: the build has no <c>.editorconfig</c> to configure them by.
/// </summary>
internal static class WorkloadErrors
{
    /// <summary>Validates and renders <paramref name="workload"/>.</summary>
    public static WorkloadOutcome Of(StatefulWorkload workload)
    {
        string? yaml = null;
        IReadOnlyList<FieldError> validation = [];
        try
        {
            yaml = workload.ToYaml();
        }
        catch (ManifestValidationException invalid)
        {
            validation = invalid.Errors;
        }

        var errors = WorkloadLinter.Lint(workload)
            .Where(f => f.Severity == FindingSeverity.Error)
            .Select(f => Error(f.RuleId, f.Message))
            .ToList();
        if (errors.Count == 0)
        {
            // Nothing the linter names, yet the validation refused it: its own errors, so the user learns why.
            errors.AddRange(validation.Select(e => Error(RuleCatalog.ForErrorType(e.Type).Id, e.Path + ": " + e.Message)));
        }

        return new WorkloadOutcome(yaml, errors);
    }

    private static WorkloadError Error(string code, string message) => new(code, message + " (" + RuleCatalog.HelpLinkBase + code + ".md)");
}
