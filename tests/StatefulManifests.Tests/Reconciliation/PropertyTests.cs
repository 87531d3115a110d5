using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>
/// Invariants over thousands of random event sequences (seeded <see cref="Random"/>, so every failure reproduces):
/// one pod per ordinal; under OrderedReady no pod is created while a lower ordinal is not Running, Ready and
/// available; a claim is deleted only as the retention policy allows; claim names are always
/// <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>; without faults the set converges with every pod from the partition
/// up on the update revision.
/// </summary>
public class PropertyTests
{
    private const int SequencesPerCase = 500;
    private static readonly string[] Images = { "nginx:1", "nginx:2", "nginx:3" };

    [Theory]
    [InlineData(PodManagementPolicy.OrderedReady, false, 11)]
    [InlineData(PodManagementPolicy.Parallel, false, 23)]
    [InlineData(PodManagementPolicy.OrderedReady, true, 37)]
    [InlineData(PodManagementPolicy.Parallel, true, 41)]
    public void Invariants_hold_over_random_event_sequences(PodManagementPolicy policy, bool faults, int seed)
    {
        for (var sequence = 0; sequence < SequencesPerCase; sequence++)
        {
            var random = new Random(seed * 100_003 + sequence);
            new Sequence(random, policy, faults, "seed " + seed.ToString(CultureInfo.InvariantCulture) + " sequence " + sequence.ToString(CultureInfo.InvariantCulture)).Run();
        }
    }

    private sealed class Sequence
    {
        private readonly Random random;
        private readonly bool faults;
        private readonly string name;
        private readonly StatefulSetSimulation sim;
        private readonly Dictionary<string, SimulatedClaim> lastClaims = new(StringComparer.Ordinal);
        private readonly List<string> log = new();
        private Dictionary<string, SimulatedPod> podsBefore = new(StringComparer.Ordinal);
        private StatefulSet setBefore;

        public Sequence(Random random, PodManagementPolicy policy, bool faults, string name)
        {
            this.random = random;
            this.faults = faults;
            this.name = name;
            var gateOn = random.Next(3) == 0;
            var set = TestSets.Web(random.Next(0, 5), policy, Images[0])
                .WithOrdinalsStart(random.Next(0, 3))
                .WithRetentionPolicy(Pick(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete), Pick(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete))
                .WithMinReadySeconds(random.Next(3) == 0 ? 3 : 0);
            set = random.Next(6) switch
            {
                0 => set.WithUpdateStrategy(UpdateStrategyType.OnDelete),
                1 => set.WithNilRollingUpdate(),
                2 => set.WithPartition(random.Next(0, 4)),
                _ => set,
            };
            if (gateOn && set.Spec!.UpdateStrategy?.Type?.Known != UpdateStrategyType.OnDelete && set.Spec.UpdateStrategy?.RollingUpdate is not null)
            {
                set = set.WithMaxUnavailable(random.Next(2) == 0 ? IntOrString.FromInt(random.Next(1, 4)) : IntOrString.FromString(random.Next(10, 101).ToString(CultureInfo.InvariantCulture) + "%"));
            }

            var options = new SimulationOptions
            {
                FeatureGates = FeatureGates.Kubernetes136 with { MaxUnavailableStatefulSet = gateOn },
                PendingTicks = random.Next(0, 2),
                UnreadyTicks = random.Next(0, 2),
                TerminationTicks = random.Next(0, 3),
                GarbageCollectionDelayTicks = random.Next(0, 3),
                RecordTimeline = false,
            };
            sim = StatefulSetSimulation.Create(set, options);
            setBefore = sim.StatefulSet!;
        }

        public void Run()
        {
            var actions = random.Next(15, 40);
            for (var i = 0; i < actions; i++)
            {
                Act();
            }

            if (faults)
            {
                return;
            }

            // Let it settle while still checking every pass, then judge convergence.
            for (var i = 0; i < 60; i++)
            {
                Step();
            }

            var outcome = sim.RunUntilStable(maxSteps: 500);
            var spec = sim.StatefulSet!.Spec!;
            if (!outcome.Converged && spec.PodManagementPolicy?.Known == PodManagementPolicy.Parallel && spec.UpdateStrategy?.RollingUpdate is null &&
                spec.UpdateStrategy?.Type?.Known == UpdateStrategyType.RollingUpdate && outcome.Explanation.Contains("Livelock"))
            {
                return; // The documented §B.12 livelock (Parallel, nil rollingUpdate): not a convergence failure.
            }

            Check(outcome.Converged, "without faults the set converges: " + outcome.Explanation);
            var start = spec.Ordinals?.Start ?? 0;
            var partition = spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
            Check(sim.Pods.Count == spec.Replicas, "one pod per replica");
            if (spec.UpdateStrategy?.Type?.Known == UpdateStrategyType.RollingUpdate)
            {
                foreach (var pod in sim.Pods.Where(p => p.Ordinal - start >= partition))
                {
                    Check(pod.Revision == sim.Status.UpdateRevision, pod.Name + " is at or above the partition but not on the update revision");
                }
            }
        }

        private void Act()
        {
            var replicas = sim.StatefulSet!.Spec!.Replicas ?? 0;
            var existing = sim.Pods.Select(p => p.Ordinal).ToList();
            switch (random.Next(faults ? 22 : 16))
            {
                case 0 or 1 or 2 or 3 or 4 or 5:
                    Step();
                    break;
                case 6:
                    Observe("reconcile", () => sim.Reconcile());
                    break;
                case 7:
                    Observe("tick", sim.Tick);
                    break;
                case 8:
                    var target = random.Next(0, 6);
                    Observe("scale " + target.ToString(CultureInfo.InvariantCulture), () => sim.Scale(target));
                    break;
                case 9 or 10:
                    var image = Images[random.Next(Images.Length)];
                    Observe("image " + image, () => sim.SetImage(image));
                    break;
                case 11 when sim.StatefulSet.Spec.UpdateStrategy?.RollingUpdate is not null:
                    var partition = random.Next(0, replicas + 2);
                    Observe("partition " + partition.ToString(CultureInfo.InvariantCulture), () => sim.Apply(s => s.WithPartition(partition)));
                    break;
                case 12:
                    var scaled = Pick(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete);
                    var deleted = Pick(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete);
                    Observe("retention " + deleted + "/" + scaled, () => sim.Apply(s => s.WithRetentionPolicy(deleted, scaled)));
                    break;
                case 13:
                    var start = random.Next(0, 3);
                    Observe("start " + start.ToString(CultureInfo.InvariantCulture), () => sim.Apply(s => s.WithOrdinalsStart(start)));
                    break;
                case 14 when existing.Count > 0:
                    var victim = existing[random.Next(existing.Count)];
                    Observe("delete pod " + victim.ToString(CultureInfo.InvariantCulture), () => sim.DeletePod(victim));
                    break;
                case 15:
                    var seconds = random.Next(1, 10);
                    Observe("clock +" + seconds.ToString(CultureInfo.InvariantCulture), () => sim.Clock.Advance(TimeSpan.FromSeconds(seconds)));
                    break;
                case 16 when existing.Count > 0:
                    var failed = existing[random.Next(existing.Count)];
                    Observe("fail " + failed.ToString(CultureInfo.InvariantCulture), () => sim.Faults.Fail(failed));
                    break;
                case 17 when existing.Count > 0:
                    var evicted = existing[random.Next(existing.Count)];
                    Observe("evict " + evicted.ToString(CultureInfo.InvariantCulture), () => sim.Faults.Evict(evicted));
                    break;
                case 18:
                    var unready = random.Next(0, 6);
                    Observe("never ready " + unready.ToString(CultureInfo.InvariantCulture), () => sim.Faults.NeverReady(PodMatch.Ordinal(unready)));
                    break;
                case 19:
                    var bad = Images[random.Next(Images.Length)];
                    Observe("crash loop " + bad, () => sim.Faults.CrashLoop(PodMatch.Image(bad)));
                    break;
                case 20:
                    Observe("clear faults", () =>
                    {
                        sim.Faults.Clear();
                        foreach (var node in sim.Faults.LostNodes.ToList())
                        {
                            sim.Faults.RestoreNode(node);
                        }
                    });
                    break;
                case 21:
                    var lost = "node-" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture);
                    Observe("lose " + lost, () => sim.Faults.LoseNode(lost));
                    break;
                default:
                    Step();
                    break;
            }
        }

        // A step observed in two halves, so that what a pass did is checked before the garbage collector acts on it.
        private void Step()
        {
            Observe("reconcile", () => sim.Reconcile());
            Observe("tick", sim.Tick);
        }

        private void Observe(string action, Action act)
        {
            log.Add(action);
            podsBefore = new Dictionary<string, SimulatedPod>(sim.Store.Pods, StringComparer.Ordinal);
            setBefore = sim.StatefulSet!;
            var passesBefore = sim.Passes.Count;
            act();
            foreach (var pass in sim.Passes.Skip(passesBefore))
            {
                CheckOrderedCreation(pass);
            }

            CheckOnePodPerOrdinal();
            CheckClaims();
        }

        private void CheckOnePodPerOrdinal()
        {
            var pods = sim.Pods;
            Check(pods.Select(p => p.Ordinal).Distinct().Count() == pods.Count, "one pod per ordinal");
            foreach (var pod in pods)
            {
                Check(pod.Name == "web-" + pod.Ordinal.ToString(CultureInfo.InvariantCulture), "pod name matches its ordinal");
                Check(pod.Labels[WellKnownLabels.PodIndex] == pod.Ordinal.ToString(CultureInfo.InvariantCulture), pod.Name + " has its pod-index label");
                Check(pod.Spec.Volumes!.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName == "data-web-" + pod.Ordinal.ToString(CultureInfo.InvariantCulture), pod.Name + " mounts its own claim");
            }
        }

        // Under OrderedReady a pass creates a pod only when every lower in-range ordinal was Running, Ready and available.
        private void CheckOrderedCreation(PassReport pass)
        {
            var spec = setBefore.Spec!;
            if (spec.PodManagementPolicy?.Known != PodManagementPolicy.OrderedReady)
            {
                return;
            }

            var created = pass.ActionsOf(ControllerActionKind.CreatePod).Where(a => a.Succeeded).ToList();
            Check(created.Count <= 1, "OrderedReady creates at most one pod per pass");
            var start = spec.Ordinals?.Start ?? 0;
            foreach (var action in created)
            {
                var ordinal = int.Parse(action.Target.Substring(4), CultureInfo.InvariantCulture);
                for (var lower = start; lower < ordinal; lower++)
                {
                    var ok = podsBefore.TryGetValue("web-" + lower.ToString(CultureInfo.InvariantCulture), out var pod) && !pod.IsTerminating &&
                             pod.IsRunningAndReady && pod.IsAvailable(spec.MinReadySeconds ?? 0, pass.Time);
                    Check(ok, "OrderedReady created " + action.Target + " while web-" + lower.ToString(CultureInfo.InvariantCulture) + " was not Running, Ready and available");
                }
            }
        }

        private void CheckClaims()
        {
            var spec = sim.StatefulSet!.Spec!;
            var start = spec.Ordinals?.Start ?? 0;
            var end = start + (spec.Replicas ?? 0);
            var whenScaledDelete = spec.PersistentVolumeClaimRetentionPolicy!.WhenScaled!.Value.Known == ClaimRetentionPolicy.Delete;
            var now = sim.Claims.ToDictionary(c => c.Uid, StringComparer.Ordinal);
            foreach (var claim in now.Values)
            {
                Check(claim.Name == "data-web-" + claim.Ordinal.ToString(CultureInfo.InvariantCulture) && claim.TemplateName == "data", "claim name " + claim.Name);
                var before = lastClaims.TryGetValue(claim.Uid, out var b) ? b : null;
                if (claim.IsOwnedByPod && !(before?.IsOwnedByPod ?? false))
                {
                    Check(whenScaledDelete, claim.Name + " got a pod owner although whenScaled is Retain");
                    Check(claim.Ordinal < start || claim.Ordinal >= end, claim.Name + " got a pod owner although its ordinal is in range");
                }
            }

            foreach (var gone in lastClaims.Values.Where(c => !now.ContainsKey(c.Uid)))
            {
                // Only the garbage collector deletes claims here, and only claims a scaled-down pod owned.
                Check(gone.IsOwnedByPod || gone.IsTerminating, gone.Name + " was deleted without being owned by a condemned pod");
                var owner = gone.OwnerReferences.FirstOrDefault(r => r.Kind == "Pod");
                Check(owner is null || !sim.Store.Pods.Values.Any(p => p.Uid == owner.Uid), gone.Name + " was deleted while its owning pod still exists");
            }

            lastClaims.Clear();
            foreach (var claim in now.Values)
            {
                lastClaims[claim.Uid] = claim;
            }
        }

        private void Check(bool condition, string message)
        {
            if (!condition)
            {
                Assert.Fail(name + ": " + message + "\nactions: " + string.Join(", ", log) + "\n" + sim.DescribePods() + string.Join("\n", sim.Passes.Skip(Math.Max(0, sim.Passes.Count - 5))));
            }
        }

        private T Pick<T>(T a, T b) => random.Next(2) == 0 ? a : b;
    }
}
