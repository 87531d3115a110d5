using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Rules;

namespace StatefulManifests.Generators.Baseline;

/// <summary>
/// The output step of the baseline check: reports each finding on its declaration (or, for a released file that
/// cannot be read, in that file), with the catalogue's descriptor.
/// </summary>
internal static class BaselineDiagnostics
{
    public static void Report(SourceProductionContext context, (BaselineFindings Findings, EquatableArray<DeclarationSite> Sites) input)
    {
        var (findings, sites) = input;
        var site = sites.FirstOrDefault(s => s.HintName == findings.HintName);
        foreach (var finding in findings.Findings)
        {
            Report(context, finding, finding.Location ?? site?.Location);
        }
    }

    /// <summary>Reports what a released file could not be read as (once per file).</summary>
    public static void ReportFile(SourceProductionContext context, BaselineFile file)
    {
        foreach (var problem in file.Problems)
        {
            Report(context, problem, problem.Location);
        }
    }

    private static void Report(SourceProductionContext context, FindingInfo finding, FileLocation? at)
    {
        if (RuleCatalog.Find(finding.RuleId) is not { } rule)
        {
            return;
        }

        var location = at is null ? Location.None : Location.Create(at.Path, at.Span, at.Lines);
        context.ReportDiagnostic(Diagnostic.Create(RuleDiagnostics.Descriptor(rule), location, finding.Arguments.Cast<object>().ToArray()));
    }
}
