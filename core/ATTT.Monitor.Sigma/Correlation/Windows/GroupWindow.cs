namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// What one correlation remembers about one group within its timespan: the aggregate its
/// condition is compared with. Bounded: a count keeps no more than its condition needs to decide.
/// In a sliding window (<see cref="Prune"/> called before each addition) old entries expire; in a
/// window anchored at its first event nothing expires until the whole window closes.
/// </summary>
internal abstract class GroupWindow
{
    /// <summary>Adds one detection's contribution; false when the detection carries nothing this window counts.</summary>
    public abstract bool Add(in WindowInput input);

    /// <summary>Drops what is older than <paramref name="horizon"/> (sliding windows only).</summary>
    public abstract void Prune(DateTimeOffset horizon);

    /// <summary>The aggregate the condition is compared with (count, distinct count, rules seen, sum, average, percentile).</summary>
    public abstract double Measure { get; }

    /// <summary>How many events, values or rules the measure covers (for <see cref="SigmaDetection.Count"/>).</summary>
    public abstract long Items { get; }

    public abstract void Clear();

    public abstract void Save(StateWriter writer);

    public abstract void Load(StateReader reader);
}
