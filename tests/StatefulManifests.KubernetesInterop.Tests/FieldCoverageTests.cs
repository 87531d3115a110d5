using System.Collections;
using System.Reflection;
using k8s.Models;
using StatefulManifests.KubernetesClient;
using StatefulManifests.KubernetesClient.Conversion;
using StatefulManifests.KubernetesInterop.Tests.Support;
using StatefulManifests.Model;
using Xunit.Abstractions;

namespace StatefulManifests.KubernetesInterop.Tests;

/// <summary>
/// Every property of every model record reachable from the three roots maps in both directions: it has a client
/// field with the same JSON key, and a value set on it survives model → client → model (each object is filled by
/// reflection with a distinct value in every property, so a field the conversion skipped comes back null).
/// </summary>
public sealed class FieldCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_model_field_has_a_client_field_and_survives_the_round_trip() => TurkishCulture.Run(() =>
    {
        var filler = new Filler();
        var set = (StatefulSet)filler.Fill(typeof(StatefulSet), typeof(V1StatefulSet));
        var service = (Service)filler.Fill(typeof(Service), typeof(V1Service));
        var budget = (PodDisruptionBudget)filler.Fill(typeof(PodDisruptionBudget), typeof(V1PodDisruptionBudget));

        Assert.Empty(filler.Unpaired);
        Assert.Equal(set, set.ToKubernetes().ToModel());
        Assert.Equal(service, service.ToKubernetes().ToModel());
        Assert.Equal(budget, budget.ToKubernetes().ToModel());
        Assert.Empty(KubernetesModel.From(set.ToKubernetes(), service.ToKubernetes(), budget.ToKubernetes()).Patches);

        // Every owned kind converts both ways with every field.
        foreach (var (model, client) in OwnedKinds)
        {
            var owned = (IKubernetesObject)filler.Fill(model, client);
            Assert.Equal(owned, owned.ToKubernetesObject().ToModelObject());
        }

        Assert.Empty(filler.Unpaired);

        output.WriteLine($"{filler.Types.Count} model types, {filler.Fields} fields, each set and round-tripped");

        // The walk reached every record of the model (UnmodelledObject is a whole document, not a Kubernetes type).
        var records = typeof(StatefulSet).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == typeof(StatefulSet).Namespace && t.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
            .Where(t => t != typeof(UnmodelledObject))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(records, filler.Types.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
    });

    private static readonly (Type Model, Type Client)[] OwnedKinds =
    [
        (typeof(ConfigMap), typeof(V1ConfigMap)),
        (typeof(ServiceAccount), typeof(V1ServiceAccount)),
        (typeof(PersistentVolume), typeof(V1PersistentVolume)),
        (typeof(PersistentVolumeClaim), typeof(V1PersistentVolumeClaim)),
        (typeof(Role), typeof(V1Role)),
        (typeof(RoleBinding), typeof(V1RoleBinding)),
        (typeof(NetworkPolicy), typeof(V1NetworkPolicy)),
        (typeof(HorizontalPodAutoscaler), typeof(V2HorizontalPodAutoscaler)),
        (typeof(CronJob), typeof(V1CronJob)),
    ];

    [Fact]
    public void A_field_left_unset_is_what_the_round_trip_would_miss()
    {
        // The check above can fail: a model record without its nested value is not equal to the full one.
        var filler = new Filler();
        var set = (StatefulSet)filler.Fill(typeof(StatefulSet), typeof(V1StatefulSet));
        var client = set.ToKubernetes();
        client.Spec.Template.Spec.Containers[0].Resources.Requests = null;
        Assert.NotEqual(set, client.ToModel());
    }

    /// <summary>Builds model objects with every property set, recording the pairs it walked.</summary>
    private sealed class Filler
    {
        private int counter;

        public HashSet<Type> Types { get; } = [];

        public List<string> Unpaired { get; } = [];

        public int Fields { get; private set; }

        public object Fill(Type model, Type client)
        {
            var map = FieldMap.For(model, client);
            var first = Types.Add(model);
            if (first)
            {
                Unpaired.AddRange(map.Unpaired);
            }

            var result = Activator.CreateInstance(model)!;
            foreach (var field in map.Fields)
            {
                Fields += first ? 1 : 0;

                // Records nest only a few levels (no recursive types in this closure), so a walk ends.
                field.Model.SetValue(result, Value(field.Model.PropertyType, field.Client.PropertyType));
            }

            return result;
        }

        private object Value(Type modelType, Type clientType)
        {
            var model = Nullable.GetUnderlyingType(modelType) ?? modelType;
            var client = Nullable.GetUnderlyingType(clientType) ?? clientType;
            var n = ++counter;
            if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueList<>))
            {
                var item = Value(model.GetGenericArguments()[0], client.GetGenericArguments()[0]);
                var array = Array.CreateInstance(model.GetGenericArguments()[0], 1);
                array.SetValue(item, 0);
                return typeof(ValueList).GetMethod(nameof(ValueList.ToValueList))!.MakeGenericMethod(model.GetGenericArguments()[0]).Invoke(null, [array])!;
            }

            if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueMap<>))
            {
                var valueType = model.GetGenericArguments()[0];
                var pairType = typeof(KeyValuePair<,>).MakeGenericType(typeof(string), valueType);
                var pairs = Array.CreateInstance(pairType, 1);
                pairs.SetValue(Activator.CreateInstance(pairType, "key" + n, Value(valueType, client.GetGenericArguments()[1])), 0);
                return typeof(ValueMap<>).MakeGenericType(valueType).GetMethod("From")!.Invoke(null, [pairs])!;
            }

            if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(EnumValue<>))
            {
                var names = (IReadOnlyList<string>)model.GetProperty("SupportedValues")!.GetValue(null)!;
                return Activator.CreateInstance(model, names[n % names.Count])!;
            }

            return model switch
            {
                _ when model == typeof(string) && client == typeof(DateTime) => $"20{10 + (n % 80)}-01-02T03:04:05Z",
                _ when model == typeof(string) => "text" + n,
                _ when model == typeof(int) => n,
                _ when model == typeof(long) => 10_000_000_000L + n,
                _ when model == typeof(bool) => n % 2 == 0,
                _ when model == typeof(double) => n + 0.5,
                _ when model == typeof(Quantity) => Quantity.Parse(n % 2 == 0 ? n + "Mi" : n + "500m"),
                _ when model == typeof(Model.IntOrString) => n % 2 == 0 ? Model.IntOrString.FromInt(n) : Model.IntOrString.FromString("name" + n),
                _ when model == typeof(RawValue) => RawValue.FromMap([new("f:key" + n, RawValue.FromList([RawValue.Number(n), RawValue.Number("1.5"), RawValue.String("x"), RawValue.Boolean(true), RawValue.Null]))]),
                _ => Fill(model, client),
            };
        }
    }
}
