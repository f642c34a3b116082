using OpenTelemetry.Metrics;

namespace ChatEscalation.Bot.Tests.Telemetry;

/// <summary>Reads what the in-memory exporter received: the latest snapshot of each metric, summed over the points that carry the given tags.</summary>
public sealed class ExportedMetrics(IReadOnlyList<MetricSnapshot> exported)
{
    /// <summary>The latest snapshot named <paramref name="name"/>; throws when the metric was never exported.</summary>
    public MetricSnapshot Latest(string name) =>
        exported.LastOrDefault(m => m.Name == name) ?? throw new ShouldAssertException($"No metric '{name}' was exported; got: {string.Join(", ", exported.Select(m => m.Name).Distinct())}");

    /// <summary>A counter's sum over the points with all of <paramref name="tags"/>; 0 when none.</summary>
    public long Sum(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Sum(p => p.GetSumLong());

    /// <summary>A histogram's count and sum over the points with all of <paramref name="tags"/>.</summary>
    public (long Count, double Sum) Histogram(string name, params (string Key, string Value)[] tags)
    {
        var points = Points(name, tags).ToList();
        return (points.Sum(p => p.GetHistogramCount()), points.Sum(p => p.GetHistogramSum()));
    }

    /// <summary>A gauge's last value (long or double gauges).</summary>
    public double Gauge(string name)
    {
        var snapshot = Latest(name);
        var point = snapshot.MetricPoints.ShouldHaveSingleItem();
        return snapshot.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
    }

    private IEnumerable<MetricPoint> Points(string name, (string Key, string Value)[] tags)
    {
        if (exported.All(m => m.Name != name)) return [];
        return Latest(name).MetricPoints.Where(p => tags.All(t => HasTag(p, t.Key, t.Value)));
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value?.ToString(), value)) return true;
        }

        return false;
    }
}
