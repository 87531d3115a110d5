using StatefulManifests.Validation;
using StatefulManifests.Model;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3020: a ConfigMap of the workload holds what looks like a secret: a key whose name says so (a word PASSWORD,
/// PASSWD, SECRET, TOKEN, APIKEY, CREDENTIAL(S), split as SM3008 does; not KEY alone, which config files use for
/// other things), a <c>.key</c> or <c>.pem</c> file, or a PEM private key in any value. A ConfigMap is stored and
/// served unencrypted to anyone who may read ConfigMaps; secrets belong in a Secret the pods reference.
/// </summary>
internal sealed class SecretInConfigMapRule : WorkloadRule
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.SecretInConfigMap;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var configMap in workload.OwnedOf<ConfigMap>())
        {
            foreach (var entry in configMap.Data ?? ValueMap<string>.Empty)
            {
                if (!string.IsNullOrEmpty(entry.Value) && (IsSecretKey(entry.Key) || HoldsPrivateKey(entry.Value!)))
                {
                    yield return Descriptor.InOwned(configMap, FieldPath.Root("data").Key(entry.Key), entry.Key);
                }
            }
        }
    }

    private static bool IsSecretKey(string key) =>
        key.EndsWith(".key", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
        || SecretInEnvRule.Words(key).Any(SecretWords.Contains);

    private static bool HoldsPrivateKey(string value) =>
        value.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0 && value.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0;
}
