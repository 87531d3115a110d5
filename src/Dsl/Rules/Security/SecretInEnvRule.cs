using StatefulManifests.Model;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3008 (kube-linter env-var-secret): an environment variable whose name says it is a secret (a word PASSWORD,
/// PASSWD, SECRET, TOKEN, KEY, APIKEY, CREDENTIAL(S) in its name) set to a literal value. Names are split into words
/// (on <c>_ - .</c> and camelCase) so <c>KEYSPACE</c> or <c>MONKEY</c> do not count; values that are file paths,
/// <c>$(VAR)</c> references or switches (<c>MYSQL_ALLOW_EMPTY_PASSWORD=yes</c>) are not secrets themselves.
/// </summary>
internal sealed class SecretInEnvRule : WorkloadRule
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS",
    };

    private static readonly HashSet<string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        "0", "1", "true", "false", "yes", "no", "on", "off", "y", "n", "enabled", "disabled",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.SecretInEnvLiteral;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var env = site.Container.Env ?? ValueList<EnvVar>.Empty;
            for (var i = 0; i < env.Count; i++)
            {
                if (env[i].Name is { } name && IsSecretName(name) && IsLiteralSecret(env[i].Value))
                {
                    yield return Descriptor.At(site.Path.Child("env").Index(i).Child("value"), name, site.Name);
                }
            }
        }
    }

    internal static bool IsSecretName(string name) => Words(name).Any(SecretWords.Contains);

    private static bool IsLiteralSecret(string? value) =>
        !string.IsNullOrEmpty(value)
        && value![0] != '/'
        && !Switches.Contains(value)
        && !(value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(")", StringComparison.Ordinal));

    // Splits DB_ROOT_PASSWORD, db-password, apiKey and RootPassword into their words.
    internal static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || !char.IsLetterOrDigit(name[i])
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (boundary)
            {
                var word = name.Substring(start, i - start).Trim('_', '-', '.');
                if (word.Length > 0)
                {
                    yield return word;
                }

                start = i;
            }
        }
    }
}
