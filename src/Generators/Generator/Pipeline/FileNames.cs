namespace StatefulManifests.Generators.Pipeline;

/// <summary>Manifest file names: a workload's name made safe as a single file name, with <c>.yaml</c>.</summary>
internal static class FileNames
{
    /// <summary>
    /// <c>&lt;name&gt;.yaml</c>, keeping letters, digits, <c>-</c>, <c>_</c> and <c>.</c> and replacing anything else
    /// (path separators above all) with <c>-</c>, so the build task can never write outside its folder.
    /// </summary>
    public static string For(string name)
    {
        var safe = new string(name.Select(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? c : '-').ToArray()).Trim('.');
        return (safe.Length == 0 ? "workload" : safe) + ".yaml";
    }
}
