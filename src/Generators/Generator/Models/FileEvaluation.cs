using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Models;

/// <summary>The project settings evaluation depends on: the environments and the target cluster.</summary>
/// <param name="Environments">The environments a declaration is evaluated for.</param>
/// <param name="Target">The cluster the workloads are validated for.</param>
internal sealed record EvaluationSettings(EquatableArray<string> Environments, Versions.TargetCluster Target);

/// <summary>
/// The first evaluation of a declaration, which sees no project file. A declaration that read none is finished
/// (<see cref="Spec"/>); one that did is evaluated again with the texts of exactly <see cref="FilesRead"/>.
/// </summary>
/// <param name="Declaration">The declaration and its plan.</param>
/// <param name="Settings">What it was evaluated with.</param>
/// <param name="Spec">The finished spec, or null when the declaration reads project files.</param>
/// <param name="FilesRead">The project paths it read (normalized), in the order first read.</param>
internal sealed record FirstEvaluation(WorkloadDeclaration Declaration, EvaluationSettings Settings, DeclarationSpec? Spec, EquatableArray<string> FilesRead);

/// <summary>A first evaluation with the current texts of the files it read: equal while none of those files changes.</summary>
/// <param name="First">The first evaluation.</param>
/// <param name="Files">The texts of its <see cref="FirstEvaluation.FilesRead"/>, in that order.</param>
internal sealed record FileEvaluationInput(FirstEvaluation First, EquatableArray<ProjectFileText> Files);
