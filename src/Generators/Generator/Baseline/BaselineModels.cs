using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Model;

namespace StatefulManifests.Generators.Baseline;

/// <summary>A place in a file, as plain data (a Roslyn <c>Location</c> is not equatable, so pipeline steps carry this).</summary>
/// <param name="Path">The file.</param>
/// <param name="Span">The text span.</param>
/// <param name="Lines">The line span.</param>
internal sealed record FileLocation(string Path, TextSpan Span, LinePositionSpan Lines);

/// <summary>A finding as the output step reports it: the rule, its message arguments and where.</summary>
/// <param name="RuleId">The catalogue ID.</param>
/// <param name="Arguments">The message format's arguments (the first is the field path).</param>
/// <param name="Location">Where to report it; null for the declaration it belongs to.</param>
internal sealed record FindingInfo(string RuleId, EquatableArray<string> Arguments, FileLocation? Location);

/// <summary>
/// One released manifest file (an <c>AdditionalFiles</c> item the targets marked with <c>StatefulManifestsBaseline</c>):
/// its StatefulSets and Services, and what could not be read (reported in the file as SM1009).
/// </summary>
/// <param name="Path">The file's path.</param>
/// <param name="RelativePath">Its path under the baseline folder, with <c>/</c> (<c>prod/web.yaml</c>).</param>
/// <param name="StatefulSets">The StatefulSets it holds.</param>
/// <param name="Services">The Services it holds.</param>
/// <param name="Problems">What the reader could not read.</param>
internal sealed record BaselineFile(string Path, string RelativePath, EquatableArray<StatefulSet> StatefulSets, EquatableArray<Service> Services, EquatableArray<FindingInfo> Problems)
{
    /// <summary>The environment folder the file is in (the first segment of <see cref="RelativePath"/>), or null at the top.</summary>
    public string? Folder => RelativePath.IndexOf('/') is var slash and > 0 ? RelativePath.Substring(0, slash) : null;
}

/// <summary>Where a <c>[StatefulWorkload]</c> member is declared, keyed like its generated file.</summary>
/// <param name="HintName">The declaration's <c>HintName</c>.</param>
/// <param name="Location">The member's name in its declaration.</param>
internal sealed record DeclarationSite(string HintName, FileLocation Location);

/// <summary>The baseline findings of one declaration (all its workloads and environments).</summary>
/// <param name="HintName">The declaration's <c>HintName</c>.</param>
/// <param name="Findings">The findings, in order.</param>
internal sealed record BaselineFindings(string HintName, EquatableArray<FindingInfo> Findings);

/// <summary>
/// What the build writes and prints for one changed workload's rollout: the plan page (null when the model could not
/// simulate it) and the summary line (null for a plan the API server rejects: its SM500x errors already say so).
/// </summary>
/// <param name="RelativePath">The page's path under the output folder, beside the manifest (<c>prod/web.plan.md</c>).</param>
/// <param name="Markdown">The page, or null.</param>
/// <param name="Summary">The line for the build output, or null.</param>
internal sealed record PlanOutput(string RelativePath, string? Markdown, string? Summary);

/// <summary>The rollout plans of one declaration's changed workloads.</summary>
/// <param name="HintName">The generated file that carries them (the declaration's <c>PlanHintName</c>).</param>
/// <param name="Plans">The plans, in the declaration's workload order.</param>
internal sealed record BaselinePlans(string HintName, EquatableArray<PlanOutput> Plans);
