namespace StatefulManifests.BuildTasks;

/// <summary>The build step's diagnostic IDs (documented in docs/msbuild.md).</summary>
internal static class BuildCodes
{
    /// <summary>The compiled assembly was not found.</summary>
    public const string AssemblyMissing = "SMB0001";

    /// <summary>Two outputs have one path (in any letter case), or a path is not a safe relative path.</summary>
    public const string BadOrDuplicatePath = "SMB0002";

    /// <summary>A file the build wrote earlier was changed by someone else and is handed back, or kept for an invalid workload.</summary>
    public const string HandedBack = "SMB0003";

    /// <summary>A file the build would write exists and was not written by it (or was changed since).</summary>
    public const string NotOwned = "SMB0004";

    /// <summary>A path in the output folder is a symbolic link (or junction); the build never writes through one.</summary>
    public const string Link = "SMB0005";

    /// <summary>Reading, writing or deleting a file or folder failed.</summary>
    public const string IoFailure = "SMB0006";

    /// <summary>The output path cannot be a folder (it is a file).</summary>
    public const string BadOutputPath = "SMB0007";

    /// <summary>A line of the state file was damaged or unsafe and was ignored.</summary>
    public const string DamagedState = "SMB0010";
}

/// <summary>One error or warning of the build step.</summary>
/// <param name="Code">The SMB ID (<see cref="BuildCodes"/>).</param>
/// <param name="Message">What happened and the way out.</param>
/// <param name="Path">The file or folder it is about (full path), or null.</param>
/// <param name="IsError">True for an error (the build fails), false for a warning.</param>
internal sealed record BuildProblem(string Code, string Message, string? Path, bool IsError)
{
    /// <summary>An error.</summary>
    public static BuildProblem Error(string code, string? path, string message) => new(code, message, path, true);

    /// <summary>A warning.</summary>
    public static BuildProblem Warning(string code, string? path, string message) => new(code, message, path, false);
}

/// <summary>A failure that stops one file operation, carrying the problem to report (an I/O failure with its path).</summary>
internal sealed class BuildProblemException(BuildProblem problem, Exception? inner = null) : Exception(problem.Message, inner)
{
    /// <summary>The problem to report.</summary>
    public BuildProblem Problem { get; } = problem;
}
