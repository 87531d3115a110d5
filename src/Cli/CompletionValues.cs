using System.CommandLine;

namespace StatefulManifests.Cli;

/// <summary>
/// Shell completion (System.CommandLine's <c>[suggest]</c> directive, which <c>dotnet-suggest</c> calls) offers an
/// enum option's values in the lower case the docs and examples use, not the enum's member names.
/// </summary>
internal static class CompletionValues
{
    /// <summary>Completes <paramref name="option"/> with the lower-case names of <typeparamref name="TEnum"/>.</summary>
    public static TOption WithLowerCaseValues<TOption, TEnum>(this TOption option)
        where TOption : Option
        where TEnum : struct, Enum
    {
        option.CompletionSources.Clear();
        option.CompletionSources.Add(Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray());
        return option;
    }
}
