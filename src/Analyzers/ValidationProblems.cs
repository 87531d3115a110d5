using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Rules;
using StatefulManifests.Validation;

namespace StatefulManifests.Analyzers;

/// <summary>One validation problem to report: the rule, its message arguments and the plan node it belongs on.</summary>
/// <param name="Descriptor">The rule.</param>
/// <param name="Arguments">The rule's message arguments.</param>
/// <param name="NodeId">The call or argument node that caused it, or null for the declaration.</param>
internal sealed record ValidationProblem(DiagnosticDescriptor Descriptor, object?[] Arguments, int? NodeId);

/// <summary>
/// The problems the API server would reject in an evaluated workload, in the catalogue's terms: the DSL's linter
/// turns the validator's errors into SM1xxx findings (or SM0003/SM0004 where a rule words them better), and the
/// errors the linter cannot see (a patch that does not apply) keep the SM1xxx rule of their error type.
/// </summary>
internal static class ValidationProblems
{
    /// <summary>The problems of an invalid workload (none for a valid one).</summary>
    public static IEnumerable<ValidationProblem> Of(EvaluatedWorkload evaluated)
    {
        if (evaluated.Workload is not { } workload || evaluated.Errors.Count == 0)
        {
            yield break;
        }

        var origins = evaluated.Builder?.Origins ?? [];
        var findings = WorkloadLinter.Lint(workload.StatefulSet, workload.Service, workload.DisruptionBudget)
            .Where(f => RuleCatalog.Find(f.RuleId) is { } rule && DiagnosticDescriptors.ReportsValidation(rule));
        foreach (var finding in findings)
        {
            var document = DocumentOf(finding.Subject);
            var error = evaluated.Errors.FirstOrDefault(e => OriginLocator.DocumentOf(e) == document && e.Path.Equals(finding.Path));
            yield return new ValidationProblem(
                DiagnosticDescriptors.ForRule(finding.RuleId),
                finding.Arguments.Cast<object?>().ToArray(),
                OriginLocator.Locate(origins, finding.Path, document, error?.BadValue));
        }

        foreach (var error in PatchErrors(workload, evaluated.Errors))
        {
            yield return new ValidationProblem(
                DiagnosticDescriptors.ForErrorType(error.Type),
                [error.Path.ToString(), error.Message],
                OriginLocator.Locate(origins, error.Path, OriginLocator.DocumentOf(error), error.BadValue));
        }
    }

    /// <summary>The errors of <c>Validate()</c> that the validator alone does not produce: the patches' (a multiset difference).</summary>
    private static IEnumerable<FieldError> PatchErrors(StatefulWorkload workload, IReadOnlyList<FieldError> all)
    {
        var remaining = WorkloadValidator.Validate(workload.StatefulSet, workload.Service, workload.DisruptionBudget)
            .GroupBy(e => e)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var error in all)
        {
            if (remaining.TryGetValue(error, out var count) && count > 0)
            {
                remaining[error] = count - 1;
            }
            else
            {
                yield return error;
            }
        }
    }

    private static WorkloadDocument DocumentOf(FindingSubject subject) => subject switch
    {
        FindingSubject.Service => WorkloadDocument.Service,
        FindingSubject.PodDisruptionBudget => WorkloadDocument.DisruptionBudget,
        _ => WorkloadDocument.StatefulSet,
    };
}
